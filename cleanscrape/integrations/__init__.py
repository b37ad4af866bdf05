"""Steps that fit cleanscrape into other frameworks' pipelines (each an optional extra)."""
