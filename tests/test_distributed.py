"""Loading on a Dask cluster gives the database a single process gives, and a
worker that dies mid-batch loses nothing (loader/distributed.py).

The clusters are real (spawned worker processes on loopback), so these tests
also prove the analysis pickles to and from workers.
"""

from __future__ import annotations

import os
import sqlite3
import sys
from pathlib import Path

import cloudpickle
import pytest
import sqlite_utils
from click.testing import CliRunner

from loader import distributed as dl
from loader.cli import cli
from loader.pipeline import analyse_batch
from loader.sources import InputError, ReadOptions, Source, read_source
from tests.conftest import SEEDS

distributed = pytest.importorskip("distributed")

# Workers cannot import this file (tests/ is not on their path): send the
# misbehaving task functions below by value.
cloudpickle.register_pickle_by_value(sys.modules[__name__])


@pytest.fixture(scope="module")
def client():
    with (
        distributed.LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address="127.0.0.1:0",
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        yield client


def dump(path: Path) -> dict[str, list[tuple]]:
    """Every row of every table but the full-text index's own, in column
    order, without the load time: what "the same database" means."""
    conn = sqlite3.connect(path)
    tables = [
        name
        for (name,) in conn.execute("select name from sqlite_master where type = 'table'")
        if "_fts" not in name
    ]
    out = {}
    for table in tables:
        columns = [r[1] for r in conn.execute(f"pragma table_info([{table}])")]
        order = ", ".join(str(i + 1) for i in range(len(columns)))
        cursor = conn.execute(f"select * from [{table}] order by {order}")
        keep = [i for i, c in enumerate(columns) if c != "loaded_at"]
        out[table] = [tuple(row[i] for i in keep) for row in cursor]
    conn.close()
    return out


@pytest.fixture(scope="module")
def serial_dump(tmp_path_factory):
    db = tmp_path_factory.mktemp("serial") / "serial.db"
    result = CliRunner().invoke(cli, ["load", str(db), str(SEEDS)])
    assert result.exit_code == 0, result.output
    return dump(db)


def test_dask_local_load_is_the_single_process_load(tmp_path, seeds_dir, serial_dump):
    db = tmp_path / "dask.db"
    result = CliRunner().invoke(cli, ["load", str(db), str(seeds_dir), "--dask-local", "2"])
    assert result.exit_code == 0, result.output
    assert "dask: 2 workers, dashboard http://127.0.0.1:" in result.stderr
    got = dump(db)
    assert len(got["claims"]) > 5 and got["claim_groups"]
    assert got == serial_dump


def _die_once(marker: Path, records, model):
    """Analyse the batch, then kill the worker process before it can answer,
    the first time only (the marker file is shared by all workers)."""
    results = analyse_batch(records, model)
    try:
        marker.touch(exist_ok=False)
    except FileExistsError:
        return results
    os._exit(1)


def test_a_worker_dying_mid_batch_loses_nothing(
    tmp_path, seeds_dir, serial_dump, client, monkeypatch
):
    from functools import partial

    marker = tmp_path / "died"
    monkeypatch.setattr(dl, "analyse_batch", partial(_die_once, marker))
    db = tmp_path / "dask.db"
    address = client.scheduler.address
    result = CliRunner().invoke(cli, ["load", str(db), str(seeds_dir), "--scheduler", address])
    assert result.exit_code == 0, result.output
    assert marker.exists()  # a worker really died
    assert dump(db) == serial_dump


def _always_fails(records, model):
    raise RuntimeError("model exploded")


def test_a_task_that_always_fails_is_one_error_line_per_article(tmp_path, seeds_dir, client):
    names = sorted(p.name for p in seeds_dir.glob("*.txt"))[:3]
    records = [
        r
        for name in names
        for r in read_source(Source(seeds_dir / name, name), ReadOptions(), warnings=[])
    ]
    results = list(dl.analyse_on_dask(records, client, analyse=_always_fails, batch=2))
    assert [r.path for r in results] == [r.label for r in records]
    assert all(isinstance(r, InputError) for r in results)
    assert "model exploded" in str(results[0]) and names[0] in str(results[0])


def test_scheduler_load_reports_a_bad_file_and_loads_the_rest(tmp_path, seeds_dir, client):
    bad = tmp_path / "in" / "bad.txt"
    bad.parent.mkdir()
    bad.write_bytes(b"\x00\x01binary")
    db = tmp_path / "d.db"
    address = client.scheduler.address
    result = CliRunner().invoke(
        cli, ["load", str(db), str(bad), str(seeds_dir), "--scheduler", address, "--no-match"]
    )
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and str(bad) in errors[0] and "binary" in errors[0]
    assert sqlite_utils.Database(db)["articles"].count == 5


def test_cluster_options_exclude_each_other_and_processes(tmp_path, seeds_dir):
    db = str(tmp_path / "x.db")
    runner = CliRunner()
    both = runner.invoke(
        cli,
        ["load", db, str(seeds_dir), "--scheduler", "tcp://127.0.0.1:1"] + ["--dask-local", "1"],
    )
    assert both.exit_code == 2 and "exclude each other" in both.output
    procs = runner.invoke(cli, ["load", db, str(seeds_dir), "--dask-local", "2", "-p", "2"])
    assert procs.exit_code == 2 and "--processes" in procs.output


def test_an_unreachable_scheduler_is_one_clear_line(tmp_path, seeds_dir):
    import dask

    with dask.config.set({"distributed.comm.timeouts.connect": "1s"}):
        result = CliRunner().invoke(
            cli,
            ["load", str(tmp_path / "x.db"), str(seeds_dir), "--scheduler", "tcp://127.0.0.1:9"],
        )
    assert result.exit_code == 1
    assert "cannot reach Dask scheduler tcp://127.0.0.1:9" in result.output


def test_a_worker_without_the_model_stops_the_run_with_one_line(tmp_path, seeds_dir, client):
    db = tmp_path / "m.db"
    address = client.scheduler.address
    result = CliRunner().invoke(
        cli, ["load", str(db), str(seeds_dir), "--scheduler", address, "--model", "no_such_model"]
    )
    assert result.exit_code == 1
    assert "Dask worker tcp://127.0.0.1:" in result.output
    assert "'no_such_model' is not installed" in result.output
    assert sqlite_utils.Database(db)["articles"].count == 0
