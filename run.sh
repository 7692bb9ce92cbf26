#!/usr/bin/env bash
# govterm: set up this checkout and run it.
#
#   ./run.sh demo [govterm demo options]   set up, then start the demo (kiosk + window client)
#   ./run.sh test [pytest options]         set up, then run the whole test suite
#   ./run.sh setup                         set up only
#   ./run.sh govterm [args]                set up, then run any govterm command
#
# Setting up is idempotent and quick when already done: Debian packages listed in
# packaging/apt-packages.txt are installed when dpkg says they are missing, and the
# virtual environment .venv is (re)installed only when pyproject.toml changed.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cd "$here"

venv="$here/.venv"
stamp="$venv/.govterm-installed"
apt_list="$here/packaging/apt-packages.txt"

say() { printf '[run.sh] %s\n' "$*" >&2; }
die() { say "$*"; exit 1; }

usage() {
    sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'
}

as_root() {
    if [ "$(id -u)" -eq 0 ]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo "$@"
    else
        die "need root to run: $* (install sudo or run as root)"
    fi
}

# Every package name in the list, "dev" ones included.
apt_packages() {
    sed -e 's/#.*//' "$apt_list" | awk 'NF { print $1 }'
}

missing_packages() {
    local pkgs
    mapfile -t pkgs < <(apt_packages)
    # One dpkg-query for the whole list keeps the "already done" path fast.
    local installed
    installed=$(dpkg-query -W -f='${Package} ${Status}\n' "${pkgs[@]}" 2>/dev/null \
        | awk '$NF == "installed" { print $1 }' | sed 's/:.*//')
    local p
    for p in "${pkgs[@]}"; do
        grep -qxF "$p" <<<"$installed" || printf '%s\n' "$p"
    done
}

apt_updated=0
apt_install() {
    if ! command -v apt-get >/dev/null 2>&1; then
        say "no apt-get on this system; please install the equivalents of: $*"
        return 0
    fi
    if [ "$apt_updated" -eq 0 ]; then
        say "apt-get update"
        as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
        apt_updated=1
    fi
    say "installing Debian packages: $*"
    as_root env DEBIAN_FRONTEND=noninteractive \
        apt-get install -y -qq --no-install-recommends "$@"
}

ensure_system_packages() {
    command -v dpkg-query >/dev/null 2>&1 || {
        say "not a Debian-based system: install the packages in $apt_list yourself"
        return 0
    }
    local missing
    mapfile -t missing < <(missing_packages)
    if [ "${#missing[@]}" -gt 0 ]; then
        apt_install "${missing[@]}"
    fi
}

# The first python3.x >= 3.11 on PATH.
find_python() {
    local candidate
    for candidate in python3.13 python3.12 python3.11 python3; do
        if command -v "$candidate" >/dev/null 2>&1 &&
            "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
            command -v "$candidate"
            return 0
        fi
    done
    return 1
}

ensure_venv() {
    local python
    python=$(find_python) || die "govterm needs Python 3.11 or newer (python3 --version says: $(python3 --version 2>&1 || echo none))"
    if [ ! -x "$venv/bin/python" ]; then
        if ! "$python" -c 'import ensurepip, venv' >/dev/null 2>&1; then
            local minor
            minor=$("$python" -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')
            apt_install "python$minor-venv"
        fi
        say "creating .venv with $python"
        rm -rf "$venv"
        "$python" -m venv "$venv"
    fi
    local want
    want=$(cat pyproject.toml "$venv/pyvenv.cfg" | sha256sum | cut -d' ' -f1)
    if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
        say "installing govterm and its test tools into .venv (pyproject.toml changed)"
        "$venv/bin/python" -m pip install -q --upgrade pip
        "$venv/bin/python" -m pip install -q -e '.[test]'
        printf '%s\n' "$want" >"$stamp"
    fi
}

setup() {
    ensure_system_packages
    ensure_venv
}

xvfb_pid=""
stop_xvfb() {
    if [ -n "$xvfb_pid" ]; then
        kill "$xvfb_pid" 2>/dev/null || true
        wait "$xvfb_pid" 2>/dev/null || true
    fi
}

# Start Xvfb on a free display (it picks one and reports it through -displayfd).
start_xvfb() {
    command -v Xvfb >/dev/null 2>&1 || die "no display and no Xvfb: install xvfb or run on a desktop"
    local fifo_dir
    fifo_dir=$(mktemp -d)
    mkfifo "$fifo_dir/display"
    Xvfb -displayfd 3 -screen 0 1920x1080x24 -nolisten tcp 3>"$fifo_dir/display" 2>/dev/null &
    xvfb_pid=$!
    trap stop_xvfb EXIT
    local number=""
    # Blocks until Xvfb writes its display number, i.e. until it accepts clients.
    read -r -t 20 number <"$fifo_dir/display" || true
    rm -rf "$fifo_dir"
    [ -n "$number" ] || die "Xvfb did not start"
    export DISPLAY=":$number"
    say "no display found: started a virtual screen (Xvfb) on DISPLAY=$DISPLAY"
    say "view it with e.g. 'x11vnc -display $DISPLAY', or stop with Ctrl+C"
}

cmd=${1:-}
[ $# -gt 0 ] && shift
case "$cmd" in
    demo)
        setup
        if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
            start_xvfb
        fi
        # The demo keeps its stores, logs and crash reports inside the checkout.
        export GOVTERM_DATA_DIR="${GOVTERM_DATA_DIR:-$here/.govterm-data}"
        say "demo data: $GOVTERM_DATA_DIR"
        status=0
        "$venv/bin/govterm" demo "$@" || status=$?
        exit "$status"
        ;;
    test)
        setup
        export QT_QPA_PLATFORM=offscreen
        exec "$venv/bin/python" -m pytest "$@"
        ;;
    setup)
        setup
        say "ready: .venv/bin/govterm --help"
        ;;
    govterm)
        setup
        exec "$venv/bin/govterm" "$@"
        ;;
    -h | --help | help | "")
        usage
        ;;
    *)
        usage
        exit 2
        ;;
esac
