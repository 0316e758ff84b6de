#!/bin/sh
# tests/stress/run.sh: the long proofs (make stress): crash safety under
# SIGKILL, writers at once, and valgrind over a whole pipeline.  Bounded:
# about four minutes with the defaults; each script has knobs for more
# (see its head), e.g. CRASH_ROWS=100000 CRASH_KILLS=100 make stress.
# STRESS_ONLY="crash concurrent" runs some of them.
set -u
TOP=${BENUT_TOP:-$(cd "${0%/*}/../.." && pwd)}
export BENUT_TOP=$TOP
status=0
all_t0=$(date +%s)
for s in ${STRESS_ONLY:-crash concurrent valgrind}; do
	t0=$(date +%s)
	echo "== $s"
	if sh "$TOP/tests/stress/$s.sh"; then r=ok; else r=FAILED; status=1; fi
	echo "== $s: $r in $(($(date +%s) - t0))s"
done
echo "stress: $([ $status = 0 ] && echo ok || echo FAILED) in $(($(date +%s) - all_t0))s"
exit $status
