#!/bin/sh
# be-tag --export-qdc / --import-qdc: REFI-QDA codebooks.
. "${0%/*}/lib.sh"
plan 21
XSD=$FIX/tag/Codebook.xsd
cp "$FIX"/tag/*.yaml "$FIX"/tag/*.qdc .

run be-tag --export-qdc "$TOP/share/codebooks/sociaal-domein.yaml"
is "$RC" 0 "exports the starter codebook"
ok 'xmllint --noout --schema "$XSD" "$OUT" 2>/dev/null' "valid against the REFI-QDA Codebook.xsd"
ok 'grep -q "^      <Code guid=\"[0-9A-F-]*\" name=\"inkomen\" isCodable=\"true\" color=\"#bcbd22\">" "$OUT"' "a child code, nested"
cp "$OUT" first.qdc
run be-tag --export-qdc "$TOP/share/codebooks/sociaal-domein.yaml"
ok 'cmp -s first.qdc "$OUT"' "stable GUIDs"

run be-tag --export-qdc escape.yaml
is "$(sed -n 4,5p "$OUT" | sed 's/guid="[^"]*"/guid=G/')" '    <Code guid=G name="zorg-en-welzijn" isCodable="true" color="#abcdef">
      <Description>Zorg &amp; welzijn: &quot;thuis&quot; &lt;b&gt;vet&lt;/b&gt;</Description>' "XML escaped"
ok 'xmllint --noout --schema "$XSD" "$OUT" 2>/dev/null' "escaped export validates"

run be-tag --import-qdc other.qdc
is "$(cat "$OUT")" "---
kind: codebook
version: 1
name: other
description: Imported from a REFI-QDA codebook; add patterns to each theme.
themes:
  - name: wonen-huur
    description: Alles over <wonen>
    colour: \"#4466aa\"
    guid: 1FF58B12-6F6F-4B0C-8BE5-BBDC91F55294
  - name: schimmel
    parent: wonen-huur
    guid: 1FF58B12-6F6F-4B0C-8BE5-BBDC91F55295
  - name: cliënt-ervaring
    guid: 1FF58B12-6F6F-4B0C-8BE5-BBDC91F55296
  - name: cliënt-ervaring-2
    guid: 1FF58B12-6F6F-4B0C-8BE5-BBDC91F55297" "import writes a YAML codebook"
cp "$OUT" other.yaml
run be-tag --check other.yaml
is "$RC:$(cat "$ERR")" "0:be-tag: other.yaml: 4 themes, 0 patterns, 0 examples: all pass" "--check accepts the import"

be-tag --export-qdc "$TOP/share/codebooks/sociaal-domein.yaml" >sd.qdc
be-tag --import-qdc sd.qdc >sd.yaml
run be-tag --check sd.yaml
is "$RC" 0 "round trip of the starter codebook"
is "$(grep -c '^  - name:' sd.yaml)" 20 "all themes come back"

run be-tag --import-qdc broken.qdc
must_fail 2 "be-tag: broken.qdc:5:12: end tag does not match its start tag" "broken XML refused"
run be-tag --import-qdc doctype.qdc
must_fail 2 "be-tag: doctype.qdc:2:1: DOCTYPE and declarations are not allowed" "DOCTYPE refused"

# Valid XML the old hand-written reader refused: blanks in end tags.  GUIDs,
# isCodable and sets are kept.
run be-tag --import-qdc sets.qdc
is "$RC:$(cat "$ERR")" "0:" "spaces in end tags are XML"
golden qdc-sets.yaml "$OUT" "GUIDs, isCodable, sets and descriptions kept"
cp "$OUT" sets.yaml
run be-tag --export-qdc sets.yaml
golden qdc-sets.qdc "$OUT" "exported with its own GUIDs, isCodable and sets"
ok 'xmllint --noout --schema "$XSD" "$OUT" 2>/dev/null' "with sets, valid against Codebook.xsd"
cp "$OUT" sets1.qdc
be-tag --import-qdc sets1.qdc >sets2.yaml
be-tag --export-qdc sets2.yaml >sets2.qdc
ok 'cmp -s sets1.qdc sets2.qdc' "export, import, export: byte for byte the same"
cp sd.qdc sd1.qdc
be-tag --export-qdc sd.yaml >sd2.qdc
ok 'cmp -s sd1.qdc sd2.qdc' "the starter codebook too"

# Encodings: Latin-1 as declared, Windows-1252 undeclared, UTF-16 with BOM.
for f in latin1 cp1252 utf16; do be-tag --import-qdc $f.qdc >$f.out 2>&1; done
is "$(grep -h '^  - name:' latin1.out cp1252.out utf16.out)" "  - name: cliënt-één
  - name: cliënt-euro
  - name: cliënt-ëën" "Latin-1, Windows-1252 and UTF-16 read, no letter dropped"

printf '<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="0a1b2c3d-0000-4000-8000-000000000001" name="a" isCodable="true"/></Codes><Sets><Set guid="0a1b2c3d-0000-4000-8000-000000000002" name="s"><MemberCode guid="0a1b2c3d-0000-4000-8000-000000000009"/></Set></Sets></CodeBook>\n' >badset.qdc
run be-tag --import-qdc badset.qdc
must_fail 2 "be-tag: badset.qdc:1: set member is not a code of the codebook" "a set member must be a code"
printf 'kind: codebook\nversion: 1\nname: x\nthemes:\n  - name: a\n    guid: nope\n' >badguid.yaml
run be-tag --check badguid.yaml
must_fail 2 "be-tag: badguid.yaml:6:11: guid must be a GUID: 8-4-4-4-12 hexadecimal digits" "a bad guid in a codebook"
done_testing
