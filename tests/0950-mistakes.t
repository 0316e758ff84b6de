#!/bin/sh
# The mistakes a new user makes, each answered in the user's words: a
# workbook for a CSV file, ': ' in a YAML value, a hyphenated search word,
# the wrong directory, a tag that reads as options, an unquoted colour, the
# editor, where the shipped files are.
. "${0%/*}/lib.sh"
export BENUT_NOW=2026-11-23T10:00:00Z USER=coord
plan 34
M=$FIX/mistakes

# A workbook given to be-collect: one line, what it is and what to do.
cp "$M/bestand.xlsx" "$M/bestand.ods" "$M/oud.xls" .
cp bestand.xlsx export.csv
run be-collect bestand.xlsx
must_fail 2 'be-collect: bestand.xlsx: this is an Excel workbook (.xlsx), not a CSV file; open it in Excel, save it with Save As as "CSV (puntkomma)", and collect that file' \
    "an .xlsx workbook"
run be-collect export.csv
must_fail 2 'be-collect: export.csv: this is an Excel workbook (.xlsx), not a CSV file; open it in Excel, save it with Save As as "CSV (puntkomma)", and collect that file' \
    "told by its first bytes, not its name"
run be-collect -f csv oud.xls
must_fail 2 'be-collect: oud.xls: this is an Excel workbook (.xls), not a CSV file; open it in Excel, save it with Save As as "CSV (puntkomma)", and collect that file' \
    "an .xls workbook, also with -f csv"
run be-collect bestand.ods
must_fail 2 "be-collect: bestand.ods: this is a LibreOffice or OpenOffice spreadsheet (.ods), not a CSV file; open it, save it with Save As as \"Text CSV\" with ';' between fields, and collect that file" \
    "an .ods spreadsheet"
is "$(q "SELECT count(*) FROM story")/$(q "SELECT count(*) FROM source")" "0/0" \
    "nothing written"

# ': ' in a plain YAML value, as in a Dutch sentence.
cat >verhaal.yaml <<'EOS'
kind: story
version: 1
told: 2026-11-02
text: Mijn vraag: waarom komt de taxi steeds te laat?
EOS
run be-collect verhaal.yaml
is "$RC:$(sed -n 1p "$ERR")" \
    "2:be-collect: verhaal.yaml:4:17: a text with ': ' (a colon and a space) in it; put the whole text between double quotes (\"...\")" \
    "': ' in a value: the place and the quotes to add"
sed -i 's/^text: \(.*\)$/text: "\1"/' verhaal.yaml
run be-collect verhaal.yaml
is_rc 0 "in quotes it is taken"
cat >cb.yaml <<'EOS'
kind: codebook
version: 1
name: t
themes:
  - name: vervoer
    description: Vervoer: taxi en bus
    match: ['\btaxi\b']
EOS
run be-tag --check cb.yaml
must_fail 2 "be-tag: cb.yaml:6:25: a text with ': ' (a colon and a space) in it; put the whole text between double quotes (\"...\")" \
    "the same in a codebook"

# An unquoted colour is a YAML comment: --check warns.
sed -i 's/^    description: .*/    colour: #d62728/' cb.yaml
run be-tag --check cb.yaml
is "$RC:$(cat "$ERR")" "0:be-tag: cb.yaml:6:12: theme 'vervoer' has no colour: '#' starts a comment; write the colour in quotes, colour: \"#d62728\"
be-tag: cb.yaml: 1 themes, 1 patterns, 0 examples: all pass" \
    "--check warns of an empty colour"

