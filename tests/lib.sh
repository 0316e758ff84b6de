# tests/lib.sh: shared by the TAP shell tests (tests/NNNN-*.t).
#
#	. "${0%/*}/lib.sh"
#	plan 3
#	run be-collect x.csv	# stdout in $OUT, stderr in $ERR, status in $RC
#	is_rc 0 "intake succeeds"
#	is "$(cat $OUT)" "S-1..." "prints the record"
#	golden name		# compares $OUT with tests/golden/name
#
# Each test runs in its own temporary directory with its own HOME and store
# (BENUT_STORE=$T/benut.db); the built binaries come first on PATH.

set -u
TOP=${BENUT_TOP:-$(cd "${0%/*}/.." && pwd)}
FIX=$TOP/tests/fixtures
GOLD=$TOP/tests/golden
T=$(mktemp -d "${TMPDIR:-/tmp}/benut-test.XXXXXX")
trap 'rm -rf "$T"' EXIT
export HOME=$T BENUT_STORE=$T/benut.db LC_ALL=C.UTF-8 TZ=UTC
# No progress line on the terminal of whoever runs the tests, from a
# command whose standard error a test leaves alone (tests/0905 sets it).
export BENUT_PROGRESS_DELAY=86400
# The messages in English, from the tree's catalogues when a test asks
# for Dutch (LANGUAGE=nl).
export BENUT_LOCALEDIR=${BENUT_LOCALEDIR:-$TOP/locale}
unset LANGUAGE LC_MESSAGES
export PATH="$TOP:$PATH"
cd "$T" || exit 2
OUT=$T/.out ERR=$T/.err RC=0
_n=0 _fail=0

plan() { echo "1..$1"; }

# ok COND-STATUS NAME: passes when the previous command's status was 0.
pass() { _n=$((_n + 1)); echo "ok $_n - $1"; }
fail() { _n=$((_n + 1)); _fail=$((_fail + 1)); echo "not ok $_n - $1"; }
ok() { if eval "$1"; then pass "$2"; else fail "$2"; fi; }
# skip N REASON: counts N tests as passed, each marked SKIP.
skip() { while [ "$1" -gt 0 ]; do pass "# SKIP $2"; set -- $(($1 - 1)) "$2"; done; }

# run CMD ARGS...: runs, keeps stdout, stderr and status.
run() { "$@" >"$OUT" 2>"$ERR"; RC=$?; }
# run_in FILE CMD ARGS...: as run, with FILE as stdin.
run_in() { _in=$1; shift; "$@" <"$_in" >"$OUT" 2>"$ERR"; RC=$?; }

# is GOT WANT NAME
is() {
	if [ "$1" = "$2" ]; then pass "$3"; else
		fail "$3"
		printf '%s\n' "$1" >"$T/.got"; printf '%s\n' "$2" >"$T/.want"
		diff -u "$T/.want" "$T/.got" | sed 's/^/# /'
	fi
}

# is_rc WANT NAME: the last run's status; above 128 is a crash, never ok.
is_rc() {
	if [ "$RC" -gt 128 ]; then fail "$2 (crashed with status $RC)"
		sed 's/^/# /' "$ERR"; return; fi
	if [ "$RC" = "$1" ]; then pass "$2"; else
		fail "$2 (status $RC, want $1)"; sed 's/^/# /' "$ERR"; fi
}

# must_fail WANT-STATUS WANT-STDERR NAME: the last run failed as expected,
# with exactly that message on stderr and nothing on stdout.
must_fail() {
	if [ "$RC" -gt 128 ]; then fail "$3 (crashed with status $RC)"; return; fi
	if [ "$RC" = "$1" ] && [ "$(cat "$ERR")" = "$2" ] && [ ! -s "$OUT" ]
	then pass "$3"; else
		fail "$3 (status $RC, want $1)"
		printf '%s\n' "$2" >"$T/.want"
		diff -u "$T/.want" "$ERR" | sed 's/^/# /'
		[ -s "$OUT" ] && sed 's/^/# stdout: /' "$OUT"
	fi
}

# golden NAME: $OUT equals tests/golden/NAME.  BENUT_BLESS=1 writes it.
golden() {
	if [ "${BENUT_BLESS:-}" = 1 ]; then cp "$OUT" "$GOLD/$1"; fi
	if cmp -s "$GOLD/$1" "$OUT"; then pass "golden $1"; else
		fail "golden $1"; diff -u "$GOLD/$1" "$OUT" | sed 's/^/# /'; fi
}

# new_store: starts the test's store as a user does, with an intake (only
# be-collect creates a store), here of a CSV file with no rows.
new_store() { printf 'Verhaal\n' | be-collect >/dev/null 2>&1; }

# q SQL: a query on the test's store, one row a line, '|' between columns.
q() { sqlite3 -batch "$BENUT_STORE" "$1"; }

done_testing() { [ "$_fail" = 0 ]; exit $?; }

# man_examples PAGE: splits the EXAMPLES of man/PAGE into the scripts
# ex.1, ex.2, ... in the current directory, in order: one for each
# literal display (.Bd -literal .. .Ed) and one for each .Dl line, with
# mdoc's \e turned back into a backslash and the installed share/ pointing
# at the tree's.  ex.N.rc holds the exit status the page documents for
# it: 0, or N when the line before it is the comment '.\" exit N'.
# Prints the number of scripts.  (The one way the man-page tests read
# their pages, so that the pages cannot drift from the code.)
man_examples() {
	rm -f ex.*
	sed -n '/^\.Sh EXAMPLES/,/^\.Sh /p' "$TOP/man/$1" | awk '
	    function start() { n++; f = "ex." n; printf "" > f
		print (want == "" ? 0 : want) > (f ".rc"); close(f ".rc")
		want = "" }
	    /^\.\\" exit [0-9]+$/ { want = $3; next }
	    /^\.Bd -literal/ { start(); lit = 1; next }
	    /^\.Ed/ { if (lit) close(f); lit = 0; next }
	    lit { print > f; next }
	    /^\.Dl / { start(); sub(/^\.Dl /, ""); print > f; close(f) }
	    END { print n + 0 }'
	for _f in ex.*; do
		case $_f in *.rc) continue;; esac
		sed -i -e 's/\\e/\\/g' -e "s|/usr/local/share/benut|$TOP/share|g" \
		    "$_f"
	done
}

# run_examples PAGE N: runs the N scripts of man_examples, each with sh -e,
# and requires the status its page documents.
run_examples() {
	_i=1
	while [ "$_i" -le "$2" ]; do
		run sh -e "ex.$_i"
		is_rc "$(cat "ex.$_i.rc")" "$1: $(head -1 "ex.$_i")"
		_i=$((_i + 1))
	done
}
