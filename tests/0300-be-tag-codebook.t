#!/bin/sh
# be-tag --check: codebooks refused with file:line:col, examples run.
. "${0%/*}/lib.sh"
plan 35

cp "$FIX"/tag/*.yaml .

refuse() {	# FILE MESSAGE
	run be-tag --check "$1"
	must_fail 2 "be-tag: $1:$2" "--check refuses $1"
	run be-tag -c "$1" --all
	must_fail 2 "be-tag: $1:$2" "-c refuses $1"
	ok '[ ! -e benut.db ]' "nothing written for $1"
}
refuse unknown-key.yaml "6:5: unknown key 'patern'"
refuse dup-theme.yaml "7:11: duplicate theme 'a' (first at line 5)"
refuse unknown-parent.yaml "6:13: unknown parent 'zz' of theme 'a'"
refuse cycle.yaml "6:13: parent cycle: 'a' -> 'c' -> 'b' -> 'a'"
refuse bad-pattern.yaml "7:20: theme 'a': missing closing parenthesis"
refuse bad-pattern-dq.yaml "7:21: theme 'a': missing terminating ] for character class"
E="pattern can match the empty string, and so every story; make it need at least one character"
run be-tag --check bad-patterns.yaml
must_fail 2 "be-tag: bad-patterns.yaml:7:10: theme 'a': $E
be-tag: bad-patterns.yaml:8:10: theme 'a': $E
be-tag: bad-patterns.yaml:11:14: theme 'b': $E
be-tag: bad-patterns.yaml:11:28: theme 'b': \\C (one byte) is not allowed; write . for one character
be-tag: bad-patterns.yaml:12:22: theme 'b': missing closing parenthesis" \
    "--check lists every bad pattern: empty matches, \\C, a syntax error"
run be-tag -c bad-patterns.yaml --all
must_fail 2 "be-tag: bad-patterns.yaml:7:10: theme 'a': $E" "-c stops at the first"
refuse wrong-type.yaml "6:12: 'match' must be a list"
refuse bad-colour.yaml "6:13: colour must be \"#rrggbb\" (in quotes)"
refuse bad-name.yaml "5:11: theme name 'Vervoer' must be lower case letters, digits, '-' or '_'"
refuse wrong-kind.yaml "1:7: kind is 'point', expected 'codebook'"

run be-tag --check failing.yaml
must_fail 2 "be-tag: failing.yaml:10:11: example does not match theme 'vervoer'
be-tag: failing.yaml:11:11: example does not match theme 'vervoer' (vetoed by unless '\\bfiets')
be-tag: failing.yaml:13:11: example matches theme 'vervoer' but must not (rule '\\btaxi\\b')
be-tag: failing.yaml: 3 of 4 examples fail" "failing examples reported with their place"

run be-tag --check small.yaml
is "$RC:$(cat "$ERR")" "0:be-tag: small.yaml: 2 themes, 4 patterns, 6 examples: all pass" \
    "a good codebook passes with a summary"

run be-tag --check "$TOP/share/codebooks/sociaal-domein.yaml"
is "$RC:$(sed 's/.*: //' "$ERR")" "0:all pass" "the starter codebook passes its own examples"
