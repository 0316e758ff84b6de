#!/bin/sh
# tests/deps.sh FILE:PACKAGE ...: makes sure each FILE exists; installs the
# Debian PACKAGEs of those that do not when run as root, else says what to
# install and fails.
missing=
for d in "$@"; do
	[ -e "${d%%:*}" ] || missing="$missing ${d#*:}"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
	echo "installing:$missing" >&2
	export DEBIAN_FRONTEND=noninteractive
	apt-get install -y -q $missing >&2 ||
	    { apt-get update -q >&2 && apt-get install -y -q $missing >&2; } ||
	    exit 2
else
	echo "benut needs these Debian packages:$missing" >&2
	echo "as root: apt-get install$missing" >&2
	exit 2
fi
