#!/bin/sh
# Create the project's virtual environment with whatever this machine offers.
# Debian splits venv's pip bootstrap into python3-venv; without it, fall back
# to a pip-less venv filled by the system's pip, and otherwise say what to install.
set -eu
python="$1"
venv="$2"
if [ -x "$venv/bin/python" ] && "$venv/bin/python" -m pip --version >/dev/null 2>&1; then
    exit 0
fi
rm -rf "$venv"
if "$python" -m venv "$venv" 2>/dev/null; then
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check --upgrade pip
    exit 0
fi
rm -rf "$venv"
if "$python" -m pip --version >/dev/null 2>&1; then
    "$python" -m venv --without-pip "$venv"
    "$python" -m pip --python "$venv/bin/python" install --quiet pip
    exit 0
fi
echo "Cannot create a virtual environment: $python has neither venv with pip nor pip." >&2
echo "On Debian: sudo apt-get install python3-venv   (then run make again)" >&2
exit 1
