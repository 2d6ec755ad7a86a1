# Sourced by scripts/run-example: make .venv with only what the example needs (the project and
# its `example` extra, at the versions constraints.txt pins), saying what it does. The install
# is skipped while .venv/.example-stamp matches: a hash of pyproject.toml, constraints.txt and
# .venv's Python version, written after an install that succeeded.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
say() { echo "run-example: $*" >&2; }
if [ ! -x .venv/bin/python ]; then
    say "making a virtual environment in .venv"
    python3 -m venv .venv
fi
stamp="$( (cat pyproject.toml constraints.txt; .venv/bin/python --version) | sha256sum | cut -c1-64)"
if [ "$(cat .venv/.example-stamp 2>/dev/null)" = "$stamp" ]; then
    say ".venv is up to date (pyproject.toml, constraints.txt and Python unchanged): no install"
else
    say "installing the project and its example extra (moto) into .venv; the first time takes a minute"
    started=$SECONDS
    .venv/bin/python -m pip install --quiet --disable-pip-version-check -e ".[example]" -c constraints.txt
    echo "$stamp" > .venv/.example-stamp
    say "installed in $((SECONDS - started)) s"
fi
export PATH="$PWD/.venv/bin:$PATH"
