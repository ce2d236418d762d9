"""The whole command, in process, on random bytes and odd file names: never a traceback, an exit
code in {0, 1, 2}, a JSON report that parses and lists every valid input."""

from __future__ import annotations

import json
import os
import sys
import tempfile

import pytest
from helpers import fakeplugin
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker import cli
from checker.report.escape import unicode_safe

RULE = "id: t.chiffre\nextends: fake-word\nlevel: error\nmessage: 'chiffre'\nmatch: {word: chiffre}\n"
GOOD = ("Le chiffre 12 est connu depuis longtemps.\n", "Le chiffre 13 est connu depuis longtemps.\n")

#: file names as the command line gets them: any bytes but "/" and NUL, decoded by Python
#: (bytes that are not UTF-8 become lone surrogates, as in sys.argv)
names = (
    st.binary(min_size=1, max_size=12)
    .filter(lambda b: b"/" not in b and b"\x00" not in b and b not in (b".", b".."))
    .map(os.fsdecode)
)
settings_ = settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file names")
@settings_
@given(
    good_names=st.lists(names, min_size=2, max_size=2, unique_by=lambda n: n.lower()),
    junk=st.lists(st.tuples(names, st.binary(max_size=1500)), max_size=2),
    suffix=st.sampled_from([".txt", ".md", ".html"]),
)
def test_random_inputs_never_crash_the_command(monkeypatch, capsys, good_names, junk, suffix):
    fakeplugin.install_fake_host(monkeypatch)
    with tempfile.TemporaryDirectory() as tmp:
        os.mkdir(os.path.join(tmp, "myrules"))
        with open(os.path.join(tmp, "myrules", "chiffre.yaml"), "w", encoding="utf-8") as fh:
            fh.write(RULE)
        config = os.path.join(tmp, "config.yaml")
        with open(config, "w", encoding="utf-8") as fh:
            fh.write("rules: [myrules]\nbuiltin_rules: false\n")
        valid = []
        for i, (name, text) in enumerate(zip(good_names, GOOD)):
            path = os.path.join(tmp, f"g{i}-{name}{suffix}")
            with open(path, "w", encoding="utf-8") as fh:
                fh.write(text)
            valid.append(path)
        junk_paths = []
        for i, (name, data) in enumerate(junk):
            path = os.path.join(tmp, f"j{i}-{name}.txt")
            with open(path, "wb") as fh:
                fh.write(data)
            junk_paths.append(path)
        code = cli.main(["check", "--config", config, "-q", "--no-cache", "-f", "json", *valid, *junk_paths])
        out, err = capsys.readouterr()
    assert "Traceback" not in err and "internal error" not in err
    assert code in (0, 1, 2), err
    report = json.loads(out)
    listed = {d["path"] for d in report["documents"]}
    assert {unicode_safe(p) for p in valid} <= listed
    assert out.encode("utf-8")  # valid UTF-8 (no lone surrogates)
