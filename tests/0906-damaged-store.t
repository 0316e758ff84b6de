#!/bin/sh
# A damaged store: every program says so, with what to do, exits 2 and
# writes nothing into it; be-collect --check-store reads every page.
. "${0%/*}/lib.sh"
plan 14

python3 -c "
w = 'taxi wacht loket brief zorg huis hulp fiets bus gemeente kind school'.split()
print('Datum,Verhaal')
for i in range(3000):
    print('2026-%02d-%02d,Verhaal %d: %s.' % (i % 12 + 1, i % 28 + 1, i,
        ' '.join(w[(i * 7 + k * k) % len(w)] for k in range(120))))
" >many.csv
be-collect many.csv >/dev/null 2>&1
printf 'kind: codebook\nversion: 1\nname: k\nthemes:\n  - name: vervoer\n    match: [taxi]\n' >cb.yaml
run be-collect --check-store
is "$RC:$(cat "$ERR")" "0:be-collect: $BENUT_STORE: checked: no damage found" "--check-store: a sound store"

# Every page but the first and the last overwritten, as a disk might.
n=$(q "PRAGMA page_count")
cp "$BENUT_STORE" bad.db
dd if=/dev/zero of=bad.db bs=65536 seek=1 count=$((n - 2)) conv=notrunc 2>/dev/null
cp bad.db before.db
D="the store is damaged; restore a copy, or save what is left with 'sqlite3 bad.db .recover'"
run be-find -s bad.db --count
must_fail 2 "be-find: bad.db: store: $D" "be-find --count does not answer"
run be-find -s bad.db -q taxi
must_fail 2 "be-find: bad.db: store: $D" "be-find -q"
run be-tag -s bad.db -l
must_fail 2 "be-tag: bad.db: cannot read tags: $D" "be-tag -l"
run be-tag -s bad.db -c cb.yaml --all
must_fail 2 "be-tag: bad.db: cannot write tags: $D" "be-tag -c"
run be-point -s bad.db -l
must_fail 2 "be-point: bad.db: cannot list points: $D" "be-point -l"
run be-collect -s bad.db many.csv
must_fail 2 "be-collect: bad.db: store: $D
be-collect: many.csv: nothing written" "be-collect"
run be-collect -s bad.db --check-store
must_fail 2 "be-collect: bad.db: cannot check the store: $D" "--check-store"
ok 'cmp -s bad.db before.db' "nothing written into the damaged store"

# Damage where a question does not look: only the full check finds it.
cp "$BENUT_STORE" some.db
dd if=/dev/zero of=some.db bs=65536 seek=$((n - 20)) count=4 conv=notrunc 2>/dev/null
cp some.db before.db
run be-collect -s some.db --check-store
is "$RC:$(head -1 "$ERR")" "2:be-collect: some.db: cannot check the store: the store is damaged; restore a copy, or save what is left with 'sqlite3 some.db .recover'" "--check-store finds damage that --count does not read"
ok 'cmp -s some.db before.db' "--check-store writes nothing"

printf 'not a store at all\n' >junk.db
run be-find -s junk.db --count
must_fail 2 "be-find: junk.db: not an SQLite database: another file, or a damaged store; name another with -s, or restore a copy" "a file that is no SQLite database"
run be-collect --check-store extra
is "$RC" 2 "--check-store takes no files"
is "$(q "SELECT count(*) FROM story")" 3000 "the sound store as it was"
