#!/bin/sh
# be-collect (three processes on different files), be-tag (two) and
# be-point (two) writing one store at once, twice: all succeed, no write
# is lost, the store stays intact.  The long version is
# tests/stress/concurrent.sh (make stress).
. "${0%/*}/lib.sh"
W=$T/w; mkdir -p "$W"
. "$TOP/tests/stress/common.sh"
CB=$TOP/share/codebooks/sociaal-domein.yaml
plan 2

gen_split 800 4 "$W/in"
F=$(echo "$W"/in/part-0[234].csv)
ok 'concurrent 2 "$W/in/part-01.csv" "$CB" $F' \
    "writers at once end as one after the other, all with status 0"

# The check can fail: with no time to wait, writers are refused.
BENUT_BUSY_MS=1 concurrent 1 "$W/in/part-01.csv" "$CB" $F >"$W/log"
ok 'grep -q "store is locked by another program" "$W/log"' \
    "without a busy timeout writers are refused, and the test sees it"
done_testing
