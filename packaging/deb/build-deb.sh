#!/usr/bin/env bash
# Build dist/govterm_<version>_<arch>.deb from the PyInstaller folder dist/govterm/.
#
#   .venv/bin/pip install pyinstaller
#   .venv/bin/pyinstaller --noconfirm packaging/govterm.spec
#   packaging/deb/build-deb.sh
#
# Layout: /opt/govterm (the program), /usr/bin/govterm, the gateway's systemd unit,
# the kiosk's systemd user unit and XDG autostart entry (disabled until copied into a
# kiosk account, see README), /etc/xdg/govterm/govterm.toml.example (copy it to
# govterm.toml there). Depends: comes from packaging/apt-packages.txt (packages marked
# "dev" left out), the same list run.sh uses.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$root"
[ -x dist/govterm/govterm ] || { echo "build dist/govterm first (see packaging/govterm.spec)" >&2; exit 1; }

version=$(python3 -c 'import tomllib; print(tomllib.load(open("pyproject.toml","rb"))["project"]["version"])')
arch=$(dpkg --print-architecture)
depends=$(sed -e 's/#.*//' packaging/apt-packages.txt | awk 'NF && $2 != "dev" { print $1 }' | paste -sd, - | sed 's/,/, /g')

stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
install -d "$stage/DEBIAN" "$stage/opt" "$stage/usr/bin" "$stage/etc/xdg/govterm" \
    "$stage/lib/systemd/system" "$stage/usr/lib/systemd/user" "$stage/etc/xdg/autostart"
cp -a dist/govterm "$stage/opt/govterm"
ln -s /opt/govterm/govterm "$stage/usr/bin/govterm"
install -m 0644 packaging/systemd/govterm-gateway.service "$stage/lib/systemd/system/"
install -m 0644 packaging/systemd/govterm-kiosk.service "$stage/usr/lib/systemd/user/"
# Autostart stays opt-in per machine: shipped as Hidden=true, a kiosk account enables it.
sed 's/^Hidden=false/Hidden=true/' packaging/autostart/govterm-kiosk.desktop \
    >"$stage/etc/xdg/autostart/govterm-kiosk.desktop"
install -m 0644 packaging/govterm.toml.example "$stage/etc/xdg/govterm/govterm.toml.example"
sed -e "s/@VERSION@/$version/" -e "s/@ARCH@/$arch/" -e "s/@DEPENDS@/$depends/" \
    packaging/deb/control.in >"$stage/DEBIAN/control"
install -m 0755 packaging/deb/postinst packaging/deb/prerm "$stage/DEBIAN/"

mkdir -p dist
out="dist/govterm_${version}_${arch}.deb"
dpkg-deb --build --root-owner-group "$stage" "$out"
echo "built $out"
echo "check it: sudo apt install ./$out && QT_QPA_PLATFORM=offscreen govterm --smoke-test"
