#!/bin/sh
# be-find -q: full-text queries (FTS5, diacritics folded) and their errors.
. "${0%/*}/lib.sh"
. "$FIX/find/find.sh"
plan 25
seed

sel "S-1" "a word, case folded" -q wachtlijst
sel "S-2" "cliënt found as client" -q client
sel "S-2" "client found as cliënt" -q cliënt
sel "S-1 S-2 S-4 S-8" "a prefix" -q 'wacht*'
sel "S-2" "a phrase" -q '"te laat"'
sel "" "a phrase is not two words anywhere" -q '"laat te"'
sel "S-2" "NEAR within 5" -q 'NEAR(taxi laat, 5)'
sel "" "NEAR within 4" -q 'NEAR(taxi laat, 4)'
sel "S-2 S-4 S-8" "OR" -q 'taxi OR schulden'
sel "S-8" "two words: both" -q 'taxi vervoer'
sel "S-2" "NOT" -q 'taxi NOT vervoer'
sel "S-4" "two -q: both" -q 'wacht*' -q schulden
sel "S-8" "a query and a selector" -q taxi -c telefoon
# With a query a theme is looked up for each story the query found.
sel "S-4" "a query and a theme above the story's" -q schulden -t geldzaken
sel "S-1 S-4" "a query and a theme: only present tags" -q 'wacht*' \
    -t wachttijden
sel "S-2 S-8" "a query and a theme with the one under it" -q taxi -t vervoer
sel "" "a query and two themes: none has both" -q 'wacht*' -t wachttijden \
    -t vervoer
sel "S-5" "words of a field's text only" --query telefoon

run be-find -q AND
must_fail 2 "be-find: -q: the query cannot be read at 'AND'; check its \"quotes\" and (parentheses), and put AND, OR and NOT between words" "syntax error, exit 2"
run be-find -q 'NEAR(taxi laat'
must_fail 2 "be-find: -q: the query stops too soon; close its \"quotes\" and (parentheses), and end it with a word, not with AND, OR or NOT" "unclosed NEAR"
run be-find -q '"te laat'
must_fail 2 'be-find: -q: unterminated "phrase"' "unterminated phrase"
sel "" "a colon is part of a phrase, not a column" -q 'wacht:lijst'
run be-find -q '*'
must_fail 2 "be-find: -q: syntax error near '*'; write * at the end of a word" "a lone star"
run be-find -q ' '
must_fail 2 "be-find: -q: empty query" "empty query"

# An intake with the index off leaves it stale: be-find rebuilds it.
q "INSERT INTO meta VALUES ('fts_stale', '1');
   INSERT INTO story (id, cid, text, added)
   VALUES (9, 'c9', 'Een nieuwe wachtlijst', '2026-03-05T10:00:00Z')"
run be-find -q wachtlijst
is "$RC:$(cut -f1 "$OUT" | tr '\n' ' ')$(cat "$ERR"):$(q "SELECT count(*) FROM meta")" \
    "0:S-1 S-9 :0" "a stale index is rebuilt first"
done_testing
