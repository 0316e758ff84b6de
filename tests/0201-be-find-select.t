#!/bin/sh
# be-find: each selector, how they combine, and refs.
. "${0%/*}/lib.sh"
. "$FIX/find/find.sh"
plan 36
seed

run be-find
is_rc 0 "no selector: every story"
golden find-all
run be-find -H
is "$(head -1 "$OUT")" "#ref	date	channel	gemeente	text" "-H: a header line"
is "$(tail -n +2 "$OUT")" "$(cat "$GOLD/find-all")" "-H: then the records"

sel "S-2 S-8" "-t: the theme and the one under it" -t vervoer
sel "S-4" "-t: a parent theme finds its child's story" -t geldzaken
sel "S-1 S-4" "-t: only present tags (S-2's was taken off)" -t wachttijden
sel "S-1 S-4" "-t: name in another case" --tag WACHTTIJDEN
sel "S-2 S-8" "-t: a theme's ref, as be-tag -l prints it" -t T-3
sel "S-1" "-t twice: both themes" -t wachttijden -t bereikbaarheid
sel "" "-t twice: none has both" -t wachttijden -t vervoer
sel "" "-t: a theme without stories" -t digitalisering
sel "S-3 S-6 S-7" "--untagged" --untagged

sel "S-3 S-4 S-5 S-6 S-8" "--since: inclusive, undated left out" --since 2026-01-10
sel "S-1 S-2" "--until a month: to its end, with a time part" --until 2025-12
sel "S-1" "--until a day: inclusive" --until 2025-11-03
sel "S-5 S-6" "--since and --until" --since 2026-02 --until 2026-02-28
sel "S-1 S-2 S-3 S-4 S-5 S-6 S-8" "--since a year" --since 2025
sel "" "--since after --until" --since 2026-03-02 --until 2026-01-01

sel "S-1 S-4 S-8" "-c: case folded" -c TELEFOON
sel "S-1 S-3 S-4 S-8" "-c twice: either" -c telefoon --channel e-mail
sel "S-2" "-g: accents folded" -g sudwest-fryslan
sel "S-5" "-g: an apostrophe" -g "'s-hertogenbosch"
sel "S-1 S-3 S-8" "-a: value folded" -a wijk=noord
sel "S-1 S-2 S-3 S-8" "-a one key twice: either" -a wijk=Noord -a Wijk=zuid
sel "S-1" "-a two keys: both" -a wijk=Noord --attr leeftijdsgroep=65+
sel "" "-a: a key no story has" -a kleur=rood

sel "S-6" "--route" --route
sel "S-1 S-2 S-3 S-4 S-5 S-7 S-8" "--no-route" --no-route
sel "S-5 S-6 S-7 S-8" "--since-meeting: added on or after its day" --since-meeting M-2
sel "S-8" "selectors combine" -c telefoon -a wijk=noord --since 2026-03

sel "S-1 S-3" "refs as operands, in ref order" S-3 S-1 S-3
sel "S-1" "refs and a selector: both" -c telefoon S-3 S-1
printf '#ref\tdate\nS-8\tx\tanything\n\nS-2\n' >in
sel "S-2 S-8" "refs as records on stdin, comments skipped" - <in
: >empty
run_in empty be-find -
is "$RC:$(cat "$OUT" "$ERR")" "1:" "'-' with no records: nothing, status 1"
printf 'S-1\n' >in
run_in in be-find --count
is "$RC:$(cat "$OUT" "$ERR")" "0:8" "no operand: stdin is not read"
done_testing
