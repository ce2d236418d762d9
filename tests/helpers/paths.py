"""Where the repository, the seeds and the test data are."""

from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO / "seeds"
DATA = REPO / "tests" / "data"
SHARED = REPO.parent / "shared"
