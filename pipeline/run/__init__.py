"""Run: the runner that composes the stages, the batch job, its outputs and the writer.

Modules: ``runner`` (read → clean → spaCy stages → claims, one article's failure isolated),
``job`` (read, process on one or more workers, write resumably), ``outputs`` (what an article is
written as), ``write`` (atomic, resumable JSON lines) and ``engine_dask`` (the same batches on a
Dask cluster; the job imports it, never the other way round). Offers ``run_job``, ``JobSpec``,
``process_articles`` and ``Settings``.
"""

from pipeline.run.job import JobSpec, run_job
from pipeline.run.runner import Settings, process_articles

__all__ = ["JobSpec", "Settings", "process_articles", "run_job"]
