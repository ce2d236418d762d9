"""``factcheck serve``: a local HTTP service for pre-publish checks.

The service keeps one :class:`~checker.run.pipeline.Checker` (plugins, rules, spaCy, the
sentence encoder, the NLI model once used) and the corpus (read once, its analysis in the
analysis cache) warm, so checking a draft costs only the draft and its comparisons.

* :mod:`checker.serve.corpus`: the warm corpus and the checks of drafts against it
  (no web dependency; the same JSON as ``factcheck check DRAFT --against CORPUS -f json``);
* :mod:`checker.serve.app`: the Starlette application (``POST /check``,
  ``POST /corpus/reload``, ``GET /health``, the page at ``/``) and the uvicorn server;
* :mod:`checker.serve.watch`: the optional polling watcher that reloads a changed corpus.

Starlette and uvicorn come with the optional extra ``factcheck[serve]``.
"""
