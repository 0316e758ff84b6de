#!/bin/sh
# tests/stress/crash.sh: SIGKILL be-collect, be-tag, be-point update and
# be-agenda --record at many points of their work; each kill must leave
# the store intact and holding whole units only, and a rerun must end as
# a clean run does.
#
# Knobs: CRASH_ROWS (stories, default 10000), CRASH_FILES (input files,
# 20), CRASH_KILLS (kills per program, 20), CRASH_POINTS (points, 150),
# STRESS_SEED, BENCH_GEN.  Exit 0 when all held, 1 on a failure.
set -u
TOP=${BENUT_TOP:-$(cd "${0%/*}/../.." && pwd)}
export PATH="$TOP:$PATH" LC_ALL=C.UTF-8 TZ=UTC
W=$(mktemp -d "${TMPDIR:-/tmp}/benut-crash.XXXXXX")
trap 'rm -rf "$W"' EXIT
. "$TOP/tests/stress/common.sh"

ROWS=${CRASH_ROWS:-10000} FILES=${CRASH_FILES:-20}
KILLS=${CRASH_KILLS:-20} POINTS=${CRASH_POINTS:-150}
CB=$TOP/share/codebooks/sociaal-domein.yaml
note "crash: $ROWS stories in $FILES files, $KILLS kills each, seed $STRESS_SEED"
gen_split "$ROWS" "$FILES" "$W/in" || exit 2

crash_collect "$W/in" "$FILES" "$KILLS"
seed "$W/base.db" "$W/in/all.csv" || exit 1
crash_tag "$W/base.db" "$CB" "$KILLS"
cp "$W/base.db" "$W/points.db"
make_points "$W/points.db" "$POINTS" &&
    crash_point "$W/points.db" "$POINTS" "$KILLS"
# The same points, ready, onto the agenda of a meeting that is recorded
# (two minutes a point, from eight, so that they fit in a day).
sed -e 's/^point-minutes:.*/point-minutes: 2/' -e 's/^start:.*/start: "08:00"/' \
    "$TOP/share/meetings/vergadering.yaml" >"$W/meeting.yaml"
be-point -s "$W/points.db" update "$W/points-new.yaml" >/dev/null &&
    crash_agenda "$W/points.db" "$POINTS" "$W/meeting.yaml" "$KILLS"
[ "$SFAILS" = 0 ] && note "crash: all held" && exit 0
note "crash: $SFAILS failures (seed $STRESS_SEED)"
exit 1
