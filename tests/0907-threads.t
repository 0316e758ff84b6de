#!/bin/sh
# BENUT_THREADS=1 (lib/par.h): an intake and a tagging run in one thread
# give the very store, output and messages of the two-thread pipelines.
. "${0%/*}/lib.sh"
plan 10
export BENUT_NOW=2026-03-01T10:00:00Z USER=coord

# More rows than the intake's queue holds (256), and refused ones between.
{
	echo "nr,verhaal,datum"
	awk -F'\t' 'NR > 1 { for (i = 0; i < 13; i++)
	    printf "%d,\"%s (%d)\",%s\n", NR * 100 + i, $2, i,
	    i == 7 ? "31-2-2026" : (i % 28) + 1 "-1-2026" }' \
	    "$TOP/tests/codebook/labelled.tsv"
} >in.csv
cb=$TOP/share/codebooks/sociaal-domein.yaml
for n in 1 2; do
	BENUT_THREADS=$n BENUT_STORE=$T/s$n.db be-collect --skip-bad in.csv \
	    >c$n.out 2>c$n.err
	echo $? >c$n.rc
	BENUT_THREADS=$n BENUT_STORE=$T/s$n.db be-tag -c "$cb" --all \
	    >t$n.out 2>t$n.err
	echo $? >t$n.rc
	sqlite3 "$T/s$n.db" .dump >d$n.sql
done
is "$(cat c1.rc c2.rc)" "0
0" "both intakes succeed"
is "$(tail -n 1 c1.err)" "be-collect: in.csv: 1560 rows read, 1440 new, 0 duplicates, 120 refused; no column about use: quotable" \
    "one thread: every row read, the bad ones refused"
ok 'cmp -s c1.err c2.err' "the same messages from both intakes"
ok 'cmp -s c1.out c2.out' "the same records from both intakes"
is "$(wc -l <c1.out)" "1440" "a record of each story"
is "$(cat t1.rc t2.rc)" "0
0" "both tagging runs succeed"
ok 'cmp -s t1.out t2.out && cmp -s t1.err t2.err' \
    "the same tags and summary from both tagging runs"
is "$(sqlite3 "$T/s1.db" "SELECT count(*) > 1000 FROM story_tag")" "1" \
    "the codebook tagged many stories"
ok 'cmp -s d1.sql d2.sql' "the two stores are the same, row for row"

# One thread, a dry run: read and checked, nothing written.
BENUT_THREADS=1 BENUT_STORE=$T/s1.db be-collect -n in.csv >/dev/null 2>&1
sqlite3 "$T/s1.db" .dump >d1b.sql
ok 'cmp -s d1.sql d1b.sql' "a dry run in one thread writes nothing"
done_testing
