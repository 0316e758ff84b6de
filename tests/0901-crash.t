#!/bin/sh
# SIGKILL at a few points of be-collect, be-tag, be-point update and
# be-agenda --record, each while the program runs (killat in
# tests/stress/common.sh; an intake is killed only once its store has
# grown): the store stays intact and holds whole units only; a rerun ends
# as a clean run.  The long version is tests/stress/crash.sh
# (make stress).
. "${0%/*}/lib.sh"
W=$T/w; mkdir -p "$W"
. "$TOP/tests/stress/common.sh"
CB=$TOP/share/codebooks/sociaal-domein.yaml
plan 5

gen_split 600 4 "$W/in"
is "$(ls "$W/in" | tr '\n' ' ')" \
    "all.csv part-01.csv part-02.csv part-03.csv part-04.csv " \
    "the input is split into four files"

ok 'crash_collect "$W/in" 4 5' \
    "be-collect: every kill, while the intake runs, leaves whole files"

seed "$W/base.db" "$W/in/all.csv"
ok 'crash_tag "$W/base.db" "$CB" 5' "be-tag: every kill leaves the batch whole"

cp "$W/base.db" "$W/points.db"
ok 'make_points "$W/points.db" 12 && crash_point "$W/points.db" 12 5' \
    "be-point update: every kill leaves the points whole"
be-point -s "$W/points.db" update "$W/points-new.yaml" >/dev/null
ok 'crash_agenda "$W/points.db" 12 "$TOP/share/meetings/vergadering.yaml" 5' \
    "be-agenda --record: every kill leaves the meeting whole"
done_testing
