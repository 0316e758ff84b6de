#!/bin/sh
# be-find: refusals, each with its message and status 2, and nothing on
# standard output.
. "${0%/*}/lib.sh"
. "$FIX/find/find.sh"
plan 25

run be-find -s nowhere.db
must_fail 2 "be-find: no store here (./nowhere.db); use -s or BENUT_STORE" \
    "no store"
seed
run be-find -t nope
must_fail 2 "be-find: no theme 'nope'; list them with be-tag -l" "unknown theme"
run be-find --since 2026-13-01
must_fail 2 "be-find: --since: bad date '2026-13-01'; write YYYY-MM-DD (or YYYY-MM, YYYY)" \
    "bad month"
run be-find --until 2026-02-30
must_fail 2 "be-find: --until: bad date '2026-02-30'; write YYYY-MM-DD (or YYYY-MM, YYYY)" \
    "bad day"
run be-find --since 1-1-2026
must_fail 2 "be-find: --since: bad date '1-1-2026'; write YYYY-MM-DD (or YYYY-MM, YYYY)" \
    "a Dutch date"
run be-find --since-meeting M-9
must_fail 2 "be-find: no meeting M-9" "unknown meeting"
run be-find --since-meeting 3
must_fail 2 "be-find: --since-meeting: '3' is not a meeting ref (M-n)" "not a meeting ref"
run be-find -a wijk
must_fail 2 "be-find: -a: write key=value, as wijk=Noord" "-a without ="
run be-find -a =Noord
must_fail 2 "be-find: -a: write key=value, as wijk=Noord" "-a without key"
run be-find S-1 S-99
must_fail 2 "be-find: argument 2: no story S-99" "unknown ref"
run be-find P-1
must_fail 2 "be-find: argument 1: 'P-1' is not a story (S-n)" "not a story ref"
printf 'S-1\nDe taxi kwam te laat\tx\n' >in
run_in in be-find -
must_fail 2 "be-find: -:2: first field is not a story ref (S-n)" \
    "a line that is not a record: its content is not shown"
printf 'S-1\n\nS-42\n' >in
run_in in be-find --count -
must_fail 2 "be-find: -:3: no story S-42" "unknown ref on stdin"
printf 'S-1\\x\n' >in
run_in in be-find -
must_fail 2 "be-find: -:1:4: bad escape in record: write \\\\ for a backslash" \
    "bad escape on stdin"

usage=$(be-find --help | sed 's/^usage: //')
run be-find --count --json
must_fail 2 "be-find: give one of --by, --count, --csv, --json, --text, --yaml
usage: $usage" "two output forms"
run be-find -t vervoer --untagged
must_fail 2 "be-find: -t and --untagged exclude each other
usage: $usage" "-t and --untagged"
run be-find --route --no-route
must_fail 2 "be-find: --route and --no-route exclude each other
usage: $usage" "--route and --no-route"
run be-find -x
must_fail 2 "be-find: invalid option -- 'x'
usage: $usage" "unknown option"
run be-find --since
must_fail 2 "be-find: option '--since' requires an argument
usage: $usage" "missing argument"
run be-find --version
is "$RC:$(cat "$OUT" "$ERR")" "0:be-find (benut) $(sed -n 's/^VERSION *= *//p' "$TOP/Makefile")" \
    "--version"
run be-find --help
is "$RC:$(head -1 "$OUT")" "0:usage: be-find [-H] [-q query] [-t tag ...] [--untagged] [--since date]" \
    "--help on stdout"
synopsis=$(mandoc -Tascii "$TOP/man/be-find.1" | col -b |
    sed -n '/^SYNOPSIS/,/^DESCRIPTION/p' | sed '1d;$d' | tr -s ' \n\t' '   ')
is "$(echo $synopsis)" "$(echo $usage)" "usage is the SYNOPSIS of the man page"

# Not a benut store, and a damaged one.
sqlite3 other.db 'CREATE TABLE t (x)'
run be-find -s other.db
must_fail 2 "be-find: other.db: not a benut store (another program's database); name another with -s" \
    "another program's database"

# A store others may only read: be-find needs no more.  (A reader of a WAL
# store needs its -shm file, or a directory where it can make one.)
chmod 0644 "$BENUT_STORE" "$BENUT_STORE"-* 2>/dev/null
chmod 1777 "$T"
run setpriv --reuid=65534 --regid=65534 --clear-groups be-find --count -q taxi
is "$RC:$(cat "$OUT" "$ERR")" "0:2" "a read-only store is enough"
q "INSERT INTO meta VALUES ('fts_stale', '1')"
run setpriv --reuid=65534 --regid=65534 --clear-groups be-find --count -q taxi
must_fail 2 "be-find: $BENUT_STORE: full-text index is stale and the store is read-only; run be-find once with write access" \
    "a stale index in a store it cannot write"
done_testing
