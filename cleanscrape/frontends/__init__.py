"""Front ends: turn an input (plain text, HTML) into a Document of lines for the stages."""
