# Sourced by the other scripts: make .venv with the project and its dev extra installed, at
# the versions constraints.txt pins. The install is skipped while .venv/.dev-stamp matches: a
# hash of pyproject.toml, constraints.txt, this script and .venv's Python version, written
# after an install that succeeded (as scripts/bootstrap-example.sh does for run-example).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
if [ ! -x .venv/bin/python ]; then
    echo "bootstrap: making a virtual environment in .venv" >&2
    python3 -m venv .venv
fi
stamp="$( (cat pyproject.toml constraints.txt scripts/bootstrap.sh; .venv/bin/python --version) \
    | sha256sum | cut -c1-64)"
if [ "$(cat .venv/.dev-stamp 2>/dev/null)" = "$stamp" ]; then
    echo "bootstrap: .venv is up to date (pyproject.toml, constraints.txt, Python unchanged): no install" >&2
else
    echo "bootstrap: installing the project and its dev extra into .venv (a few minutes the first time)" >&2
    .venv/bin/python -m pip install --disable-pip-version-check --upgrade pip
    .venv/bin/python -m pip install --disable-pip-version-check -e ".[dev]" -c constraints.txt
    echo "$stamp" > .venv/.dev-stamp
fi
export PATH="$PWD/.venv/bin:$PATH"
