#!/bin/sh
# The EXAMPLES of be-agenda(1) run as they are written there.
. "${0%/*}/lib.sh"
export BENUT_NOW=2026-11-23T12:00:00Z EDITOR=true
new_store
sqlite3 "$BENUT_STORE" <"$FIX/agenda/seed.sql"
cp "$TOP/share/meetings/vergadering.yaml" "$TOP/share/meetings/intern-beraad.yaml" \
    "$TOP/share/raad.yaml" .
# The examples, one command a line, from the man page.
sed -n '/^\.Sh EXAMPLES/,/^\.Sh SEE ALSO/p' "$TOP/man/be-agenda.1" |
    sed -n '/^\.Bd/,/^\.Ed/p' | grep -v '^\.[BE]d' >examples
n=$(wc -l <examples)
plan $((n + 1))
# be-point comes from another part of benut; stand in for it when absent.
if ! command -v be-point >/dev/null 2>&1; then
	mkdir bin
	printf '#!/bin/sh\nprintf "P-1\\tgereed\\nP-2\\tgereed\\n"\n' >bin/be-point
	chmod +x bin/be-point
	PATH=$T/bin:$PATH
fi
while IFS= read -r cmd; do
	eval "$cmd" >"$OUT" 2>"$ERR"
	RC=$?
	is_rc 0 "$cmd"
done <examples
ok "grep -q 'Taxi komt te laat' agenda.html && grep -q BEGIN:VEVENT overleg.ics && grep -q 'Postbus 100' terugkoppeling.html && [ \"\$(stat -c %a ontvangers.csv)\" = 600 ]" \
    "the examples wrote their files"
