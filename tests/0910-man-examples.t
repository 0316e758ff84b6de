#!/bin/sh
# The EXAMPLES of be-collect(1) and be-tag(1) run as they are written, in
# one directory with the files they name (be-find, be-point and be-agenda
# run theirs in their own tests), so the pages cannot drift from the code.
. "${0%/*}/lib.sh"
export BENUT_NOW=2026-11-23T10:00:00Z USER=coordinator

mkdir exports share
cp "$TOP/examples/exports/formulier-oktober.csv" export.csv
cp "$TOP/examples/exports/"*.csv exports/
cp -R "$TOP/share/codebooks" share/
cp "$TOP/share/codebooks/sociaal-domein.yaml" .
cp "$FIX/man/antwoorden.csv" .

nc=$(man_examples be-collect.1); mkdir c; mv ex.* c/
nt=$(man_examples be-tag.1); mkdir t; mv ex.* t/
plan $((nc + nt + 2))
for d in c t; do
	[ $d = c ] && { page=be-collect.1; m=$nc; } || { page=be-tag.1; m=$nt; }
	cp $d/ex.* .
	run_examples "$page" "$m"
done
is "$(q "SELECT count(*) FROM story"):$(q "SELECT count(*) FROM tombstone")" 10:1 \
    "the examples took in 11 stories and forgot S-11"
is "$(q "SELECT count(*) FROM story_attr WHERE key = 'ID'")" 1 \
    "the map with the added question read the Forms export (S-11 was one)"
done_testing
