#!/bin/sh
# The EXAMPLES of be-find(1) run as they are written there, each block as
# one script, against the stories of tests/fixtures/find/seed.sql.
. "${0%/*}/lib.sh"
. "$FIX/find/find.sh"
export BENUT_NOW=2026-11-23T12:00:00Z EDITOR=true
seed
sed -n '/^\.Sh EXAMPLES/,/^\.Sh SEE ALSO/p' "$TOP/man/be-find.1" |
    sed 's/\\e/\\/g' | awk '/^\.Bd/ { n++; inb = 1; next }
	/^\.Ed/ { inb = 0 } inb { print > ("block" n) }'
n=$(ls block* | wc -l)
plan $((n + 1))
# be-point is another part of benut; stand in for it when absent.
if ! command -v be-point >/dev/null 2>&1; then
	mkdir bin
	printf '#!/bin/sh\ncat >/dev/null; echo P-1\n' >bin/be-point
	chmod +x bin/be-point
	PATH=$T/bin:$PATH
fi
i=1
while [ $i -le "$n" ]; do
	run sh -e "block$i"
	is_rc 0 "$(head -1 "block$i")"
	i=$((i + 1))
done
ok "[ -s noord.yaml ] && grep -q '^kind: story' noord.yaml" \
    "the examples wrote their files"
done_testing
