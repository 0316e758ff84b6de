# tests/stress/common.sh: shared by tests/stress/*.sh and the fast
# versions tests/09xx-*.t.  Sourced, with $TOP (the repository top) and a
# scratch directory $W set.  Functions print '# ...' lines and return
# non-zero on a failure; sfail() counts failures in $SFAILS.
#
# Knobs: BENCH_GEN (the story generator, default tests/bench/
# gen_stories.py), STRESS_SEED (random delays; printed).

BENCH_GEN=${BENCH_GEN:-$TOP/tests/bench/gen_stories.py}
STRESS_SEED=${STRESS_SEED:-$$}
SFAILS=0
export BENUT_NOW=${BENUT_NOW:-2026-03-01T10:00:00Z}

sfail() { SFAILS=$((SFAILS + 1)); echo "# FAIL: $*"; }
note() { echo "# $*"; }


# sq DB SQL: one query, '|' between columns.
sq() { sqlite3 -batch "$1" "$2"; }

# integrity DB: prints PRAGMA integrity_check (and quick foreign-key check).
integrity() {
	h_i=$(sqlite3 -batch "$1" 'PRAGMA integrity_check' 2>&1)
	h_f=$(sqlite3 -batch "$1" 'PRAGMA foreign_key_check' 2>&1)
	if [ -n "$h_f" ]; then echo "$h_i; foreign keys: $h_f"; else echo "$h_i"; fi
}

# digest DB SQL: an md5 of the query's rows, to compare end states.
digest() { sqlite3 -batch "$1" "$2" | md5sum | cut -c1-32; }

# ms: the time in milliseconds.
ms() { date +%s%3N; }

# gen_split ROWS K DIR: DIR/all.csv of ROWS stories and DIR/part-01.csv ..
# DIR/part-K.csv, each with the header (quoted newlines kept whole).
gen_split() {
	mkdir -p "$3"
	python3 "$BENCH_GEN" --rows "$1" --out "$3/all.csv" || return 2
	python3 - "$3/all.csv" "$2" "$3" <<'EOF'
import csv, sys
src, k, d = sys.argv[1], int(sys.argv[2]), sys.argv[3]
with open(src, newline='', encoding='utf-8') as f:
    rows = list(csv.reader(f))
head, body = rows[0], rows[1:]
n = len(body)
for i in range(k):
    part = body[i * n // k:(i + 1) * n // k]
    with open('%s/part-%02d.csv' % (d, i + 1), 'w', newline='',
              encoding='utf-8') as o:
        w = csv.writer(o, lineterminator='\n')
        w.writerow(head)
        w.writerows(part)
EOF
}

# delay I N MS SEED: the I-th of N kill delays (seconds) spread over
# 0 .. MS, each with a random place in its own slice, so that kills land
# early, in the middle and late (killat halves one that comes after the
# end).
delay() {
	awk -v i="$1" -v n="$2" -v ms="$3" -v s="$4" 'BEGIN {
		srand(s + i); d = ms * (i + rand()) / n;
		printf "%.3f\n", d / 1000 }'
}

# fsize DB: bytes in DB, its journal and its log.
fsize() {
	f_s=0
	for f_f in "$1" "$1-journal" "$1-wal"; do
		# A journal may go between a look and a stat.
		f_n=$(stat -c %s "$f_f" 2>/dev/null) && f_s=$((f_s + f_n))
	done
	echo "$f_s"
}

