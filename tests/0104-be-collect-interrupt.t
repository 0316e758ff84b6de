#!/bin/sh
# be-collect: an intake killed at any moment leaves the store as it was;
# a rerun ends with each story exactly once.
. "${0%/*}/lib.sh"
plan 15
awk 'BEGIN { print "Datum;Kanaal;Gemeente;Verhaal"
	for (i = 1; i <= 20000; i++)
		printf "%d-%d-2025 10:%02d;telefoon;Utrecht;\"Verhaal %d: de regiotaxi kwam weer te laat, ik belde 06-12345678 en niemand nam op. Het loket is maar twee ochtenden per week open.\"\n", i % 28 + 1, i % 12 + 1, i % 60, i }' >big.csv
be-collect "$FIX/collect/route.csv" >/dev/null 2>&1

be-collect big.csv >/dev/null 2>&1 &
pid=$!
sleep 0.3
kill -9 $pid 2>/dev/null
wait $pid
is "$(q "PRAGMA integrity_check")" ok "store intact after kill -9"
n=$(q "SELECT count(*) FROM story")
ok '[ "$n" = 3 ] || [ "$n" = 20003 ]' "nothing or everything of the file ($n)"

be-collect big.csv >/dev/null 2>&1 &
pid=$!
sleep 0.5
kill -INT $pid 2>/dev/null
wait $pid
n=$(q "SELECT count(*) FROM story")
ok '[ "$n" = 3 ] || [ "$n" = 20003 ]' "nothing or everything after SIGINT ($n)"

run be-collect big.csv
is_rc 0 "rerun succeeds"
is "$(q "SELECT count(*) FROM story")" 20003 "each story exactly once"
is "$(q "PRAGMA integrity_check")" ok "store intact"

# The first intake into a store without stories runs with a rollback
# journal (each page written once).  Cut off, it leaves the journal, and
# whoever opens the store next plays it back; a reader too.
awk 'BEGIN { print "Datum;Kanaal;Gemeente;Verhaal"
	for (i = 1; i <= 100000; i++)
		printf "%d-%d-2025 11:%02d;telefoon;Utrecht;\"Verhaal %d: de regiotaxi kwam weer te laat. Het loket is maar twee ochtenden per week open, en de wachttijd aan de telefoon is lang. Mijn aanvraag voor begeleiding ligt er al maanden.\"\n", i % 28 + 1, i % 12 + 1, i % 60, i }' >first.csv
F=$T/first.db
# cut FILE: starts a first intake of FILE into $F and kills it (-9) once
# it has written stories into the store itself.
cut() {
	rm -f "$F" "$F"-*
	be-collect -s "$F" "$1" >/dev/null 2>&1 &
	_p=$!
	_i=0
	while [ $_i -lt 600 ] && kill -0 $_p 2>/dev/null &&
	    [ "$(stat -c %s "$F" 2>/dev/null || echo 0)" -lt 8000000 ]; do
		sleep 0.01; _i=$((_i + 1))
	done
	kill -9 $_p 2>/dev/null
	wait $_p
}
cut first.csv
ok '[ -s "$F-journal" ] && [ ! -e "$F-wal" ]' \
    "a first intake writes through a rollback journal, not the log"
mkdir "$T/ro"; cp "$F" "$F-journal" "$T/ro/"
run be-find -s "$F" --count
is "$RC:$(cat "$OUT" "$ERR")" "1:0" "a reader plays the journal back and finds no story"
ok '[ ! -e "$F-journal" ]' "the journal is gone"
is "$(sqlite3 "$F" "PRAGMA integrity_check; SELECT count(*) FROM story")" "ok
0" "the store is intact and as it was"
run be-collect -s "$F" first.csv
is "$RC:$(sqlite3 "$F" "SELECT count(*) FROM story; PRAGMA journal_mode")" \
    "0:100000
wal" "a rerun stores each story once, and the store is back on its log"

# A reader who may not write the store cannot play the journal back.
chmod 0755 "$T/ro"; chmod 0644 "$T/ro/first.db" "$T/ro/first.db-journal"
chmod 0755 "$T"
if setpriv --reuid=65534 --regid=65534 --clear-groups true 2>/dev/null; then
	run setpriv --reuid=65534 --regid=65534 --clear-groups \
	    be-find -s "$T/ro/first.db" --count
	must_fail 2 "be-find: $T/ro/first.db: cannot read store: an intake was cut off and left its journal, which this user cannot play back; let the store's owner run a benut program on it once" \
	    "a reader who may not write is told whom to ask"
	run be-find -s "$T/ro/first.db" --count
	is "$RC:$(cat "$OUT")" "1:0" "the owner's reader plays it back"
else
	skip 2 "setpriv cannot drop privileges here"
fi

# When another program has the store open at the start, the first intake
# goes through the log as any other: nothing waits.
rm -f "$F" "$F"-*
be-collect -s "$F" "$FIX/collect/route.csv" >/dev/null 2>&1
sqlite3 "$F" "DELETE FROM story_redaction; DELETE FROM story_attr; DELETE FROM story"
mkfifo hold
sqlite3 "$F" <hold >/dev/null 2>&1 &
hp=$!
exec 7>hold
echo "BEGIN; SELECT count(*) FROM story;" >&7
sleep 0.2
run be-collect -s "$F" big.csv
exec 7>&-
wait $hp
is "$RC:$(sqlite3 "$F" "SELECT count(*) FROM story")" "0:20000" \
    "with a reader present the first intake is taken through the log"
ok '[ ! -e "$F-journal" ]' "and leaves no journal"
done_testing
