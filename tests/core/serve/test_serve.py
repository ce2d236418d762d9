"""``factcheck serve``: the HTTP contract (TestClient), the same findings as the CLI, the guards."""

from __future__ import annotations

import http.client
import json
import re
import socket
import threading
import time
import urllib.parse

import pytest
from helpers import fakeplugin
from helpers.browser import chromium, find_browser

from checker import cli

starlette = pytest.importorskip("starlette", reason="factcheck[serve] (starlette) is not installed")
pytest.importorskip("httpx", reason="starlette.testclient needs httpx")

from starlette.testclient import TestClient  # noqa: E402

from checker.context import Options  # noqa: E402
from checker.run.pipeline import Checker  # noqa: E402
from checker.serve.app import create_app, is_loopback  # noqa: E402
from checker.serve.corpus import WarmCorpus  # noqa: E402
from checker.serve.watch import CorpusWatcher  # noqa: E402

RULE = """
id: t.chiffre
extends: fake-word
level: error
message: "chiffre {a.value} ({a.doc}) vs {b.value} ({b.doc})"
match: {word: chiffre}
"""
DRAFT = "Première phrase du brouillon.\nLe chiffre 13 est connu depuis longtemps.\n"


@pytest.fixture
def project(tmp_path, monkeypatch):
    fakeplugin.install_fake_host(monkeypatch)
    (tmp_path / "myrules").mkdir()
    (tmp_path / "myrules" / "chiffre.yaml").write_text(RULE, encoding="utf-8")
    corpus = tmp_path / "corpus"
    (corpus / "sub").mkdir(parents=True)
    (corpus / "b.txt").write_text("Le chiffre 12 est connu depuis longtemps.\n", encoding="utf-8")
    (corpus / "c.txt").write_text("Un autre texte sans rapport avec le sujet.\n", encoding="utf-8")
    (corpus / "sub" / "d.md").write_text("# Titre\n\nLe chiffre 14 est connu depuis longtemps.\n", encoding="utf-8")
    (tmp_path / "outside.txt").write_text("Le chiffre 99 est connu depuis longtemps.\n", encoding="utf-8")
    (tmp_path / ".factcheck.yaml").write_text("rules: [myrules]\nbuiltin_rules: false\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _corpus() -> WarmCorpus:
    checker = Checker(rule_paths=["myrules"], builtin_rules=False, options=Options(progress=False, quiet=True))
    return WarmCorpus(checker, "corpus")


@pytest.fixture
def client(project):
    with TestClient(create_app(_corpus())) as c:
        yield c


def _cli_json(capsys, *args: str) -> dict:
    code = cli.main(["check", *args, "-f", "json", "-q"])
    assert code in (0, 1)
    return json.loads(capsys.readouterr().out)


def test_health(client):
    r = client.get("/health")
    assert r.status_code == 200
    assert r.json()["status"] == "ok" and r.json()["documents"] == 3


def test_check_by_text_gives_the_cli_findings(client, project, capsys):
    r = client.post("/check", json={"text": DRAFT, "name": "draft.txt"})
    assert r.status_code == 200, r.text
    served = r.json()
    (project / "draft.txt").write_text(DRAFT, encoding="utf-8")
    expected = _cli_json(capsys, "draft.txt", "--against", "corpus")
    assert served["findings"] == expected["findings"]
    assert len(served["findings"]) == 2  # 13 vs 12 (b.txt) and 13 vs 14 (sub/d.md)
    assert served["summary"] == expected["summary"]
    assert [d["path"] for d in served["documents"]] == [d["path"] for d in expected["documents"]]


def test_repeated_checks_read_the_corpus_from_memory_and_give_the_cli_findings(client, project, capsys):
    """The corpus preparations stay in memory between checks (no disk read, no unpickling);
    the second and third checks, an edited draft among them, still give the CLI's findings."""
    edited = DRAFT + "Le chiffre 15 est connu depuis longtemps.\n"
    served = [client.post("/check", json={"text": text, "name": "draft.txt"}).json() for text in (DRAFT, DRAFT, edited)]
    caches = list(client.app.state.corpus.checker._caches.values())
    assert caches and all(len(c.memory) == 3 for c in caches)  # the three corpus articles, not the drafts
    for text, got in zip((DRAFT, DRAFT, edited), served):
        (project / "draft.txt").write_text(text, encoding="utf-8")
        expected = _cli_json(capsys, "draft.txt", "--against", "corpus")
        assert got["findings"] == expected["findings"] and got["summary"] == expected["summary"]
    assert len(served[2]["findings"]) == 4  # 15 and 13 of the edited draft, each against 12 and 14


def test_check_by_path_gives_the_cli_findings(client, capsys):
    r = client.post("/check", json={"path": "sub/d.md"})
    assert r.status_code == 200, r.text
    expected = _cli_json(capsys, "corpus/sub/d.md", "--against", "corpus")
    assert r.json()["findings"] == expected["findings"]
    assert {e["path"] for f in r.json()["findings"] for e in f["evidence"]} == {"corpus/sub/d.md", "corpus/b.txt"}


def test_reload_sees_a_new_corpus_file(client, project):
    (project / "corpus" / "e.txt").write_text("Le chiffre 15 est connu depuis longtemps.\n", encoding="utf-8")
    assert client.post("/corpus/reload").json()["documents"] == 4
    r = client.post("/check", json={"text": DRAFT})
    assert len(r.json()["findings"]) == 3


def test_watcher_reloads_a_changed_corpus(project):
    corpus = _corpus()
    watcher = CorpusWatcher(corpus, interval=60)
    assert watcher.poll() is False
    (project / "corpus" / "c.txt").unlink()
    assert watcher.poll() is True and len(corpus.documents) == 2


def test_watch_runs_with_the_app_and_stops_with_it(project):
    app = create_app(_corpus(), watch=0.1)
    with TestClient(app) as c:
        watcher = app.state.watcher
        assert watcher is not None and watcher._thread.is_alive()
        (project / "corpus" / "e.txt").write_text("Le chiffre 15 est connu depuis longtemps.\n", encoding="utf-8")
        for _ in range(100):
            if c.get("/health").json()["documents"] == 4:
                break
            time.sleep(0.1)
        assert c.get("/health").json()["documents"] == 4
    assert not watcher._thread.is_alive()


@pytest.mark.parametrize(
    "body, message",
    [
        (b"{not json", "request body is not valid JSON: Expecting property name enclosed in double quotes"),
        (b"[1, 2]", "the body must be a JSON object"),
        (b"", "empty body"),
        (b'{"text": "x", "path": "b.txt"}', "give either 'text'"),
        (b'{"text": 3}', "'text' must be a string"),
        (b'{"txt": "Le chiffre 13."}', "unknown key(s): txt"),
        (b'{"text": "   "}', "'text' is empty"),
        (b"\xff\xfe", "not UTF-8"),
    ],
)
def test_bad_requests_are_400_with_a_message(client, body, message):
    r = client.post("/check", content=body, headers={"Content-Type": "application/json"})
    assert r.status_code == 400
    assert message in r.json()["error"]


def test_too_large_body_is_413(project):
    with TestClient(create_app(_corpus(), max_body=1000)) as c:
        r = c.post("/check", json={"text": "Le chiffre 13 est connu. " * 100})
        assert r.status_code == 413 and "limit of 1000 bytes" in r.json()["error"]
        assert c.post("/check", json={"text": DRAFT}).status_code == 200


@pytest.mark.parametrize(
    "path, status",
    [("../outside.txt", 403), ("sub/../../outside.txt", 403), ("/etc/passwd", 400), ("nope.txt", 404), ("sub", 404)],
)
def test_paths_outside_the_corpus_are_refused(client, path, status):
    r = client.post("/check", json={"path": path})
    assert r.status_code == status, r.text
    assert "99" not in r.text


def test_a_link_out_of_the_corpus_is_refused(client, project):
    (project / "corpus" / "link.txt").symlink_to(project / "outside.txt")
    assert client.post("/check", json={"path": "link.txt"}).status_code == 403


def test_token_guards_check_and_reload(project):
    with TestClient(create_app(_corpus(), token="s3cret")) as c:
        assert c.post("/check", json={"text": DRAFT}).status_code == 401
        assert c.post("/check", json={"text": DRAFT}, headers={"Authorization": "Bearer wrong"}).status_code == 401
        assert c.post("/corpus/reload").status_code == 401
        ok = c.post("/check", json={"text": DRAFT}, headers={"Authorization": "Bearer s3cret"})
        assert ok.status_code == 200 and len(ok.json()["findings"]) == 2
        assert c.get("/health").status_code == 200


def test_a_host_off_loopback_needs_a_token(project, capsys, monkeypatch):
    monkeypatch.delenv("FACTCHECK_SERVE_TOKEN", raising=False)
    assert cli.main(["serve", "corpus", "--host", "0.0.0.0"]) == 2
    assert "give --token" in capsys.readouterr().err
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.5")


def test_serve_needs_a_corpus_directory(project, capsys):
    assert cli.main(["serve", "nowhere"]) == 2
    assert "the corpus must be a directory" in capsys.readouterr().err


def test_page_is_served_with_the_report_styles(client):
    r = client.get("/")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert "default-src 'none'" in r.headers["content-security-policy"]
    assert ".finding" in r.text and 'fetch("check"' in r.text


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.browser
def test_page_in_chromium_checks_a_pasted_draft(project):
    if find_browser() is None:
        pytest.skip(reason="no Chromium/Chrome binary on PATH (install Debian 'chromium')")
    uvicorn = pytest.importorskip("uvicorn", reason="factcheck[serve] (uvicorn) is not installed")
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(_corpus()), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        for _ in range(200):
            if server.started:
                break
            time.sleep(0.05)
        url = f"http://127.0.0.1:{port}/#draft={urllib.parse.quote(DRAFT)}&name=draft.txt"
        dom = chromium(["--virtual-time-budget=20000", "--dump-dom", url], project).stdout
    finally:
        server.should_exit = True
        thread.join(timeout=10)
    assert 'data-findings="2"' in dom, dom[-2000:]
    assert "chiffre 12 (corpus/b.txt) vs 13 (draft.txt)" in dom, re.findall(r"class=\"message\">[^<]*", dom)


def test_serve_listens_on_loopback_by_default_and_off_it_with_a_token(project, monkeypatch):
    """``factcheck serve CORPUS`` binds 127.0.0.1; another host is accepted once a token is given
    (option or environment), and the token is what guards the endpoints."""
    import checker.serve.app as app_module

    calls: list[dict] = []
    monkeypatch.setattr(app_module, "serve", lambda corpus, **kw: calls.append(kw) or 0)
    monkeypatch.delenv("FACTCHECK_SERVE_TOKEN", raising=False)
    assert cli.main(["serve", "corpus"]) == 0
    assert calls[-1]["host"] == "127.0.0.1" and calls[-1]["token"] is None and calls[-1]["port"] == 8765
    assert cli.main(["serve", "corpus", "--host", "0.0.0.0", "--token", "s3cret", "--max-body", "500"]) == 0
    assert calls[-1]["host"] == "0.0.0.0" and calls[-1]["token"] == "s3cret" and calls[-1]["max_body"] == 500
    monkeypatch.setenv("FACTCHECK_SERVE_TOKEN", "from-env")
    assert cli.main(["serve", "corpus", "--host", "192.168.1.5"]) == 0
    assert calls[-1]["token"] == "from-env"


SERVE_DRIVER = """
import sys
import pytest
from helpers import fakeplugin
fakeplugin.install_fake_host(pytest.MonkeyPatch())
from checker import cli
sys.exit(cli.main(["serve", "corpus", "--port", sys.argv[1], "--watch", "0.2"]))
"""


@pytest.mark.slow
def test_sigterm_stops_the_service_cleanly(project):
    """A real process: it answers, then SIGTERM ends it with exit code 0 after uvicorn's shutdown."""
    import os
    import signal
    import subprocess
    import sys

    pytest.importorskip("uvicorn", reason="factcheck[serve] (uvicorn) is not installed")
    from helpers.paths import REPO

    port = _free_port()
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(REPO), str(REPO / "tests")]))
    proc = subprocess.Popen(
        [sys.executable, "-c", SERVE_DRIVER, str(port)], cwd=project, env=env, stderr=subprocess.PIPE, text=True
    )
    try:
        health = None
        deadline = time.monotonic() + 300  # start-up loads the language identifier: slow on a loaded machine
        while time.monotonic() < deadline:
            try:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)  # no proxy from the environment
                conn.request("GET", "/health")
                health = json.loads(conn.getresponse().read())
                conn.close()
                break
            except OSError:
                if proc.poll() is not None:
                    break
                time.sleep(0.2)
        if health is None:
            proc.kill()
        assert health is not None and health["documents"] == 3, proc.communicate()[1]
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0, err
    assert "Finished server process" in err