# killat PREP DB GROW SECONDS CMD ARGS...: runs PREP (a command, which
# sets up the store DB), then CMD in the background, and SIGKILLs it
# SECONDS later; with GROW 1 the SECONDS start only when DB (with its
# journal and log) has grown beyond its size at the start, that is, when
# the intake is under way.  A kill must find CMD still running, or it
# proves nothing: then all of it is done again with half the delay, up
# to six times.  KRC is CMD's status (137 when killed); KMISS counts the
# kills that came too late for good (sfail).
KMISS=0
killat() {
	k_prep=$1 k_db=$2 k_grow=$3 k_d=$4; shift 4
	k_try=0
	while :; do
		eval "$k_prep"
		k_s0=$(fsize "$k_db")
		"$@" >/dev/null 2>"$W/.kill.err" &
		k_p=$!
		k_i=0
		while [ "$k_grow" = 1 ] && [ $k_i -lt 3000 ] &&
		    kill -0 "$k_p" 2>/dev/null &&
		    [ "$(fsize "$k_db")" -le "$k_s0" ]; do
			sleep 0.005; k_i=$((k_i + 1))
		done
		sleep "$k_d"
		kill -KILL "$k_p" 2>/dev/null
		{ wait "$k_p"; } 2>/dev/null; KRC=$?
		[ "$KRC" = 137 ] && return 0
		k_try=$((k_try + 1))
		if [ "$k_try" -ge 6 ]; then
			KMISS=$((KMISS + 1))
			sfail "$1: every kill came after its end (status $KRC)"
			return 1
		fi
		k_d=$(awk -v d="$k_d" 'BEGIN { printf "%.3f\n", d / 2 }')
	done
}

# ---- be-collect -------------------------------------------------------

# crash_collect DIR K KILLS: kills be-collect on DIR/part-*.csv KILLS times.
# Each kill must leave an intact store holding exactly the stories of a
# prefix of the files; a rerun must end with the clean run's stories.
crash_collect() {
	s_dir=$1 s_k=$2 s_kills=$3 s_db=$W/collect.db
	s_files=$(ls "$s_dir"/part-*.csv)
	# The clean run, file by file: the digest after each prefix.
	rm -f "$s_db"*
	: >"$W/prefix"
	echo "0 $(printf '' | md5sum | cut -c1-32)" >>"$W/prefix"
	s_j=0
	for s_f in $s_files; do
		be-collect -s "$s_db" "$s_f" >/dev/null 2>"$W/.err" ||
		    { sfail "be-collect: clean run on $s_f failed"; \
		      sed 's/^/#   /' "$W/.err"; return 1; }
		s_j=$((s_j + 1))
		echo "$s_j $(digest "$s_db" 'SELECT cid FROM story ORDER BY cid')" \
		    >>"$W/prefix"
	done
	s_want=$(sq "$s_db" 'SELECT count(*) FROM story')
	s_wantd=$(digest "$s_db" 'SELECT cid FROM story ORDER BY cid')
	# How long one run over all the files takes, to place the kills (the
	# second of two runs: the first may meet a cold cache).
	rm -f "$s_db"*; be-collect -s "$s_db" $s_files >/dev/null 2>&1
	rm -f "$s_db"*
	s_t0=$(ms); be-collect -s "$s_db" $s_files >/dev/null 2>&1; s_t1=$(ms)
	s_dur=$((s_t1 - s_t0))
	s_early=0 s_mid=0 s_late=0 s_bad=0 s_i=0
	while [ "$s_i" -lt "$s_kills" ]; do
		killat "rm -f '$s_db'*" "$s_db" 1 \
		    "$(delay "$s_i" "$s_kills" "$s_dur" "$STRESS_SEED")" \
		    be-collect -s "$s_db" $s_files
		s_i=$((s_i + 1))
		s_ic=$(integrity "$s_db")
		[ "$s_ic" = ok ] || { sfail "be-collect kill $s_i: integrity: $s_ic"
			s_bad=$((s_bad + 1)); continue; }
		if [ "$(sq "$s_db" 'SELECT count(*) FROM sqlite_master')" = 0 ]
		then s_d=$(printf '' | md5sum | cut -c1-32) s_src=0
		else s_d=$(digest "$s_db" 'SELECT cid FROM story ORDER BY cid')
			s_src=$(sq "$s_db" 'SELECT count(*) FROM source'); fi
		s_p=$(awk -v d="$s_d" '$2 == d { print $1; exit }' "$W/prefix")
		if [ -z "$s_p" ]; then
			sfail "be-collect kill $s_i: $(sq "$s_db" \
			    'SELECT count(*) FROM story') stories, not those of whole files"
			s_bad=$((s_bad + 1)); continue
		fi
		[ "$s_src" = "$s_p" ] || { sfail "be-collect kill $s_i: $s_p files" \
		    "taken but $s_src source rows"; s_bad=$((s_bad + 1)); }
		if [ "$s_p" = 0 ]; then s_early=$((s_early + 1))
		elif [ "$s_p" = "$s_k" ]; then s_late=$((s_late + 1))
		else s_mid=$((s_mid + 1)); fi
		be-collect -s "$s_db" $s_files >/dev/null 2>"$W/.err" ||
		    { sfail "be-collect kill $s_i: rerun failed"
		      sed 's/^/#   /' "$W/.err"; s_bad=$((s_bad + 1)); continue; }
		s_n=$(sq "$s_db" 'SELECT count(*) || " " || count(DISTINCT cid) FROM story')
		[ "$s_n" = "$s_want $s_want" ] || { sfail "be-collect kill $s_i:" \
		    "after the rerun $s_n stories (total, distinct), want $s_want"
		    s_bad=$((s_bad + 1)); continue; }
		[ "$(digest "$s_db" 'SELECT cid FROM story ORDER BY cid')" = \
		    "$s_wantd" ] || { sfail "be-collect kill $s_i: rerun ends" \
		    "with other stories than a clean run"; s_bad=$((s_bad + 1)); }
		[ "$(integrity "$s_db")" = ok ] || { sfail "be-collect kill $s_i:" \
		    "integrity after the rerun"; s_bad=$((s_bad + 1)); }
	done
	note "be-collect: $s_kills kills over ${s_dur}ms of $s_k files" \
	    "($s_want stories): $s_early before the first commit, $s_mid between" \
	    "files, $s_late after the last; $s_bad bad"
	[ "$s_bad" = 0 ]
}

