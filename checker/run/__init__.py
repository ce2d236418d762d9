"""Running a check: the pipeline, its document preparers (serial, process pool, Dask), the
analysis cache of prepared documents, and the runner of rules' embedded tests."""
