"""`python -m codegen` regenerates; with `--check` it fails if that would change anything."""

from __future__ import annotations

import sys

from codegen import model, write


def main(argv: list[str]) -> int:
    files = write.render_all(model.load())
    if "--check" in argv:
        changed = write.stale(files)
        if changed:
            print("generated files are out of date: " + ", ".join(changed), file=sys.stderr)
            return 1
        return 0
    write.write(files)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
