#!/bin/sh
# be-collect: bad input is refused with file:line:col, exit 2, and nothing
# of that file written.
. "${0%/*}/lib.sh"
F=$FIX/collect
plan 35

be-collect "$F/route.csv" >/dev/null 2>&1	# a store with 3 stories
# bad FILE MESSAGE: refused with exactly that message, store unchanged
bad() {
	run be-collect "$F/$1"
	must_fail 2 "be-collect: $F/$1$2
be-collect: $F/$1: nothing written" "$1 refused"
	is "$(q "SELECT count(*) FROM story"):$(q "SELECT count(*) FROM source")" "3:1" "$1: store unchanged"
}
bad empty.csv ": empty file: no header row"
bad unterminated.csv ":2:12: unterminated quoted field"
bad ragged-more.csv ":3:29: row has 4 fields, the header has 3"
bad ragged-fewer.csv ":4:1: row has 1 field, the header has 3"
bad dup-text.csv ":1:15: second story text column 'Story' (column 2 is one already); map one of them with -m"
bad no-text.csv ":1:1: no story text column: name one 'Verhaal' or 'Story', or choose one with --text-column or -m"
bad nul.csv ":2:21: NUL byte"
bad badenc.csv ":2:22: invalid UTF-8 and not Windows-1252 either; convert the file to UTF-8 (iconv -f ITS-ENCODING -t UTF-8)"
bad broken-utf8.csv ":3:19: invalid UTF-8; fix the file, or read it with -e windows-1252 if that is its encoding"
bad big5.csv ":2:12: invalid UTF-8 and not Windows-1252 either; convert the file to UTF-8 (iconv -f ITS-ENCODING -t UTF-8)"
bad bad-date.csv ":3:1: unreadable date in 'Datum'; write it as 2026-02-02 or 2-2-2026 10:15"
bad empty-text.csv ":3:12: empty story text"

python3 -c "import sys; sys.stdout.write('Datum,Verhaal\n2026-01-10,\"' + 'a' * (1024 * 1024 + 10) + '\"\n')" >big.csv
run be-collect big.csv
must_fail 2 "be-collect: big.csv:2:12: field longer than 1048576 bytes
be-collect: big.csv: nothing written" "field over 1 MiB refused"

run be-collect "$F/header-only.csv"
is "$RC:$(cat "$ERR")" "0:be-collect: $F/header-only.csv: 0 rows read, 0 new, 0 duplicates, 0 refused" "header only is no error"

run be-collect --skip-bad "$F/bad-date.csv" "$F/empty-text.csv"
is "$RC:$(cat "$ERR")" "0:be-collect: $F/bad-date.csv:3:1: unreadable date in 'Datum'; write it as 2026-02-02 or 2-2-2026 10:15
be-collect: $F/bad-date.csv: 3 rows read, 2 new, 0 duplicates, 1 refused; no column about use: quotable
be-collect: $F/empty-text.csv:3:12: empty story text
be-collect: $F/empty-text.csv: 2 rows read, 0 new, 1 duplicate, 1 refused; no column about use: quotable" "--skip-bad lists the refused rows and keeps the good ones"

run be-collect --skip-bad "$F/broken-utf8.csv"
is "$RC:$(cat "$ERR")" "0:be-collect: $F/broken-utf8.csv:3:19: invalid UTF-8; fix the file, or read it with -e windows-1252 if that is its encoding
be-collect: $F/broken-utf8.csv: 3 rows read, 2 new, 0 duplicates, 1 refused; no column about use: quotable" "--skip-bad: a row with bytes that are not UTF-8 refused, the others taken"
is "$(q "SELECT group_concat(text, '|') FROM story WHERE source_id = (SELECT max(id) FROM source)")" "De cliëntenraad kwam bijeen.|Een reïntegratietraject liep vast." "the accents of the good rows stored as they are"

# The store: read-only, locked, damaged, newer.
chmod 755 "$T"
cp "$F/new.csv" "$T/in.csv" 2>/dev/null || printf 'Datum,Verhaal\n2026-03-01,Nieuw.\n' >"$T/in.csv"
chmod 644 "$BENUT_STORE" "$T/in.csv"
setpriv --reuid=65534 --regid=65534 --clear-groups be-collect in.csv >"$OUT" 2>"$ERR"; RC=$?
must_fail 2 "be-collect: $BENUT_STORE: store is read-only; check its permissions" "read-only store"
is "$(q "SELECT count(*) FROM story")" 7 "read-only store unchanged"

mkfifo hold
sqlite3 "$BENUT_STORE" <hold >/dev/null 2>&1 &
exec 9>hold
echo 'BEGIN IMMEDIATE; SELECT 1;' >&9
sleep 1
BENUT_BUSY_MS=200 run be-collect in.csv
must_fail 2 "be-collect: $BENUT_STORE: cannot start writing: store is locked by another program; try again later
be-collect: in.csv: nothing written" "locked store: waits, then says so"
exec 9>&-
wait
is "$(q "SELECT count(*) FROM story")" 7 "locked store unchanged"

head -c 8192 /dev/urandom >junk.db
run be-collect -s junk.db in.csv
must_fail 2 "be-collect: junk.db: not an SQLite database: another file, or a damaged store; name another with -s, or restore a copy" "corrupt store"
q "PRAGMA user_version = 99"
run be-collect in.csv
V=$(sed -n 's/^#define BE_STORE_VERSION //p' "$TOP/lib/store.h")
must_fail 2 "be-collect: $BENUT_STORE: store has schema version 99, newer than this program's $V; upgrade benut" "newer store refused"
done_testing
