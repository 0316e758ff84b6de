#!/bin/sh
# be-collect --forget: the text is in no file of the store afterwards, a
# point keeps "verhaal verwijderd", tombstones keep the story out of later
# intakes and travel with be-find --yaml.
. "${0%/*}/lib.sh"
plan 40
export BENUT_NOW=2026-11-30T10:00:00Z USER=coordinator BENUT_SHARE=$TOP/share TMPDIR=$T

cat >a.csv <<'EOF'
Datum,Verhaal,Toestemming,E-mail,Telefoon
2026-11-01,De regiotaxi kwam niet bij de zwanenbloemdijk en liet mij staan.,ja,Piet@Example.nl,06-12345678
2026-11-02,Het loket was dicht op dinsdag.,ja,anna@example.nl,
2026-11-03,Mijn aanvraag ligt al maanden stil.,nee,kees@example.nl,
2026-11-04,De wijkcoach belde terug.,ja,"piet@example.nl",
EOF
be-collect a.csv >/dev/null 2>&1
be-point new "Taxi" S-1 S-2 >/dev/null
be-tag --new +vervoer S-1 >/dev/null 2>&1

# raw: how often the word is in the store's files, whatever their format.
raw() { cat "$BENUT_STORE" "$BENUT_STORE-wal" "$BENUT_STORE-shm" 2>/dev/null |
    LC_ALL=C grep -a -i -c "$1"; }
