"""Static assets (CSS, JS) inlined into the self-contained HTML report."""