# ---- be-tag -----------------------------------------------------------

# tag_state DB: the tags as a digest (without times, which are fixed).
tag_state() {
	digest "$1" 'SELECT story_id, tag_id, origin, present, rule, matched
	    FROM story_tag ORDER BY story_id, tag_id'
}

# crash_tag STORE CODEBOOK KILLS: STORE holds stories and no tags; kills
# be-tag -c CODEBOOK --all on copies of it.
crash_tag() {
	s_base=$1 s_cb=$2 s_kills=$3 s_db=$W/tag.db
	rm -f "$s_db"*; cp "$s_base" "$s_db"
	s_t0=$(ms)
	be-tag -s "$s_db" -c "$s_cb" --all >/dev/null 2>"$W/.err" ||
	    { sfail "be-tag: clean run failed"; sed 's/^/#   /' "$W/.err"
	      return 1; }
	s_t1=$(ms); s_dur=$((s_t1 - s_t0))
	s_want=$(sq "$s_db" 'SELECT count(*) FROM story_tag')
	s_wantd=$(tag_state "$s_db")
	s_none=0 s_all=0 s_bad=0 s_i=0
	while [ "$s_i" -lt "$s_kills" ]; do
		killat "rm -f '$s_db'*; cp '$s_base' '$s_db'" "$s_db" 0 \
		    "$(delay "$s_i" "$s_kills" "$s_dur" "$STRESS_SEED")" \
		    be-tag -s "$s_db" -c "$s_cb" --all
		s_i=$((s_i + 1))
		s_ic=$(integrity "$s_db")
		[ "$s_ic" = ok ] || { sfail "be-tag kill $s_i: integrity: $s_ic"
			s_bad=$((s_bad + 1)); continue; }
		s_n=$(sq "$s_db" 'SELECT count(*) FROM story_tag')
		if [ "$s_n" = 0 ]; then s_none=$((s_none + 1))
		elif [ "$s_n" = "$s_want" ] && [ "$(tag_state "$s_db")" = "$s_wantd" ]
		then s_all=$((s_all + 1))
		else sfail "be-tag kill $s_i: $s_n tags, want 0 or $s_want"
			s_bad=$((s_bad + 1)); continue; fi
		be-tag -s "$s_db" -c "$s_cb" --all >/dev/null 2>"$W/.err" ||
		    { sfail "be-tag kill $s_i: rerun failed"
		      sed 's/^/#   /' "$W/.err"; s_bad=$((s_bad + 1)); continue; }
		[ "$(tag_state "$s_db")" = "$s_wantd" ] || { sfail "be-tag kill" \
		    "$s_i: rerun ends with other tags than a clean run"
		    s_bad=$((s_bad + 1)); }
		s_c=$(sq "$s_db" 'SELECT count(*) FROM codebook')
		[ "$s_c" = 1 ] || { sfail "be-tag kill $s_i: $s_c codebook rows" \
		    "after the rerun, want 1"; s_bad=$((s_bad + 1)); }
	done
	note "be-tag: $s_kills kills over ${s_dur}ms of one batch ($s_want tags):" \
	    "$s_none with no tag, $s_all with all; $s_bad bad"
	[ "$s_bad" = 0 ]
}

