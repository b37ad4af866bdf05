"""`python -m cleanscrape.cli.batch` with the deterministic fake cleaner, for subprocess tests."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import fake_clean  # noqa: E402

from cleanscrape.cli.batch import main  # noqa: E402

if __name__ == "__main__":  # required: worker processes import this file again
    sys.exit(main(sys.argv[1:], clean=fake_clean.clean))