vocab() { q "CREATE VIRTUAL TABLE temp.v USING fts5vocab(main, story_fts, row);
    SELECT count(*) FROM temp.v WHERE term LIKE '$1%'"; }
ok '[ "$(raw zwanenbloem)" -gt 0 ] && [ "$(vocab zwanenbloem)" = 1 ]' \
    "before: the word is in the store's files and index"

run be-collect --forget S-99 S-1
must_fail 2 "be-collect: no story S-99
be-collect: nothing forgotten" "a ref that does not exist: nothing forgotten"
is "$(q "SELECT count(*) FROM story WHERE id = 1")" 1 "S-1 is still there"

run be-collect --forget S-1
is "$RC:$(cat "$ERR")" "0:be-collect: forgot 1 story" "--forget S-1"
is "$(raw zwanenbloem)" 0 "the word is in none of the store's files (db, -wal, -shm)"
is "$(vocab zwanenbloem)" 0 "the full-text index has no such term"
is "$(q "SELECT (SELECT count(*) FROM story WHERE id = 1) || (SELECT count(*) FROM story_attr WHERE story_id = 1) || (SELECT count(*) FROM story_redaction WHERE story_id = 1) || (SELECT count(*) FROM story_tag WHERE story_id = 1) || (SELECT count(*) FROM person WHERE story_id = 1)")" 00000 \
    "story, attributes, redactions, tags and person are gone"
is "$(raw 12345678)" 0 "the phone number of its teller too"
is "$(be-point show P-1 | sed -n '/^stories:/,/^vragen:/p')" "stories:
- ref:
  quote: verhaal verwijderd
- ref: S-2
  quote: Het loket was dicht op dinsdag.
vragen:" "the point keeps 'verhaal verwijderd' in its place"
be-agenda -m "$FIX/agenda/meeting.yaml" -f txt P-1 >agenda.txt 2>&1
is "$(grep -c 'verhaal verwijderd' agenda.txt):$(grep -c 'Het loket' agenda.txt):$(grep -c ' 1 ervaringsverhaal$' agenda.txt)" "0:1:1" \
    "an agenda quotes and counts the other story, not the place of the forgotten one"
is "$(be-point -l)" "P-1	concept	1		Taxi" "be-point counts one story"
be-point show P-1 | be-point update >/dev/null 2>&1
is "$?:$(q "SELECT pos, story_id IS NULL, quote FROM point_story ORDER BY pos")" "0:1|1|verhaal verwijderd
2|0|Het loket was dicht op dinsdag." "the point reads back with the place kept"
is "$(q "SELECT length(cid), rkey IS NULL, successor IS NULL, at FROM tombstone")" "64|1|1|2026-11-30T10:00:00Z" \
    "a tombstone without text is kept"

run be-collect a.csv
is "$RC:$(cat "$OUT"):$(cat "$ERR")" "0::be-collect: a.csv: 4 rows read, 0 new, 3 duplicates, 1 forgotten, 0 refused; no column about use: quotable; delete the export, it holds contact data" \
    "a later intake of the same export does not bring it back"

# Tombstones travel with be-find --yaml into another store.
be-find --yaml >all.yaml
is "$(grep -c '^kind: tombstone' all.yaml)" 1 "be-find --yaml writes the tombstone"
run be-collect -s two.db all.yaml
is "$RC:$(cat "$ERR")" "0:be-collect: all.yaml: 3 rows read, 3 new, 0 duplicates, 1 tombstone, 0 refused; 0 tags and 1 point added" \
    "be-collect -f yaml takes the tombstone in"
run be-collect -s two.db a.csv
is "$(cat "$ERR")" "be-collect: a.csv: 4 rows read, 0 new, 3 duplicates, 1 forgotten, 0 refused; no column about use: quotable; delete the export, it holds contact data" \
    "the merged store keeps the story out"
be-collect -s three.db a.csv >/dev/null 2>&1
run be-collect -s three.db all.yaml
is "$RC:$(cat "$ERR"):$(sqlite3 three.db "SELECT count(*) FROM story WHERE text LIKE '%Zwanenbloem%'")" \
    "0:be-collect: all.yaml: 3 rows read, 0 new, 3 duplicates, 1 forgotten, 1 tombstone, 0 refused; 0 tags and 1 point added:0" \
    "a store that holds the story forgets it when the tombstone comes in"

# A person's request: copy, then forget.
run be-collect --person PIET@example.nl
is "$RC:$(cat "$OUT")" "0:---
kind: person
version: 1
request: PIET@example.nl
stories:
- ref: S-4
  email: piet@example.nl
---
kind: story
version: 1
ref: S-4
cid: $(q "SELECT cid FROM story WHERE id = 4")
told: \"2026-11-04\"
consent: ja
use: quote
source: a.csv
source_row: 5
added: \"2026-11-30T10:00:00Z\"
text: De wijkcoach belde terug." "--person: the contact data and stories of an address, as YAML"
run be-collect --person "06 12 34 56 78"
is "$RC:$(cat "$ERR")" "1:be-collect: no contact data of '06 12 34 56 78' was kept; their stories cannot be found by it" \
    "a forgotten person is not found (exit 1)"
run be-collect --person kees@example.nl
is "$RC:$(cat "$ERR")" "1:be-collect: no contact data of 'kees@example.nl' was kept; their stories cannot be found by it" \
    "without consent no contact data was kept: said so"
run be-collect --person "geen adres"
must_fail 2 "be-collect: 'geen adres' is neither an e-mail address nor a phone number" "neither an address nor a number"
printf 'Datum,Verhaal,Toestemming,Telefoon\n2026-11-05,Weer geen taxi.,ja,+31 (0)6-1234 5678\n' >b.csv
be-collect b.csv >/dev/null 2>&1
run be-collect --forget-person 0031612345678
is "$RC:$(cat "$ERR"):$(q "SELECT count(*) FROM story WHERE id = 5")" "0:be-collect: forgot 1 story of '0031612345678':0" \
    "--forget-person finds a phone number whatever its form"

# Retention: contact data by date, or of stories reported back.
printf 'Datum,Verhaal,Toestemming,E-mail\n2026-11-06,Ook de bus was te laat.,ja,jan@example.nl\n' >c.csv
BENUT_NOW=2026-12-10T10:00:00Z be-collect c.csv >/dev/null 2>&1
is "$(q "SELECT group_concat(id) FROM (SELECT id FROM story ORDER BY id)")" "2,3,4,6" "the ref of a forgotten story is not given out again"
run be-collect --purge-persons --older-than 2026-12-01
is "$RC:$(cat "$ERR"):$(q "SELECT group_concat(story_id) FROM person")" "0:be-collect: purged the identifying data of 2 stories:6" \
    "--older-than keeps the contact data taken in since"
be-point new "Bus" S-6 >/dev/null
run be-collect --purge-persons --reported-back
is "$RC:$(cat "$ERR"):$(q "SELECT count(*) FROM person")" "0:be-collect: purged the identifying data of 0 stories:1" \
    "--reported-back keeps data of a story whose point is not reported back"

# A backup, safe while the store is in use, mode 0600.
run be-collect --backup backup.db
is "$RC:$(stat -c %a backup.db):$(sqlite3 backup.db 'SELECT count(*) FROM story')" "0:600:$(q 'SELECT count(*) FROM story')" \
    "--backup writes a whole copy, mode 0600"
run be-collect --backup backup.db
is "$RC:$(ls backup.db*)" "0:backup.db" "a backup replaces the last one"
# While another program writes (an open transaction with a new story):
# the backup has what is committed, and forgetting waits for nobody.
mkfifo hold
sqlite3 "$BENUT_STORE" <hold >/dev/null 2>&1 &
exec 9>hold
echo "BEGIN IMMEDIATE; INSERT INTO story (cid, text, added) VALUES ('x', 'Nog niet.', 'nu'); SELECT 1;" >&9
sleep 1
n=$(q "SELECT count(*) FROM story")
run be-collect --backup busy.db
is "$RC:$(sqlite3 busy.db 'SELECT count(*) FROM story')" "0:$n" "a backup while another program writes: what is committed"
BENUT_BUSY_MS=200 run be-collect --forget S-3
is "$RC:$(cat "$ERR")" "2:be-collect: $BENUT_STORE: cannot start writing: store is locked by another program; try again later
be-collect: nothing forgotten" "a locked store: nothing forgotten, and said so"
echo "ROLLBACK; BEGIN; SELECT count(*) FROM story;" >&9
sleep 1
BENUT_BUSY_MS=500 run be-collect --forget S-3
is "$RC:$(cat "$ERR")" "0:be-collect: forgot 1 story; another program has the store open, its log keeps the text until that ends" \
    "a reader keeps the log: said so"
exec 9>&-
wait
run be-collect --forget S-2 S-1
must_fail 2 "be-collect: no story S-1
be-collect: nothing forgotten" "a forgotten ref is no ref"
run be-collect --forget S-2 extra
must_fail 2 "be-collect: argument 2: 'extra' is not a story (S-n)
be-collect: nothing forgotten" "a bad operand is named"
printf 'S-2\t2026-11-02\t\t\tHet loket\n' | be-collect --forget >"$OUT" 2>"$ERR"; RC=$?
is "$RC:$(cat "$ERR")" "0:be-collect: forgot 1 story" "refs as records on standard input"
run be-collect --forget --edit S-3
is "$RC" 2 "one action at a time"

run be-collect --help
synopsis=$(mandoc -Tascii "$TOP/man/be-collect.1" | col -b | sed -n '/^SYNOPSIS/,/^DESCRIPTION/p' | sed '1d;$d')
is "$(echo $(sed 's/^usage: //' "$OUT"))" "$(echo $synopsis)" "usage is the SYNOPSIS of the man page"

# A store of schema version 1 migrates: points keep their stories.
sqlite3 old.db <"$FIX/store/v1.sql"
n=$(sqlite3 old.db "SELECT count(*) FROM point_story")
run be-collect -s old.db --forget S-1
is "$RC:$(cat "$ERR")" "0:be-collect: forgot 1 story" "a version 1 store migrates and forgets"
V=$(sed -n 's/^#define BE_STORE_VERSION //p' "$TOP/lib/store.h")
is "$(sqlite3 old.db "PRAGMA user_version; SELECT count(*) FROM point_story; SELECT count(*) FROM tombstone")" "$V
$n
1" "point_story migrated whole"
is "$(sqlite3 old.db "SELECT quote FROM point_story WHERE story_id IS NULL")" \
    "$(sqlite3 old.db "SELECT group_concat('verhaal verwijderd', char(10)) FROM point_story WHERE story_id IS NULL")" \
    "its points keep the place of the forgotten story"
is "$(sqlite3 old.db "PRAGMA foreign_key_check; PRAGMA integrity_check")" "ok" "the migrated store is whole"
done_testing