# ---- be-point update --------------------------------------------------

# point_state DB: titles, states and history as a digest.
point_state() {
	digest "$1" 'SELECT id, title, state, vraag FROM point ORDER BY id;
	    SELECT point_id, state FROM point_state ORDER BY id'
}

# make_points STORE M: M points P-1 .. P-M in STORE (which holds at
# least M + 1 stories), and $W/points-new.yaml: all of them shown, with
# a new title, a vraag and the state gereed, without the history (which
# be-point refuses once the state it adds is there: a rerun of an update
# that was taken would fail).
make_points() {
	s_i=1
	while [ "$s_i" -le "$2" ]; do
		be-point -s "$1" new "Punt $s_i" "S-$s_i" "S-$((s_i + 1))" \
		    >/dev/null 2>"$W/.err" || { sfail "be-point new failed"
			sed 's/^/#   /' "$W/.err"; return 1; }
		s_i=$((s_i + 1))
	done
	be-point -s "$1" show $(seq -f 'P-%g' 1 "$2") >"$W/points.yaml" &&
	sed -e 's/^title: Punt /title: Ander punt /' \
	    -e 's/^vraag:$/vraag: Wat gaat de gemeente doen?/' \
	    -e 's/^state: concept$/state: gereed/' "$W/points.yaml" |
	awk '/^---$/ { h = 0 } /^history:/ { h = 1 } !h' >"$W/points-new.yaml"
}

