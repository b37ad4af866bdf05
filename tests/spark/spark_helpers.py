"""The module-scoped Spark session for tests/spark (not a conftest.py: tests/conftest.py owns that name).

Spark starts in ~15-30 s, so one small local[2] session serves a whole test module. It binds to
127.0.0.1 with the UI off, and its JVM is stopped afterwards: no port, no stray process left.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(name="spark", scope="module")
def spark_fixture() -> Iterator[object]:
    from cleanscrape.engines.spark import local_session, stop_session

    saved = {key: os.environ.get(key) for key in ("SPARK_LOCAL_IP", "PYTHONPATH", "PYSPARK_PYTHON")}
    os.environ["SPARK_LOCAL_IP"] = "127.0.0.1"
    # Python workers must import this checkout's cleanscrape even when it is not installed.
    os.environ["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), saved["PYTHONPATH"]) if p)
    session = local_session("local[2]", app_name="cleanscrape-tests", ui=False, host="127.0.0.1", extra={
        "spark.sql.shuffle.partitions": "2",  # tiny data: the default 200 shuffle tasks cost seconds
        "spark.driver.memory": "512m",
    })
    session.sparkContext.setLogLevel("ERROR")
    try:
        yield session
    finally:
        stop_session(session)
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