# Hyphenated words are found as phrases; no "column" in a query's error.
printf 'Datum;Verhaal\n2026-11-02;Bij de jeugd-GGZ wachten we al een jaar.\n2026-11-03;Het Wmo-loket stuurt alles per e-mail.\n2026-11-04;Jeugd krijgt geen hulp van de GGZ.\n' >h.csv
be-collect h.csv >/dev/null 2>&1
for w in jeugd-GGZ Wmo-loket e-mail wmo-lok*; do
	run be-find -q "$w"
	is "$RC:$(cut -f1 "$OUT" | tr '\n' ' ')$(cat "$ERR")" \
	    "0:$(case $w in jeugd*) echo S-2;; *) echo S-3;; esac) " \
	    "-q $w finds the word as written"
done
run be-find -q 'jeugd-ggz OR e-mail'
is "$RC:$(cut -f1 "$OUT" | tr '\n' ' ')" "0:S-2 S-3 " "hyphenated words with OR"
run be-find -q 'wachten:'
is "$RC:$(cut -f1 "$OUT")$(cat "$ERR")" "0:S-2" "a colon is text, not a column"
run be-find -q 'jeugd AND'
must_fail 2 "be-find: -q: the query stops too soon; close its \"quotes\" and (parentheses), and end it with a word, not with AND, OR or NOT" "a syntax error in words"

# The wrong directory: only be-collect starts a store.
mkdir elders && cd elders && unset BENUT_STORE
for c in "be-find" "be-tag -l" "be-tag +vervoer S-1" "be-point -l" \
    "be-point state P-1 gereed" "be-agenda -l" "be-agenda outcome M-1 1 x"; do
	run $c
	must_fail 2 "${c%% *}: no store here (./benut.db); use -s or BENUT_STORE" \
	    "$c refuses in the wrong directory"
done
ok '[ ! -e benut.db ]' "and no store is made there"
cd "$T" && export BENUT_STORE=$T/benut.db

# be-tag: a cluster of options is options, any other -word a tag.
cp cb.yaml codebook.yaml
sed -i 's/^    colour: .*/    colour: "#d62728"/' codebook.yaml
run be-tag -ccodebook.yaml S-1
is "$RC:$(cat "$OUT")" "0:S-1	vervoer" "-cFILE is -c FILE, not a tag 'cFILE'"
run be-tag --new +schulden S-2
run be-tag -- -schulden S-2
is "$RC:$(q "SELECT present FROM story_tag WHERE story_id = 2")" "0:0" \
    "a tag that reads as options is taken off after --"
run be-tag -schulden S-2
is "$RC:$(head -c 6 "$ERR")" "2:usage:" "-schulden is -s chulden, a usage error"

# be-point edit: $VISUAL, $EDITOR, Debian's sensible-editor, vi.
be-point new "Taxi komt te laat" S-1 >/dev/null
mkdir bin1 bin2
for e in visual editor sensible-editor vi; do
	printf '#!/bin/sh\necho %s >>"%s/used"\n' "$e" "$T" >"bin1/$e"
	chmod +x "bin1/$e"
done
cp bin1/vi bin2/vi
VISUAL=visual EDITOR=editor PATH="$T/bin1:$PATH" run be-point edit P-1
EDITOR=editor PATH="$T/bin1:$PATH" run env -u VISUAL be-point edit P-1
PATH="$T/bin1:$PATH" run env -u VISUAL -u EDITOR be-point edit P-1
run env -u VISUAL -u EDITOR PATH="$T/bin2:$TOP" be-point edit P-1
is "$(cat used | tr '\n' ' ')" "visual editor sensible-editor vi " \
    "edit runs VISUAL, else EDITOR, else sensible-editor, else vi"

# Where the shipped files are: --share-dir on every program.
for c in be-collect be-find be-tag be-point be-agenda; do
	BENUT_SHARE=$TOP/share run $c --share-dir
	is "$RC:$(cat "$OUT")$(cat "$ERR")" "0:$TOP/share" \
	    "$c --share-dir: BENUT_SHARE"
done
run env -u BENUT_SHARE be-collect --share-dir
case $(cat "$OUT") in /*/benut) pass "else the installed one (SHAREDIR)";;
*) fail "else the installed one (SHAREDIR): $(cat "$OUT")";; esac
