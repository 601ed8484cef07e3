#!/usr/bin/env bash
# Makes sure the browser tests have Debian's Chromium and ChromeDriver (/usr/bin/chromium, /usr/bin/chromedriver).
# Run by `mvn verify` before the integration tests. Installs them with apt-get when it can (as root, or with
# password-less sudo); otherwise stops the build and says what to do.
set -euo pipefail
chromium=${CLAVIS_CHROMIUM:-/usr/bin/chromium}
driver=${CLAVIS_CHROMEDRIVER:-/usr/bin/chromedriver}
if [ -x "$chromium" ] && [ -x "$driver" ]; then
  exit 0
fi
install() {
  "$@" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "$@" apt-get install -y -qq --no-install-recommends chromium chromium-driver >/dev/null
}
if command -v apt-get >/dev/null; then
  echo "Installing Chromium and ChromeDriver for the browser tests (apt-get, about a minute)..."
  if [ "$(id -u)" = 0 ]; then
    install env
  elif sudo -n true 2>/dev/null; then
    install sudo env
  fi
fi
if [ -x "$chromium" ] && [ -x "$driver" ]; then
  exit 0
fi
cat >&2 <<MSG
The browser tests need Chromium and ChromeDriver, and they could not be installed automatically.
Install them, then run the tests again:
    sudo apt-get install chromium chromium-driver          (Debian, Ubuntu)
or point the build at your own copies:
    CLAVIS_CHROMIUM=/path/to/chromium CLAVIS_CHROMEDRIVER=/path/to/chromedriver mvn verify
MSG
exit 1
