#!/bin/sh
# tests/deps.sh FILE:PACKAGE ...: makes sure each FILE exists; installs the
# Debian PACKAGEs of those that do not when run as root, else says what to
# install and fails.
# tests/deps.sh --check FILE:PACKAGE ...: the same, but never installs
# (what plain make runs: it says what is missing and fails).
# tests/deps.sh --locale NAME: makes sure the locale NAME (nl_NL.UTF-8)
# exists; generates it when run as root (it is kept in /etc/locale.gen, so
# a later locale-gen keeps it), else says how and fails.
if [ "${1:-}" = --locale ]; then
	want=$2 norm=$(printf '%s' "$2" | tr 'A-Z' 'a-z' | sed 's/utf-*8/utf8/')
	locale -a 2>/dev/null | tr 'A-Z' 'a-z' | grep -qx "$norm" && exit 0
	lang=${want%%.*} cs=${want#*.}
	if [ "$(id -u)" = 0 ] && command -v localedef >/dev/null 2>&1; then
		echo "generating the locale $want" >&2
		[ -f /etc/locale.gen ] && sed -i \
		    "s/^# *\($lang\.$cs $cs\)\$/\1/" /etc/locale.gen
		localedef -i "$lang" -f "$cs" "$want" >&2 || exit 2
	else
		echo "benut's tests need the locale $want" >&2
		echo "as root: localedef -i $lang -f $cs $want" \
		    "(Debian package locales)" >&2
		exit 2
	fi
	exit 0
fi
install=yes
if [ "${1:-}" = --check ]; then install=; shift; fi
missing=
for d in "$@"; do
	[ -e "${d%%:*}" ] || missing="$missing ${d#*:}"
done
[ -z "$missing" ] && exit 0
if [ -n "$install" ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
	echo "installing:$missing" >&2
	export DEBIAN_FRONTEND=noninteractive
	apt-get install -y -q $missing >&2 ||
	    { apt-get update -q >&2 && apt-get install -y -q $missing >&2; } ||
	    exit 2
else
	echo "benut needs these Debian packages:$missing" >&2
	if [ -n "$install" ]; then
		echo "as root: apt-get install$missing" >&2
	else
		echo "as root: make deps (or apt-get install$missing)" >&2
	fi
	exit 2
fi
