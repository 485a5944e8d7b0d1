# Sourced by scripts/dev and scripts/test: a virtualenv in .venv with the project installed.
# Re-installs only when pyproject.toml changed since the last install. With CHATOPS_VENV set, that
# virtualenv is used instead and never installed into.
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

# A virtualenv kept by hand (shared by several checkouts, say): used as it is, nothing installed.
if [[ -n ${CHATOPS_VENV:-} ]]; then
  export PATH="$CHATOPS_VENV/bin:$PATH"
  return 0
fi

if [[ ! -x .venv/bin/python ]]; then
  "$(python_bin)" -m venv .venv
fi
stamp=.venv/.chatops-installed-$EXTRAS
if [[ ! -f $stamp || pyproject.toml -nt $stamp || agent/pyproject.toml -nt $stamp || clients/python/pyproject.toml -nt $stamp ]]; then
  .venv/bin/python -m pip install --quiet --upgrade pip
  # The project's distribution was once named "chatops" (a name PyPI gives another project);
  # an install under that name would keep a second chatops-agent script around.
  .venv/bin/python -m pip uninstall --quiet --yes chatops 2>/dev/null || true
  # The agent (agent/, its own distribution) in the same command: the hub depends on it, and pip
  # takes it from here only when it is named next to the hub (it is not on any package index).
  # The SDK and CLI (clients/python, also its own distribution) the same way: the dev extra names it.
  .venv/bin/python -m pip install --quiet -e "./agent[docker,kubernetes]" -e ./clients/python -e ".[$EXTRAS]"
  touch "$stamp"
fi
export PATH="$ROOT/.venv/bin:$PATH"