# crash_point STORE M KILLS: STORE holds M points (make_points); kills
# be-point update of them all on copies.
crash_point() {
	s_base=$1 s_m=$2 s_kills=$3 s_db=$W/point.db
	s_old=$(point_state "$s_base")
	rm -f "$s_db"*; cp "$s_base" "$s_db"
	s_t0=$(ms)
	be-point -s "$s_db" update "$W/points-new.yaml" >/dev/null 2>"$W/.err" ||
	    { sfail "be-point update: clean run failed"
	      sed 's/^/#   /' "$W/.err"; return 1; }
	s_t1=$(ms); s_dur=$((s_t1 - s_t0))
	s_new=$(point_state "$s_db")
	[ "$(sq "$s_db" "SELECT count(*) FROM point WHERE state = 'gereed'
	    AND title LIKE 'Ander punt %'")" = "$s_m" ] ||
	    { sfail "be-point update: the clean run did not change every point"
	      return 1; }
	s_none=0 s_all=0 s_bad=0 s_i=0
	while [ "$s_i" -lt "$s_kills" ]; do
		killat "rm -f '$s_db'*; cp '$s_base' '$s_db'" "$s_db" 0 \
		    "$(delay "$s_i" "$s_kills" "$s_dur" "$STRESS_SEED")" \
		    be-point -s "$s_db" update "$W/points-new.yaml"
		s_i=$((s_i + 1))
		s_ic=$(integrity "$s_db")
		[ "$s_ic" = ok ] || { sfail "be-point kill $s_i: integrity: $s_ic"
			s_bad=$((s_bad + 1)); continue; }
		s_s=$(point_state "$s_db")
		if [ "$s_s" = "$s_old" ]; then s_none=$((s_none + 1))
		elif [ "$s_s" = "$s_new" ]; then s_all=$((s_all + 1))
		else sfail "be-point kill $s_i: $(sq "$s_db" "SELECT count(*)
			    FROM point WHERE state = 'gereed'") of $s_m points" \
			    "changed, want none or all"
			s_bad=$((s_bad + 1)); continue; fi
		be-point -s "$s_db" update "$W/points-new.yaml" >/dev/null \
		    2>"$W/.err" || { sfail "be-point kill $s_i: rerun failed"
			sed 's/^/#   /' "$W/.err"; s_bad=$((s_bad + 1)); continue; }
		[ "$(point_state "$s_db")" = "$s_new" ] || { sfail "be-point kill" \
		    "$s_i: rerun ends other than a clean run"; s_bad=$((s_bad + 1)); }
	done
	note "be-point update: $s_kills kills over ${s_dur}ms of $s_m points:" \
	    "$s_none unchanged, $s_all all changed; $s_bad bad"
	[ "$s_bad" = 0 ]
}

# seed STORE CSV: takes CSV into a new STORE with be-collect.
seed() {
	rm -f "$1"*
	be-collect -s "$1" "$2" >/dev/null 2>"$W/.err" ||
	    { sfail "be-collect: intake of $2 failed"
	      sed 's/^/#   /' "$W/.err"; return 1; }
}

# ---- concurrency ------------------------------------------------------

# conc_state DB: what a run must end with, whatever the order of writers:
# the stories, the tags of the seeded stories (by name), the points.
conc_state() {
	digest "$1" "SELECT cid FROM story ORDER BY cid;
	    SELECT s.cid, t.name, st.rule, st.matched FROM story_tag st
	      JOIN story s ON s.id = st.story_id JOIN tag t ON t.id = st.tag_id
	      ORDER BY s.cid, t.name;
	    SELECT title, state FROM point ORDER BY title;
	    SELECT p.title, count(*) FROM point_state ps
	      JOIN point p ON p.id = ps.point_id GROUP BY p.title ORDER BY 1"
}

# conc_writers DB SEEDED CB FILES...: the writers of one round, all at
# once: a be-collect per file, two be-tag on the two halves of the seeded
# stories S-1 .. S-SEEDED, two be-point making points and moving them.
# With CONC_SERIAL=1 one after the other (the reference).  Each writer's
# status goes to $W/rc.*, its stderr to $W/err.*.
conc_writers() {
	c_db=$1 c_n=$2 c_cb=$3; shift 3
	c_h=$((c_n / 2)) c_j=0
	rm -f "$W"/rc.* "$W"/err.*
	for c_f in "$@"; do
		c_j=$((c_j + 1))
		conc_one collect$c_j be-collect -s "$c_db" "$c_f"
	done
	if [ -n "$c_cb" ]; then
		seq -f 'S-%g' 1 "$c_h" >"$W/refs1"
		seq -f 'S-%g' $((c_h + 1)) "$c_n" >"$W/refs2"
		conc_one tag1 sh -c 'be-tag -s "$1" -c "$2" <"$3"' - "$c_db" \
		    "$c_cb" "$W/refs1"
		conc_one tag2 sh -c 'be-tag -s "$1" -c "$2" <"$3"' - "$c_db" \
		    "$c_cb" "$W/refs2"
	fi
	for c_w in a b; do
		# The points have no vraag: be-point warns of that, and only
		# a failure's message is kept.
		conc_one point$c_w sh -c 'for i in 1 2 3 4 5 6; do
			r=$(be-point -s "$1" new "Punt $2$i" S-$i) || exit
			be-point -s "$1" state "${r%%	*}" gereed >/dev/null \
			    2>"$3" || { cat "$3" >&2; exit 1; }
		done' - "$c_db" "$c_w" "$W/warn.$c_w"
	done
	wait
}

