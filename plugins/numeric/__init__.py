"""Built-in factcheck plugin: numeric (work in progress)."""
