"""cleanscrape on Apache Spark (`pip install 'cleanscrape[spark]'`). See cleanscrape.engines.spark."""

from cleanscrape.engines.spark import (  # noqa: F401 - the public names of the Spark engine
    CleanOptions,
    clean_dataframe,
    clean_files,
    clean_jsonl,
    clean_parquet,
    local_session,
    make_options,
    output_schema,
    stop_session,
)

__all__ = [
    "CleanOptions", "clean_dataframe", "clean_files", "clean_jsonl", "clean_parquet", "local_session", "make_options",
    "output_schema", "stop_session",
]
