#!/bin/sh
# be-tag --export-qdc / --import-qdc: REFI-QDA codebooks.
. "${0%/*}/lib.sh"
plan 12
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
  - name: schimmel
    parent: wonen-huur
  - name: cliënt-ervaring
  - name: cliënt-ervaring-2" "import writes a YAML codebook"
cp "$OUT" other.yaml
run be-tag --check other.yaml
is "$RC:$(cat "$ERR")" "0:be-tag: other.yaml: 4 themes, 0 patterns, 0 examples: all pass" "--check accepts the import"

be-tag --export-qdc "$TOP/share/codebooks/sociaal-domein.yaml" >sd.qdc
be-tag --import-qdc sd.qdc >sd.yaml
run be-tag --check sd.yaml
is "$RC" 0 "round trip of the starter codebook"
is "$(grep -c '^  - name:' sd.yaml)" 20 "all themes come back"

run be-tag --import-qdc broken.qdc
must_fail 2 "be-tag: broken.qdc:5:1: end tag does not match its start tag" "broken XML refused"
run be-tag --import-qdc doctype.qdc
must_fail 2 "be-tag: doctype.qdc:2:1: DOCTYPE and declarations are not allowed" "DOCTYPE refused"
