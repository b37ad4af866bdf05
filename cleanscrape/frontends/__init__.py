"""Front ends: turn raw input (text or HTML) into a `cleanscrape.model.Document`."""