# conc_one NAME CMD...: runs one writer (in the background unless
# CONC_SERIAL=1), keeping its status and stderr.
conc_one() {
	c_name=$1; shift
	if [ "${CONC_SERIAL:-0}" = 1 ]; then
		"$@" >/dev/null 2>"$W/err.$c_name"; echo $? >"$W/rc.$c_name"
	else
		( "$@" >/dev/null 2>"$W/err.$c_name"; echo $? >"$W/rc.$c_name" ) &
	fi
}

# concurrent ROUNDS SEED-CSV CB FILES...: ROUNDS rounds of conc_writers on
# a store seeded with SEED-CSV; each must end as the serial run does.
concurrent() {
	c_rounds=$1 c_seed=$2 c_cb0=$3; shift 3
	seed "$W/cbase.db" "$c_seed" || return 1
	c_n=$(sq "$W/cbase.db" 'SELECT count(*) FROM story')
	cp "$W/cbase.db" "$W/conc.db"
	CONC_SERIAL=1 conc_writers "$W/conc.db" "$c_n" "$c_cb0" "$@"
	for c_r in "$W"/rc.*; do
		[ "$(cat "$c_r")" = 0 ] || { sfail "serial ${c_r##*/rc.} failed:"
		    sed 's/^/#   /' "$W/err.${c_r##*/rc.}"; return 1; }
	done
	c_want=$(conc_state "$W/conc.db")
	c_counts=$(sq "$W/conc.db" "SELECT (SELECT count(*) FROM story) || ' stories, '
	    || (SELECT count(*) FROM story_tag) || ' tags, '
	    || (SELECT count(*) FROM point) || ' points'")
	c_bad=0 c_round=0
	while [ "$c_round" -lt "$c_rounds" ]; do
		c_round=$((c_round + 1))
		rm -f "$W/conc.db"*; cp "$W/cbase.db" "$W/conc.db"
		conc_writers "$W/conc.db" "$c_n" "$c_cb0" "$@"
		for c_r in "$W"/rc.*; do
			c_w=${c_r##*/rc.}
			[ "$(cat "$c_r")" = 0 ] && [ ! -s "$W/err.$c_w" ] && continue
			[ "$(cat "$c_r")" = 0 ] && case $c_w in collect*|tag*)
			    grep -qv '^be-[a-z]*: .*\(read\|stories\|no change\)' \
				"$W/err.$c_w" || continue;; esac
			sfail "round $c_round: $c_w: status $(cat "$c_r")"
			sed 's/^/#   /' "$W/err.$c_w"; c_bad=$((c_bad + 1))
		done
		c_ic=$(integrity "$W/conc.db")
		[ "$c_ic" = ok ] || { sfail "round $c_round: integrity: $c_ic"
			c_bad=$((c_bad + 1)); }
		[ "$(conc_state "$W/conc.db")" = "$c_want" ] || { sfail \
		    "round $c_round: ended with $(sq "$W/conc.db" "SELECT
		    (SELECT count(*) FROM story) || ' stories, '
		    || (SELECT count(*) FROM story_tag) || ' tags, '
		    || (SELECT count(*) FROM point) || ' points'"), want $c_counts"
		    c_bad=$((c_bad + 1)); }
	done
	c_nt=0; [ -n "$c_cb0" ] && c_nt=2
	note "concurrent: $c_rounds rounds of $# be-collect, $c_nt be-tag and 2" \
	    "be-point writers at once, each ending with $c_counts; $c_bad bad"
	[ "$c_bad" = 0 ]
}

# ---- be-agenda --record -----------------------------------------------

# meeting_state DB: the meetings, their items and the points' states.
meeting_state() {
	digest "$1" 'SELECT id, date, title FROM meeting ORDER BY id;
	    SELECT meeting_id, pos, title, point_id FROM agenda_item
	      ORDER BY meeting_id, pos;
	    SELECT id, state FROM point ORDER BY id;
	    SELECT point_id, state, meeting_id FROM point_state ORDER BY id'
}

# crash_agenda STORE M MEETING KILLS: STORE holds M points in state
# gereed; kills be-agenda --record of them all on copies.  A rerun after a
# recorded meeting is refused ("already recorded") and changes nothing.
crash_agenda() {
	s_base=$1 s_m=$2 s_meet=$3 s_kills=$4 s_db=$W/agenda.db
	s_refs=$(seq -f 'P-%g' 1 "$s_m")
	s_old=$(meeting_state "$s_base")
	rm -f "$s_db"*; cp "$s_base" "$s_db"
	s_t0=$(ms)
	be-agenda -s "$s_db" -m "$s_meet" --record $s_refs >/dev/null \
	    2>"$W/.err" || { sfail "be-agenda --record: clean run failed"
		sed 's/^/#   /' "$W/.err"; return 1; }
	s_t1=$(ms); s_dur=$((s_t1 - s_t0))
	s_new=$(meeting_state "$s_db")
	s_none=0 s_all=0 s_bad=0 s_i=0
	while [ "$s_i" -lt "$s_kills" ]; do
		killat "rm -f '$s_db'*; cp '$s_base' '$s_db'" "$s_db" 0 \
		    "$(delay "$s_i" "$s_kills" "$s_dur" "$STRESS_SEED")" \
		    be-agenda -s "$s_db" -m "$s_meet" --record $s_refs
		s_i=$((s_i + 1))
		s_ic=$(integrity "$s_db")
		[ "$s_ic" = ok ] || { sfail "be-agenda kill $s_i: integrity: $s_ic"
			s_bad=$((s_bad + 1)); continue; }
		s_s=$(meeting_state "$s_db")
		if [ "$s_s" = "$s_old" ]; then s_none=$((s_none + 1))
		elif [ "$s_s" = "$s_new" ]; then s_all=$((s_all + 1))
		else sfail "be-agenda kill $s_i: $(sq "$s_db" 'SELECT count(*)
			    FROM agenda_item') items of a meeting, want none or all"
			s_bad=$((s_bad + 1)); continue; fi
		be-agenda -s "$s_db" -m "$s_meet" --record $s_refs >/dev/null \
		    2>"$W/.err"
		s_rc=$?
		[ "$s_rc" = 0 ] || { [ "$s_rc" = 2 ] && [ "$s_s" = "$s_new" ] &&
		    grep -q "already recorded as 'M-1'" "$W/.err"; } ||
		    { sfail "be-agenda kill $s_i: rerun: status $s_rc"
		      sed 's/^/#   /' "$W/.err"; s_bad=$((s_bad + 1)); }
		[ "$(meeting_state "$s_db")" = "$s_new" ] || { sfail "be-agenda" \
		    "kill $s_i: rerun ends other than a clean run"
		    s_bad=$((s_bad + 1)); }
	done
	note "be-agenda --record: $s_kills kills over ${s_dur}ms of a meeting" \
	    "with $s_m points: $s_none unrecorded, $s_all recorded; $s_bad bad"
	[ "$s_bad" = 0 ]
}
