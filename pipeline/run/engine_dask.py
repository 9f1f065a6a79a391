"""The Dask engine: the same batches on a Dask distributed cluster, results in input order.

Needs the optional extra ``claim-pipeline[dask]``. The model is loaded once per Dask worker by
a worker plugin; batches are submitted a few at a time (so memory stays flat however large
the archive) and collected in submission order, so the output is byte-identical to the local
engine's.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from distributed import Client, LocalCluster, WorkerPlugin, get_worker

from pipeline.read.reader import ReadItem
from pipeline.run.outputs import ItemOutput, OutputSpec, render
from pipeline.run.runner import batches

if TYPE_CHECKING:
    from pipeline.run.runner import Settings

PLUGIN_NAME = "claims-runner"
# Batches in flight per worker: enough to keep every worker busy, few enough to bound memory.
IN_FLIGHT_PER_WORKER = 2


class RunnerPlugin(WorkerPlugin):  # type: ignore[misc]
    """A Dask worker plugin that loads the pipeline once when a worker starts."""

    name = PLUGIN_NAME

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def setup(self, worker: Any) -> None:
        from pipeline.run.runner import Runner

        worker.claims_runner = Runner(self.settings)

    def teardown(self, worker: Any) -> None:
        worker.claims_runner = None


def _process_on_worker(output: OutputSpec, items: list[ReadItem]) -> list[ItemOutput]:
    """Run one batch with the worker's preloaded runner."""
    runner = get_worker().claims_runner
    return [render(outcome, output) for outcome in runner.run_batch(items)]


def process_outputs_dask(
    items: Iterable[ReadItem],
    output: OutputSpec,
    settings: Settings,
    workers: int,
    scheduler: str | None,
) -> Iterator[list[ItemOutput]]:
    """Per batch, the outputs of its items in input order, computed on a Dask cluster."""
    cluster = None
    if scheduler is None:
        cluster = LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
        )
        client = Client(cluster)
    else:
        client = Client(scheduler)
    try:
        client.register_plugin(RunnerPlugin(settings), name=PLUGIN_NAME)
        window = max(1, workers * IN_FLIGHT_PER_WORKER)
        pending: deque[Any] = deque()
        for batch in batches(items, settings.batch_size):
            # pure=False: equal batches at different places in the archive are distinct work.
            pending.append(client.submit(_process_on_worker, output, batch, pure=False))
            if len(pending) >= window:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
