# Sourced by scripts/dev and scripts/test: a virtualenv in .venv with the project installed.
# Re-installs only when pyproject.toml changed since the last install.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
EXTRAS=${1:-dev,agent}

python_bin() {
  for candidate in python3.13 python3.12 python3.11 python3; do
    if command -v "$candidate" >/dev/null 2>&1 \
      && "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
      echo "$candidate"
      return
    fi
  done
  echo "ChatOps needs Python 3.11 or newer" >&2
  exit 1
}

if [[ ! -x .venv/bin/python ]]; then
  "$(python_bin)" -m venv .venv
fi
stamp=.venv/.chatops-installed-$EXTRAS
if [[ ! -f $stamp || pyproject.toml -nt $stamp ]]; then
  .venv/bin/python -m pip install --quiet --upgrade pip
  .venv/bin/python -m pip install --quiet -e ".[$EXTRAS]"
  touch "$stamp"
fi
export PATH="$ROOT/.venv/bin:$PATH"
