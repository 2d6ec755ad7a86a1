"""Every Python sample in the docs and the README runs, against moto's local endpoint.

The samples of one page run in order in one namespace, as a reader would type them; boto3
reaches moto through AWS_ENDPOINT_URL, so the samples show plain `ElastiCache.create(...)`.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PAGES = sorted((ROOT / "docs").glob("*.md")) + [ROOT / "README.md"]
SAMPLE = re.compile(r"^```python\n(.*?)^```", re.MULTILINE | re.DOTALL)


def samples(page: Path) -> list[str]:
    return SAMPLE.findall(page.read_text())


def test_the_docs_have_samples() -> None:
    assert sum(len(samples(page)) for page in PAGES) >= 10


@pytest.mark.parametrize("page", [p for p in PAGES if samples(p)], ids=lambda p: p.name)
def test_page_samples_run(page: Path, moto_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AWS_ENDPOINT_URL", moto_url)
    namespace: dict[str, object] = {"__name__": f"docs_sample_{page.stem}"}
    for number, source in enumerate(samples(page), start=1):
        code = compile(source, f"{page.name} sample {number}", "exec")
        exec(code, namespace)  # noqa: S102 - the docs' own samples
