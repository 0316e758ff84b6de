#!/bin/sh
# be-collect --edit: a story's text corrected, redacted again, with its
# history; the correction outlives a later intake.  A row edited in the
# form tool updates its story by the form's response id.
. "${0%/*}/lib.sh"
plan 22
export BENUT_NOW=2026-11-30T10:00:00Z USER=coordinator BENUT_SHARE=$TOP/share TMPDIR=$T

cat >a.csv <<'EOF'
Datum,Verhaal
2026-11-01,De taxi kwam niet en Zwanenbloem belde 06-12345678 niet terug.
2026-11-02,Het loket was dicht op dinsdag.
2026-11-02,De wachttijd is lang.
EOF
be-collect a.csv >/dev/null 2>&1
be-tag --new +vervoer S-1 >/dev/null 2>&1
old=$(q "SELECT cid FROM story WHERE id = 1")

printf 'De taxi kwam niet en [NAAM] belde 06-12345678 niet terug.\n' >new.txt
run be-collect --edit S-1 new.txt
is "$RC:$(cat "$ERR")" "0:be-collect: S-1: corrected" "--edit REF FILE takes the new text from the file"
is "$(q "SELECT text FROM story WHERE id = 1")" "De taxi kwam niet en [NAAM] belde [TELEFOON] niet terug." \
    "the new text is redacted again"
is "$(q "SELECT kind, n FROM story_redaction WHERE story_id = 1 ORDER BY kind")" "NAAM|1
TELEFOON|1" "the redaction counts follow the text (a marker put in by hand counts)"
is "$(q "SELECT what, who, at, old_cid = '$old', new_cid = (SELECT cid FROM story WHERE id = 1) FROM story_history")" \
    "correctie|coordinator|2026-11-30T10:00:00Z|1|1" "history says who and when"
is "$(q "SELECT cid <> '$old' FROM story WHERE id = 1"):$(q "SELECT count(*) FROM story_tag WHERE story_id = 1")" "1:1" \
    "the content id follows; the tags stay"
is "$(q "SELECT count(*) FROM story_fts WHERE story_fts MATCH 'zwanenbloem'"):$(q "SELECT count(*) FROM story_fts WHERE story_fts MATCH 'naam'")" "0:1" \
    "the full-text index follows"
is "$(cat "$BENUT_STORE" "$BENUT_STORE-wal" 2>/dev/null | LC_ALL=C grep -a -c -i zwanenbloem)" 0 \
    "the old text is in no file of the store"

run be-collect a.csv
is "$(cat "$OUT"):$(cat "$ERR")" ":be-collect: a.csv: 3 rows read, 0 new, 3 duplicates, 0 refused; no column about use: quotable" \
    "a later intake of the same export keeps the correction"

printf 'De wachttijd is lang.\n' >new2.txt
run be-collect --edit S-2 new2.txt
is "$RC:$(cat "$ERR")" "2:be-collect: the new text of S-2 is that of S-3 already; forget one of them" \
    "the text of another story is refused"
printf 'Het loket was dicht op dinsdag.\n' | be-collect --edit S-2 - >"$OUT" 2>"$ERR"; RC=$?
is "$RC:$(cat "$ERR"):$(q "SELECT count(*) FROM story_history")" "0:be-collect: S-2: unchanged:1" \
    "'-' reads standard input; the same text changes nothing"
printf '  \n' | be-collect --edit S-2 - >"$OUT" 2>"$ERR"; RC=$?
is "$RC:$(cat "$ERR")" "2:be-collect: the new text of S-2 is empty; to remove a story use --forget" "an empty text is refused"
printf 'a\001b\n' | be-collect --edit S-2 - >"$OUT" 2>"$ERR"; RC=$?
is "$RC:$(cat "$ERR")" "2:be-collect: the new text of S-2 has a control character on line 1; take it out" \
    "a control character is refused"
run be-collect --edit S-9 new.txt
is "$RC:$(cat "$ERR")" "2:be-collect: no story S-9" "a ref that does not exist"

# The editor: $VISUAL, then $EDITOR.
cat >ed.sh <<'EOF'
#!/bin/sh
sed -i 's/dinsdag/woensdag/' "$1"
EOF
chmod +x ed.sh
VISUAL= EDITOR=./ed.sh be-collect --edit S-2 >"$OUT" 2>"$ERR"; RC=$?
is "$RC:$(cat "$ERR"):$(q "SELECT text FROM story WHERE id = 2")" "0:be-collect: S-2: corrected:Het loket was dicht op woensdag." \
    "without a file the editor is run on the text"
