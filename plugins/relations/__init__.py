"""Built-in factcheck plugin: relations (work in progress)."""
