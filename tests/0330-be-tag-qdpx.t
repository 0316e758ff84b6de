#!/bin/sh
# be-tag --export-qdpx: the coded stories as a REFI-QDA project.
. "${0%/*}/lib.sh"
plan 19
export BENUT_NOW=2026-03-01T10:00:00Z
XSD=$FIX/tag/Project.xsd
CB=$TOP/share/codebooks/sociaal-domein.yaml
qde() { python3 -c 'import sys, zipfile; sys.stdout.buffer.write(zipfile.ZipFile(sys.argv[1]).read("project.qde"))' "$1"; }

be-collect "$FIX/find/verhalen.csv" >/dev/null 2>&1
be-tag -c "$CB" --all >/dev/null 2>&1
be-tag -u anna +vervoer S-2 >/dev/null 2>&1

run be-tag --export-qdpx project.qdpx --all
is "$RC:$(cat "$OUT" "$ERR")" "0:" "exports all stories, quietly"
is "$(python3 -c 'import sys, zipfile; print("\n".join(sorted(zipfile.ZipFile(sys.argv[1]).namelist())))' project.qdpx | sed 's/[0-9A-F-]\{36\}/G/')" "project.qde
sources/
sources/G.txt
sources/G.txt
sources/G.txt" "project.qde and one text source a story"
qde project.qdpx >project.qde
ok 'xmllint --noout --schema "$XSD" project.qde 2>/dev/null' "valid against the REFI-QDA Project.xsd"
run python3 "$TOP/tests/qdpx-read.py" project.qdpx
is "$RC:$(cat "$OUT")" "0:S-1	vervoer	benut	taxi
S-2	huishoudelijke-hulp	benut	huishoudelijke hulp
S-2	vervoer	anna	De wachtlijst voor huishoudelijke hulp is lang.
S-2	wachttijden	benut	wachtlijst
S-3	bereikbaarheid	benut	Niemand neemt de telefoon op" \
    "read as QualCoder reads it: the rule's match, or the whole text by hand"
is "$(grep -c '<User ' project.qde):$(grep -c 'name="anna"' project.qde)" "2:1" \
    "users: the rules (benut) and who tagged by hand"

be-tag --export-qdpx other-name.qdpx --all
ok 'cmp -s project.qdpx other-name.qdpx' "the same bytes again, whatever the file is called"
G=$(be-tag --export-qdc "$CB" | sed -n 's/.*Code guid="\([^"]*\)" name="vervoer".*/\1/p')
ok 'grep -q "<Code guid=\"$G\" name=\"vervoer\"" project.qde' "a code has the GUID of --export-qdc"
ok 'grep -q "<CodeRef targetGUID=\"$G\"/>" project.qde' "and the codings refer to it"

# Another store with the same stories gives them the same GUIDs.
be-find --yaml | be-collect -s other.db -f yaml >/dev/null 2>&1
be-tag -s other.db --export-qdpx other.qdpx --all
qde other.qdpx >other.qde
is "$(grep -o 'TextSource guid="[^"]*"' other.qde)" \
    "$(grep -o 'TextSource guid="[^"]*"' project.qde)" "a story's GUID follows its content id"

run sh -c 'be-find -q taxi | be-tag --export-qdpx some.qdpx'
qde some.qdpx >some.qde
is "$RC:$(grep -c '<TextSource ' some.qde)" "0:1" "the stories given as records"
ok 'xmllint --noout --schema "$XSD" some.qde 2>/dev/null' "valid too"
run sh -c 'be-find -q nergens | be-tag --export-qdpx none.qdpx'
run python3 "$TOP/tests/qdpx-read.py" none.qdpx
is "$RC:$(cat "$OUT" "$ERR")" "0:" "no stories: a project QualCoder still reads"

# With the codebook: its own GUIDs, isCodable and sets.
sed -e 's/^  - name: vervoer$/  - name: vervoer\n    guid: 0a1b2c3d-0000-4000-8000-000000000007/' \
    -e 's/^  - name: wachttijden$/  - name: wachttijden\n    codable: false/' "$CB" >cb.yaml
printf 'sets:\n  - name: Overleg maart\n    themes: [vervoer, wachttijden]\n' >>cb.yaml
run be-tag -c cb.yaml --export-qdpx withcb.qdpx --all
qde withcb.qdpx >withcb.qde
is "$RC:$(grep -c 'guid="0a1b2c3d-0000-4000-8000-000000000007" name="vervoer"' withcb.qde):$(grep -c 'name="wachttijden" isCodable="false"' withcb.qde)" \
    "0:1:1" "the codebook's GUIDs and isCodable"
is "$(sed -n '/<Sets>/,/<\/Sets>/p' withcb.qde | sed 's/guid="[^"]*"/guid=G/')" '  <Sets>
    <Set guid=G name="Overleg maart">
      <MemberCode targetGUID="0a1b2c3d-0000-4000-8000-000000000007"/>
      <MemberCode targetGUID="224D85CA-8C1B-8A69-BC20-D5C5567A8852"/>
    </Set>
  </Sets>' "and its sets"
ok 'xmllint --noout --schema "$XSD" withcb.qde 2>/dev/null' "valid with sets"

be-collect --use count S-3 >/dev/null 2>&1
be-tag --export-qdpx counted.qdpx S-2 S-3
qde counted.qdpx >counted.qde
is "$(grep -c 'use: count' counted.qde):$(sed -n '/name="S-3"/{n;p;}' counted.qde)" \
    "1:      <Description>use: count (may be counted, never quoted)</Description>" \
    "a story that may only be counted says so"

run be-tag --export-qdpx bad.qdpx S-1 S-9
must_fail 2 "be-tag: 'S-9' is not in the store" "an unknown story"
ok '[ ! -e bad.qdpx ]' "and nothing written"
run be-tag --export-qdpx x.qdpx --all -n
is "$RC" 2 "-n is not an option of --export-qdpx"
done_testing
