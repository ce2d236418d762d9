"""``-f json``: the version-1 JSON contract."""

from __future__ import annotations

import json


def write_json(report, stream) -> None:
    json.dump(report.to_dict(), stream, ensure_ascii=False, indent=2)
    stream.write("\n")
