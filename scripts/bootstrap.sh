# Sourced by the other scripts: make .venv with the project and its dev extra installed, at
# the versions constraints.txt pins.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
if [ ! -x .venv/bin/python ]; then
    python3 -m venv .venv
fi
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e ".[dev]" -c constraints.txt
export PATH="$PWD/.venv/bin:$PATH"
