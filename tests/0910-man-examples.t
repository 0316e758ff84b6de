#!/bin/sh
# The EXAMPLES of be-collect(1) and be-tag(1) run as they are written, in
# one directory with the files they name (be-find, be-point and be-agenda
# run theirs in their own tests), so the pages cannot drift from the code.
. "${0%/*}/lib.sh"
export BENUT_NOW=2026-11-23T10:00:00Z USER=coordinator

# The lines of the EXAMPLES section that are commands: .Dl lines and the
# lines of literal displays, with mdoc's \e turned back into a backslash
# and the installed share/ pointing at the tree's.
examples() {
	sed -n '/^\.Sh EXAMPLES/,/^\.Sh /p' "$TOP/man/$1" | awk '
	    /^\.Bd -literal/ { lit = 1; next }
	    /^\.Ed/ { lit = 0; next }
	    lit { print; next }
	    /^\.Dl / { sub(/^\.Dl /, ""); print }' |
	    sed -e 's/\\e/\\/g' -e "s|/usr/local/share/benut|$TOP/share|g"
}

mkdir exports share
cp "$TOP/examples/exports/formulier-oktober.csv" export.csv
cp "$TOP/examples/exports/"*.csv exports/
cp -R "$TOP/share/codebooks" share/
cp "$TOP/share/codebooks/sociaal-domein.yaml" .
cp "$FIX/man/antwoorden.csv" .

n=0
for page in be-collect.1 be-tag.1; do
	examples "$page" >"$page.cmds"
	n=$((n + $(wc -l <"$page.cmds")))
done
plan $((n + 2))
for page in be-collect.1 be-tag.1; do
	while IFS= read -r cmd; do
		run sh -c "$cmd"
		if [ "$RC" -le 1 ]; then pass "$page: $cmd"; else
			fail "$page: $cmd (status $RC)"; sed 's/^/# /' "$ERR"; fi
	done <"$page.cmds"
done
is "$(q "SELECT count(*) FROM story")" 11 "the examples took in 11 stories"
is "$(q "SELECT count(*) FROM story_attr WHERE key = 'ID'")" 2 \
    "the map with the added question read the Forms export"
done_testing
