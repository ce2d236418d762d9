"""Built-in factcheck plugin: nli (work in progress)."""
