#!/bin/sh
# Progress on a terminal: be-collect, be-tag and the search-index rebuild
# of be-find draw a line in place on standard error when it is a terminal
# (here a pty made by script(1)) and the run takes longer than
# BENUT_PROGRESS_DELAY seconds (0 here, 2 by default), and take it away at
# the end; never when standard error is a file or a pipe.
. "${0%/*}/lib.sh"
plan 15

awk 'BEGIN { print "verhaal"; for (i = 1; i <= 3000; i++)
	printf "De regiotaxi kwam voor de %dde keer te laat.\n", i }' >in.csv
# pty CMD: runs the shell command CMD with standard error on a pty, its
# standard output in pty.out and what the terminal got, with each \r as
# <CR>, in $OUT.
pty() {
	script -qec "$1" /dev/null </dev/null >"$T/.tty"; RC=$?
	sed 's/\r$//; s/\r/<CR>/g' "$T/.tty" >"$OUT"
}
RATE='[0-9]+ a second'

BENUT_PROGRESS_DELAY=0 pty "be-collect --no-index in.csv >pty.out"
is_rc 0 "intake on a terminal"
ok 'grep -Eq "^<CR>be-collect: [0-9]+ rows?, $RATE, about [0-9]+:[0-9][0-9] left" "$OUT"' \
    "rows, rows a second and the time left, drawn in place"
ok 'grep -Eq "<CR> +<CR>be-collect: in.csv: 3000 rows read, 3000 new" "$OUT"' \
    "the line is taken away before the summary"
is "$(wc -l <pty.out)" "3000" "the records go to standard output as ever"

BENUT_PROGRESS_DELAY=0 pty "be-find -q regiotaxi | wc -l"
ok 'grep -Eq "^<CR>be-find: rebuilding the search index of 3000 stories, [0-9]+:[0-9][0-9]<CR> +<CR>3000$" "$OUT"' \
    "the rebuild of the search index, then taken away"

BENUT_PROGRESS_DELAY=0 pty "be-tag -c '$FIX/tag/small.yaml' --all >pty.out"
ok 'grep -Eq "^<CR>be-tag: [0-9]+ (story|stories), $RATE, about [0-9]+:[0-9][0-9] left" "$OUT"' \
    "tagging: stories, stories a second and the time left"
ok 'grep -Eq "<CR> +<CR>be-tag: 3000 stories: 3000 tags added" "$OUT"' \
    "taken away before the summary"

BENUT_PROGRESS_DELAY=0 pty "be-tag -c '$FIX/tag/small.yaml' --untagged >pty.out"
ok 'grep -q "no change" "$OUT" && ! grep -q "a second" "$OUT"' \
    "nothing untagged: no line"
printf 'S-%s\n' $(seq 1 3000) >refs
BENUT_PROGRESS_DELAY=0 pty "be-tag -n -c '$FIX/tag/small.yaml' <refs >pty.out"
ok 'grep -Eq "^<CR>be-tag: [0-9]+ (story|stories), $RATE, about [0-9]+:[0-9][0-9] left" "$OUT"' \
    "refs given: the same line"

BENUT_PROGRESS_DELAY=0 LANGUAGE=nl pty "be-tag -n -c '$FIX/tag/small.yaml' --all >pty.out"
ok 'grep -Eq "^<CR>be-tag: [0-9]+ verha(al|len), [0-9]+ per seconde, nog ongeveer [0-9]+:[0-9][0-9]" "$OUT"' \
    "in Dutch when the locale says so"

# Quick runs under the default delay of two seconds show nothing.
rm -f "$BENUT_STORE"*
unset BENUT_PROGRESS_DELAY
pty "be-collect in.csv >pty.out"
is "$(cat "$OUT")" "be-collect: in.csv: 3000 rows read, 3000 new, 0 duplicates, 0 refused; no column about use: quotable" \
    "a run shorter than the delay: only the summary"

# Standard error a file or a pipe: never a line.
rm -f "$BENUT_STORE"*
BENUT_PROGRESS_DELAY=0 be-collect --no-index in.csv >/dev/null 2>err.file
is "$(cat err.file)" "be-collect: in.csv: 3000 rows read, 3000 new, 0 duplicates, 0 refused; no column about use: quotable" \
    "standard error a file: only the summary"
BENUT_PROGRESS_DELAY=0 be-find -q regiotaxi 2>&1 >/dev/null | cat >err.pipe
is "$(cat err.pipe)" "" "standard error a pipe: nothing from the rebuild"
BENUT_PROGRESS_DELAY=0 pty "be-tag -c '$FIX/tag/small.yaml' --all 2>err.file >/dev/null"
is "$(cat err.file)" "be-tag: 3000 stories: 3000 tags added, 0 removed, 0 updated" \
    "be-tag with standard error a file, on a terminal otherwise: only the summary"
# A bad delay is the default.
BENUT_PROGRESS_DELAY=soon pty "be-tag -n -c '$FIX/tag/small.yaml' --all >/dev/null"
ok '! grep -q "a second" "$OUT"' "a delay that is no number: two seconds"