VISUAL=false be-collect --edit S-2 >"$OUT" 2>"$ERR"; RC=$?
is "$RC:$(sed 's/S-2\..*\.txt/S-2.X.txt/' "$ERR")" "2:be-collect: the editor exited with status 1
be-collect: your edit is kept in $T/be-collect-S-2.X.txt" "a failing editor keeps the edit"

# A row edited in the form tool: MS Forms keeps its response id.
cat >ms.csv <<'EOF'
ID;Begintijd;Uw verhaal;Gemeente
1;3-11-2026 10:00;De bus reed niet.;Zwolle
2;3-11-2026 11:00;Het formulier was te lang.;Zwolle
EOF
be-collect -m msforms ms.csv >/dev/null 2>&1
sed 's/De bus reed niet./De bus reed twee dagen niet./' ms.csv >ms2.csv
run be-collect -m msforms ms2.csv
is "$RC:$(cat "$OUT"):$(cat "$ERR")" "0:S-4	2026-11-03	formulier	Zwolle	De bus reed twee dagen niet.:be-collect: ms2.csv: 2 rows read, 0 new, 1 duplicate, 1 updated, 0 refused; no column about use: quotable; read as utf-8, delimiter ';'" \
    "a changed row updates its story, not a second story"
is "$(q "SELECT count(*) FROM story"):$(q "SELECT what FROM story_history WHERE story_id = 4")" "5:formulier" \
    "the update is in the history"
run be-collect -m msforms ms.csv
is "$(cat "$ERR")" "be-collect: ms.csv: 2 rows read, 0 new, 2 duplicates, 0 refused; no column about use: quotable; read as utf-8, delimiter ';'" \
    "the older export does not undo the form's edit"
printf 'De bus reed een week niet.\n' | be-collect --edit S-4 - >/dev/null 2>&1
sed 's/De bus reed niet./De bus reed drie dagen niet./' ms.csv >ms3.csv
run be-collect -m msforms ms3.csv
is "$RC:$(cat "$ERR"):$(q "SELECT text FROM story WHERE id = 4")" "0:be-collect: ms3.csv: 2 rows read, 0 new, 1 duplicate, 1 edited in the form but kept as the coordinator corrected, 0 refused; no column about use: quotable; read as utf-8, delimiter ';':De bus reed een week niet." \
    "the coordinator's correction wins over the form's edit, and the summary says so"

# A response edited to no in the form tool: its story is forgotten.
printf 'ID;Begintijd;Uw verhaal;Mag de raad uw verhaal gebruiken?\n7;4-11-2026 10:00;De trap is te steil.;ja\n' >use.csv
be-collect -m msforms use.csv >/dev/null 2>&1
sed 's/;ja$/;nee/' use.csv >use2.csv
run be-collect -m msforms use2.csv
is "$RC:$(cat "$ERR"):$(q "SELECT count(*) FROM story WHERE text LIKE '%trap%'")" \
    "0:be-collect: use2.csv: 1 row read, 0 new, 0 duplicates, 1 forgotten, 0 refused, 1 said no to use; read as utf-8, delimiter ';':0" \
    "a response edited to no forgets its story"

# Google Forms has no response id: an edited answer is a new story.
printf 'Tijdstempel,Verhaal\n2026/11/05 10:00:00,De lift is kapot.\n' >g.csv
printf 'Tijdstempel,Verhaal\n2026/11/05 10:00:00,De lift is al weken kapot.\n' >g2.csv
be-collect g.csv >/dev/null 2>&1
run be-collect g2.csv
is "$(cat "$ERR")" "be-collect: g2.csv: 1 row read, 1 new, 0 duplicates, 0 refused; no column about use: quotable" "without a response id an edited answer is a new story"

# The same id in another form's export is another response.
printf 'ID;Begintijd;Uw verhaal;Wijk\n1;3-11-2026 10:00;De bus reed niet.;Noord\n' >other.csv
run be-collect -m msforms other.csv
is "$(cat "$ERR")" "be-collect: other.csv: 1 row read, 0 new, 1 duplicate, 0 refused; no column about use: quotable; read as utf-8, delimiter ';'" \
    "another layout's id 1 does not update S-4"
done_testing
