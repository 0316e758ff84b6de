#!/bin/sh
# tests/stress/valgrind.sh: a whole pipeline (collect, tag, find, point,
# agenda) with every program under valgrind; any memory error or definite
# leak fails.  Knobs: VG_ROWS (stories, default 100), VG_VERBOSE (time of each run),
# BENCH_GEN.
set -u
TOP=${BENUT_TOP:-$(cd "${0%/*}/../.." && pwd)}
export PATH="$TOP:$PATH" LC_ALL=C.UTF-8 TZ=UTC
W=$(mktemp -d "${TMPDIR:-/tmp}/benut-vg.XXXXXX")
trap 'rm -rf "$W"' EXIT
. "$TOP/tests/stress/common.sh"
export BENUT_STORE=$W/benut.db EDITOR=true
cd "$W" || exit 2
command -v valgrind >/dev/null || { note "valgrind: SKIP (not installed)"; exit 0; }

ROWS=${VG_ROWS:-100}
CB=$TOP/share/codebooks/sociaal-domein.yaml
MEET=$TOP/share/meetings/vergadering.yaml
NRUN=0

# vgs STATUS [<IN] CMD ARGS...: runs CMD under valgrind (stdout to
# $W/out); fails on a memory error or a definite leak (status 3 and a
# report), or a status other than STATUS.
vgs() {
	v_want=$1; shift
	NRUN=$((NRUN + 1)) v_t0=$(ms)
	valgrind -q --leak-check=full --errors-for-leak-kinds=definite \
	    --error-exitcode=3 --suppressions="$TOP/tests/stress/valgrind.supp" \
	    --log-file="$W/vg.$NRUN" "$@" >"$W/out" 2>"$W/err"
	v_rc=$?
	[ -n "${VG_VERBOSE:-}" ] && note "$(($(ms) - v_t0))ms: $*"
	if [ -s "$W/vg.$NRUN" ] || [ "$v_rc" -gt 128 ]; then
		sfail "valgrind: $* (status $v_rc)"
		sed 's/^/#   /' "$W/vg.$NRUN" | head -60
	elif [ "$v_rc" != "$v_want" ]; then
		sfail "$* (status $v_rc, want $v_want)"; sed 's/^/#   /' "$W/err"
	fi
	return 0
}
vg() { vgs 0 "$@"; }
# vgi FILE CMD...: vg with FILE as standard input.
vgi() { v_in=$1; shift; vg "$@" <"$v_in"; }

python3 "$BENCH_GEN" --rows "$ROWS" --out "$W/in.csv" || exit 2
python3 "$BENCH_GEN" --rows "$ROWS" --variant excel --out "$W/excel.csv"
vg be-collect "$W/in.csv"
vg be-collect "$W/excel.csv"
vg be-collect -n "$W/in.csv"
cp "$W/out" "$W/records"
vgi "$W/records" be-collect -f records -
vg be-tag -c "$CB" --all
vg be-tag --check "$CB"
vg be-tag -l
vg be-tag --explain S-1 S-2
vg be-tag -u tester --new +nagekeken -wachttijden S-3
vg be-tag --export-qdc "$CB"
cp "$W/out" "$W/cb.qdc"
vg be-tag --import-qdc "$W/cb.qdc"
vg be-find -q wachtlijst
vg be-find -t wachttijden --since 2024-01-01
vg be-find --yaml S-1 S-2
vg be-find --text S-3
vg be-find --json S-4
vg be-find --count -c Formulier
vg be-find --by gemeente
vg be-point new -t vervoer "De taxi komt te laat" S-1 S-2 S-3
vg be-point new "Wachtlijst" S-4 S-5
vg be-point show P-1 P-2
sed -e 's/^vraag:$/vraag: Wat gaat de gemeente doen?/' \
    -e 's/^state: concept$/state: gereed/' "$W/out" |
    awk '/^---$/ { h = 0 } /^history:/ { h = 1 } !h' >"$W/points.yaml"
vg be-point update "$W/points.yaml"
vg be-point edit P-1
vg be-point -l
vg be-point suggest
vg be-point -l --state gereed
cp "$W/out" "$W/ready"
for f in md txt html ics yaml; do vgi "$W/ready" be-agenda -m "$MEET" -f "$f"; done
vg be-agenda -m "$MEET" --lang en -f txt P-1 P-2
vg be-agenda -m "$MEET" --record P-1 P-2
vg be-agenda show -f yaml M-1
cp "$W/out" "$W/m1.yaml"
vg be-agenda outcome M-1 5 "De wethouder neemt het mee"
vg be-agenda action M-1 5 "Anna de Vries" "Navragen bij de vervoerder" 2026-12-15
vg be-agenda -l
vg be-point answer -m "De gemeente past het contract aan" P-1 deels
vg be-agenda --report M-1 -f txt
vg be-agenda --report M-1 -f html
vgs 1 be-point -l --state vervallen
# Refusals go through the error paths.
vgs 2 be-point show P-99
vgs 2 be-agenda -m /nonexistent.yaml P-1
printf 'kind: point\nversion: 1\nref: P-1\nbogus: x\n' >"$W/bad.yaml"
vgs 2 be-point update "$W/bad.yaml"
printf 'Verhaal\n"open\n' >"$W/bad.csv"; vgs 2 be-collect "$W/bad.csv"
printf 'kind: codebook\n' >"$W/bad-cb.yaml"; vgs 2 be-tag -c "$W/bad-cb.yaml" --all

note "valgrind: $NRUN runs, $SFAILS failing"
[ "$SFAILS" = 0 ]
