"""Every Python sample in the docs and the README runs, against moto's local endpoint.

The samples of one page run in order in one namespace, as a reader would type them; boto3
reaches moto through AWS_ENDPOINT_URL, so the samples show plain `ElastiCache.create(...)`.
The AWS config file the samples see has a `staging` profile (fake keys), for the samples
that show profiles.

A sample whose fence names a test file (```` ```python title="test_something.py" ````) is a
pytest module a reader would save: it is saved so and run with pytest, in a process of its
own, without AWS_ENDPOINT_URL (such samples bring their own endpoint or mock).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PAGES = sorted((ROOT / "docs").glob("*.md")) + [ROOT / "README.md"]
SAMPLE = re.compile(r'^```python(?: title="([^"]*)")?\n(.*?)^```', re.MULTILINE | re.DOTALL)
AWS_CONFIG = """[profile staging]
region = us-east-1
aws_access_key_id = staging-key
aws_secret_access_key = staging-secret
"""


def samples(page: Path) -> list[tuple[str, str]]:
    """(title, source) of each sample; the title is empty for a sample of the page's flow."""
    return SAMPLE.findall(page.read_text())


def _is_test_file(title: str) -> bool:
    return title.startswith("test_") and title.endswith(".py")


def test_the_docs_have_samples() -> None:
    assert sum(len(samples(page)) for page in PAGES) >= 10


@pytest.mark.parametrize("page", [p for p in PAGES if samples(p)], ids=lambda p: p.name)
def test_page_samples_run(
    page: Path, moto_url: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("AWS_ENDPOINT_URL", moto_url)
    (tmp_path / "aws-config").write_text(AWS_CONFIG)
    monkeypatch.setenv("AWS_CONFIG_FILE", str(tmp_path / "aws-config"))
    namespace: dict[str, object] = {"__name__": f"docs_sample_{page.stem}"}
    test_files = []
    for number, (title, source) in enumerate(samples(page), start=1):
        if _is_test_file(title):
            (tmp_path / title).write_text(source)
            test_files.append(title)
            continue
        code = compile(source, f"{page.name} sample {number}", "exec")
        exec(code, namespace)  # noqa: S102 - the docs' own samples
    if test_files:
        _run_with_pytest(tmp_path, test_files)


def _run_with_pytest(folder: Path, test_files: list[str]) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_ENDPOINT_URL")}
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *test_files],
        cwd=folder,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert " passed" in done.stdout, done.stdout
