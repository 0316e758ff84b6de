#!/bin/sh
# The EXAMPLES of be-report(1) run as they are written there, each block as
# one script, against the stories of tests/fixtures/report/seed.sql.
. "${0%/*}/lib.sh"
export BENUT_NOW=2026-12-01T10:00:00Z
new_store
sqlite3 "$BENUT_STORE" <"$FIX/report/seed.sql"
sed -n '/^\.Sh EXAMPLES/,/^\.Sh SEE ALSO/p' "$TOP/man/be-report.1" |
    sed 's/\\e/\\/g; s/\\&//g' | awk '/^\.Bd/ { n++; inb = 1; next }
	/^\.Ed/ { inb = 0 } inb { print > ("block" n) }'
n=$(ls block* | wc -l)
plan $((n + 2))
# The tests run as root, where chromium needs --no-sandbox.
mkdir bin
printf '#!/bin/sh\nexec /usr/bin/chromium --no-sandbox --disable-gpu --no-pdf-header-footer --user-data-dir="%s/chromium" "$@"\n' "$T" >bin/chromium
chmod +x bin/chromium
PATH=$T/bin:$PATH
i=1
while [ $i -le "$n" ]; do
	run sh -e "block$i"
	is_rc 0 "$(head -1 "block$i")"
	i=$((i + 1))
done
ok "[ -s signalen-2026-k3.html ] && [ -s signalen-2026-k3.csv ] && [ -s signalen.pdf ]" \
    "the examples wrote their files"
is "$(q 'SELECT count(*) FROM report')" 2 "the two reports made are recorded"
done_testing
