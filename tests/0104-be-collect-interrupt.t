#!/bin/sh
# be-collect: an intake killed at any moment leaves the store as it was;
# a rerun ends with each story exactly once.
. "${0%/*}/lib.sh"
plan 6
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
done_testing
