"""Model profiles: decision thresholds that belong to one NLI model.

A profile is a YAML file in ``plugins/nli/profiles/``.  ``match`` lists names (Hub ids,
directory base names, or substrings of them) of the models it is for; ``default.yaml``
(``match: []``) serves every other model.  A rule's ``thresholds:`` override the
profile key by key.
"""

from __future__ import annotations

import copy
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

PROFILE_DIR = Path(__file__).resolve().parent / "profiles"


@lru_cache(maxsize=1)
def _profiles() -> tuple[dict[str, Any], ...]:
    out = []
    for f in sorted(PROFILE_DIR.glob("*.yaml")):
        data = yaml.safe_load(f.read_text(encoding="utf-8")) or {}
        data.setdefault("name", f.stem)
        data["_file"] = str(f)
        out.append(data)
    return tuple(out)


def merge(base: dict[str, Any], over: dict[str, Any] | None) -> dict[str, Any]:
    out = copy.deepcopy(base)
    for k, v in (over or {}).items():
        if isinstance(v, dict) and isinstance(out.get(k), dict):
            out[k] = merge(out[k], v)
        else:
            out[k] = copy.deepcopy(v)
    return out


def profile_for(model_name: str, model_dir: str | Path | None = None) -> dict[str, Any]:
    """The profile of ``model_name`` (exact id/base name first, then substring), else ``default``."""
    names = {model_name.lower().rstrip("/"), Path(model_name).name.lower()}
    if model_dir is not None:
        names.add(Path(model_dir).name.lower())
    profiles = _profiles()
    default = next((p for p in profiles if p["name"] == "default"), {"name": "default"})
    for exact in (True, False):
        for p in profiles:
            for pat in p.get("match") or []:
                pat = str(pat).lower()
                if (exact and pat in names) or (not exact and any(pat in n for n in names)):
                    return merge(default, p)
    return copy.deepcopy(default)
