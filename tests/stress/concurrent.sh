#!/bin/sh
# tests/stress/concurrent.sh: be-collect (several processes on different
# files), be-tag and be-point writing one store at once, round after
# round: every writer succeeds (no 'locked' failure within the busy
# timeout), no write is lost, the store stays intact.
#
# Knobs: CONC_ROUNDS (default 10), CONC_FILES (be-collect processes, 6),
# CONC_ROWS (stories, 6000), STRESS_SEED, BENCH_GEN.
set -u
TOP=${BENUT_TOP:-$(cd "${0%/*}/../.." && pwd)}
export PATH="$TOP:$PATH" LC_ALL=C.UTF-8 TZ=UTC
W=$(mktemp -d "${TMPDIR:-/tmp}/benut-conc.XXXXXX")
trap 'rm -rf "$W"' EXIT
. "$TOP/tests/stress/common.sh"

ROUNDS=${CONC_ROUNDS:-10} FILES=${CONC_FILES:-6} ROWS=${CONC_ROWS:-6000}
CB=$TOP/share/codebooks/sociaal-domein.yaml
# One part seeds the store, the others go to the collectors.
gen_split "$ROWS" $((FILES + 1)) "$W/in" || exit 2
set -- $(ls "$W"/in/part-*.csv)
first=$1; shift
concurrent "$ROUNDS" "$first" "$CB" "$@"
[ "$SFAILS" = 0 ] && note "concurrent: all held" && exit 0
note "concurrent: $SFAILS failures"
exit 1
