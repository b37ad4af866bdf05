"""Every seed's whole to_dict() output against golden/<seed>.json.

Regenerate with `python -m pytest tests/test_golden.py --update-golden`, then read the diff:
a golden file records the right answer, not whatever the code printed.
"""

import json

import pytest
from conftest import ROOT

import cleanscrape

SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


def page_json(seed) -> str:
    source = seed.relative_to(ROOT).as_posix()
    page = cleanscrape.clean(seed.read_bytes(), source=source)
    return json.dumps(page.to_dict(), ensure_ascii=False, indent=2) + "\n"


def test_every_seed_has_a_golden_file():
    assert len(SEEDS) == 5
    missing = [seed.name for seed in SEEDS if not (ROOT / "golden" / f"{seed.name}.json").exists()]
    assert not missing


@pytest.mark.parametrize("seed", SEEDS, ids=lambda seed: seed.name)
def test_seed_matches_golden(seed, update_golden):
    golden = ROOT / "golden" / f"{seed.name}.json"
    actual = page_json(seed)
    if update_golden:
        golden.write_text(actual, encoding="utf-8")
    assert actual == golden.read_text(encoding="utf-8")
