"""Reading articles: load -> clean -> segment (with language identification and spaCy),
and the sentence-embedding provider used to align claims by meaning."""
