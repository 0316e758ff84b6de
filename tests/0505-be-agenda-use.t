#!/bin/sh
# A story that may only be counted is quoted in no document (be-point,
# be-agenda in every format, the report) and still counts in the numbers.
. "${0%/*}/lib.sh"
plan 28
export BENUT_NOW=2026-11-23T12:00:00Z
M=$FIX/agenda/meeting.yaml
new_store
sqlite3 "$BENUT_STORE" <"$FIX/agenda/seed.sql"

# S-1 has a chosen quote, S-3 none (the start of its text would be used),
# S-4 is the only story of P-2.
run be-collect --use count S-1 S-3 S-4
is "$RC:$(cat "$ERR")" "0:be-collect: 3 stories now count only" "--use count"
is "$(q "SELECT id, use FROM story ORDER BY id")" "1|count
2|quote
3|count
4|count
5|quote" "the level is stored"

# Words of the three stories, and whether any is in the file $OUT.
quoted() {
	tr -d '\r' <"$OUT" | sed -e ':a' -e 'N' -e '$!ba' -e 's/\n //g' |
	    grep -c -e 'een uur wachten' -e 'twee uur in de hal' \
	    -e 'negen weken' -e 'moeder'
}

for f in md txt html yaml ics; do
	run be-agenda -m "$M" -f "$f" P-1 P-2
	is "$RC:$(quoted)" "0:0" "agenda as $f quotes no count-only story"
done
run be-agenda -m "$M" -f md P-1 P-2
ok "grep -q '^\\*ter bespreking\\* · 3 ervaringsverhalen$' '$OUT' && grep -q '^\\*ter bespreking\\* · 1 ervaringsverhaal$' '$OUT'" \
    "they still count"
ok "grep -qF '> De taxi kwam niet.' '$OUT'" "a quotable story is quoted"
run be-agenda -m "$M" -f yaml P-1 P-2
is "$(grep -E '^    (stories|quotes):' "$OUT")" "    stories: 3
    quotes:
    stories: 1" "YAML: the counts, and quotes only of P-1"
run be-agenda -m "$M" -f txt --lang en P-1 P-2
is "$RC:$(quoted)" "0:0" "English text quotes none"

# be-point shows the level instead of the quote, and keeps it so on edit.
run be-point show P-1
is_rc 0 "be-point show"
is "$(sed -n '/^stories:/,/^vragen:/p' "$OUT")" "stories:
- ref: S-1
  use: count
- ref: S-2
  quote: De taxi kwam niet. <script>alert(1)</script> \"&'
- ref: S-3
  use: count
vragen:" "be-point show: use: count, no quote"
is "$(quoted)" 0 "be-point show quotes none"
sed 's/^  use: count$/  quote: Ik moest een uur wachten./' "$OUT" >edited.yaml
run_in edited.yaml be-point update
is_rc 0 "a quote given for a count-only story"
is "$(q "SELECT story_id, quote IS NULL FROM point_story WHERE point_id = 1 ORDER BY pos")" "1|1
2|0
3|1" "is not stored"
printf 'S-4\n' >recs
run_in recs be-point new "Wachten"
is_rc 0 "new point of a count-only story"
is "$(q "SELECT quote IS NULL FROM point_story WHERE point_id = 6")" 1 \
    "gets no default quote"

# The meeting record and the report.
run be-agenda -m "$M" --record P-1 P-2
is_rc 0 "recorded"
run be-agenda show M-1
is "$RC:$(quoted)" "0:0" "be-agenda show quotes none"
sqlite3 "$BENUT_STORE" "UPDATE point SET state = 'beantwoord', answer = 'deels' WHERE id = 1"
for f in md html; do
	run be-agenda --report M-1 -f "$f"
	is "$RC:$(quoted)" "0:0" "report as $f quotes none"
done

# Back to quotable: quoted again.
run be-collect --use quote S-1
is "$RC:$(cat "$ERR")" "0:be-collect: 1 story now quotable" "--use quote"
run be-agenda -m "$M" -f md P-1
ok "grep -qF '> Ik moest een uur wachten op de taxi' '$OUT'" "quoted again"

# Errors: an unknown story, a bad level.
run be-collect --use count S-1 S-99
must_fail 2 "be-collect: no story S-99" "an unknown story"
is "$(q "SELECT use FROM story WHERE id = 1")" quote "changes nothing"
run be-collect --use no S-1 S-99
must_fail 2 "be-collect: no story S-99
be-collect: nothing forgotten" "--use no of an unknown story: nothing forgotten"
# No: the teller withdraws consent to use, and the story is forgotten.
run be-collect --use no S-1
is "$RC:$(cat "$ERR"):$(q "SELECT count(*) FROM story WHERE id = 1")" "0:be-collect: forgot 1 story:0" \
    "--use no forgets the story"
done_testing
