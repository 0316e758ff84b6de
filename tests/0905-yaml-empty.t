#!/bin/sh
# An empty or directive-only YAML document (yaml-test-suite MUS6/00 and
# MUS6/01, which libyaml lets through) is refused by every program that
# reads YAML, at its place.
. "${0%/*}/lib.sh"
plan 12

E="empty document; write one with kind: and version:, or remove the '---'"
printf 'Datum,Verhaal\n2026-01-10,Een verhaal om mee te beginnen.\n' >start.csv
be-collect start.csv >/dev/null 2>&1	# a store, with one story
for c in MUS6-00 MUS6-01; do
	cp "$FIX/yaml/$c.yaml" .
	run be-point update "$c.yaml"
	must_fail 2 "be-point: $c.yaml:1:1: $E" "be-point update refuses $c"
	run be-collect -f yaml "$c.yaml"
	must_fail 2 "be-collect: $c.yaml:1:1: $E
be-collect: $c.yaml: nothing written" "be-collect -f yaml refuses $c"
	run be-agenda -m "$c.yaml"
	must_fail 2 "be-agenda: $c.yaml:1:1: $E" "meeting file $c refused"
	run be-tag --check "$c.yaml"
	must_fail 2 "be-tag: $c.yaml:1:1: $E" "codebook $c refused"
done
printf -- '---\n# nothing here\n' >comment.yaml
run be-point update comment.yaml
must_fail 2 "be-point: comment.yaml:1:1: $E" "a document of only a comment refused"
printf -- '---\nkind: story\nversion: 1\ntext: Een verhaal.\n---\n' >trailing.yaml
run be-collect trailing.yaml
must_fail 2 "be-collect: trailing.yaml:5:1: $E
be-collect: trailing.yaml: nothing written" "a trailing '---' is an empty document"
is "$(q "SELECT count(*) FROM story")" 1 "nothing written"
run_in /dev/null be-point update
is_rc 0 "no document at all is no error"
