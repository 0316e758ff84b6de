#!/bin/sh
# Messages in Dutch when the locale says Dutch, in English otherwise; the
# "be-x: file:line:col: " prefix the same in both; documents by --lang.
. "${0%/*}/lib.sh"
export BENUT_NOW=2026-11-23T10:00:00Z
plan 24
cp "$FIX/mistakes/bestand.xlsx" .

# nl: the three ways a user's locale says Dutch.
nl() { env LC_ALL=C.UTF-8 LANGUAGE=nl "$@"; }
run env -u LC_ALL LANG=nl_NL.UTF-8 be-collect bestand.xlsx
must_fail 2 'be-collect: bestand.xlsx: dit is een Excel-werkmap (.xlsx), geen CSV-bestand; open het in Excel, sla het met Opslaan als op als "CSV (puntkomma)", en lees dat bestand in' \
    "LANG=nl_NL.UTF-8 be-collect bestand.xlsx answers in Dutch"
run env -u LC_ALL -u BENUT_LOCALEDIR LANG=nl_NL.UTF-8 be-collect bestand.xlsx
is "$RC:$(cut -d" " -f1-5 "$ERR")" "2:be-collect: bestand.xlsx: dit is een" \
    "from the build tree without BENUT_LOCALEDIR: the tree's locale/"
run env LC_ALL=nl_NL.UTF-8 be-collect bestand.xlsx
is "$RC:$(cut -d" " -f1-5 "$ERR")" "2:be-collect: bestand.xlsx: dit is een" \
    "LC_ALL=nl_NL.UTF-8 too"
run nl be-collect bestand.xlsx
is "$RC:$(cut -d" " -f1-5 "$ERR")" "2:be-collect: bestand.xlsx: dit is een" \
    "LANGUAGE=nl under C.UTF-8 too"
run be-collect bestand.xlsx
is "$RC:$(cut -d" " -f1-5 "$ERR")" "2:be-collect: bestand.xlsx: this is an" \
    "English otherwise"
run env LC_ALL=C LANGUAGE=nl be-collect bestand.xlsx
is "$RC:$(cut -d" " -f1-5 "$ERR")" "2:be-collect: bestand.xlsx: this is an" \
    "and in the C locale, whatever LANGUAGE says"

# The main errors in both languages.
both() {	# both NAME ENGLISH DUTCH CMD...
	_bn=$1 _ben=$2 _bnl=$3; shift 3
	run "$@"; must_fail 2 "$_ben" "$_bn (en)"
	run nl "$@"; must_fail 2 "$_bnl" "$_bn (nl)"
}
mkdir leeg && cd leeg
both "the wrong directory" \
    "be-find: no store here (./benut.db); use -s or BENUT_STORE" \
    "be-find: geen opslag hier (./benut.db); gebruik -s of BENUT_STORE" \
    env -u BENUT_STORE be-find
cd "$T"
both "a file that is not there" \
    "be-collect: cannot open 'weg.csv': No such file or directory" \
    "be-collect: kan 'weg.csv' niet openen: Bestand of map bestaat niet" \
    be-collect weg.csv
printf 'Datum;Verhaal\n2026-11-02;"Te laat\n' >open.csv
both "a CSV error keeps its place" \
    "be-collect: open.csv:2:12: unterminated quoted field
be-collect: open.csv: nothing written" \
    "be-collect: open.csv:2:12: veld tussen aanhalingstekens niet afgesloten
be-collect: open.csv: niets opgeslagen" \
    be-collect open.csv
printf 'kind: story\nversion: 1\ntext: Mijn vraag: waarom?\n' >v.yaml
both "': ' in a YAML value" \
    "be-collect: v.yaml:3:17: a text with ': ' (a colon and a space) in it; put the whole text between double quotes (\"...\")
be-collect: v.yaml: nothing written" \
    "be-collect: v.yaml:3:17: een tekst met ': ' (dubbele punt en spatie) erin; zet de hele tekst tussen dubbele aanhalingstekens (\"...\")
be-collect: v.yaml: niets opgeslagen" \
    be-collect v.yaml
new_store
both "a bad ref, named by its place" \
    "be-point: argument 2: 'P-x' is not a point (P-n)" \
    "be-point: argument 2: 'P-x' is geen punt (P-n)" \
    be-point state P-x gereed
both "an unknown state" \
    "be-point: unknown state 'klaar'; states: concept, gereed, geagendeerd, ingebracht, beantwoord, teruggekoppeld, vervallen" \
    "be-point: onbekende status 'klaar'; de statussen zijn: concept, gereed, geagendeerd, ingebracht, beantwoord, teruggekoppeld, vervallen" \
    be-point -l --state klaar

# A summary with counts: the Dutch plural.
printf 'Datum;Verhaal\n2026-11-02;De taxi kwam niet.\n' >een.csv
run nl be-collect een.csv
is "$(cat "$ERR")" "be-collect: een.csv: 1 rij gelezen, 1 nieuw, 0 dubbel, 0 geweigerd; geen kolom over gebruik: mogen geciteerd worden; gelezen als utf-8, scheidingsteken ';'" \
    "one row: rij"
printf 'Datum;Verhaal\n2026-11-02;Een.\n2026-11-03;Twee.\n' >twee.csv
run nl be-collect twee.csv
is "$(cat "$ERR")" "be-collect: twee.csv: 2 rijen gelezen, 2 nieuw, 0 dubbel, 0 geweigerd; geen kolom over gebruik: mogen geciteerd worden; gelezen als utf-8, scheidingsteken ';'" \
    "two rows: rijen"

# Documents follow --lang, not the locale; numbers stay as they are.
export BENUT_STORE=$T/agenda.db
new_store
sqlite3 "$BENUT_STORE" <"$FIX/agenda/seed.sql"
run nl be-agenda -m "$FIX/agenda/meeting.yaml" P-1 P-2
is_rc 0 "an agenda under a Dutch locale"
golden agenda-nl.md
run env -u LC_ALL LANG=nl_NL.UTF-8 be-agenda -m "$FIX/agenda/meeting.yaml" \
    --lang en P-1 P-2
is_rc 0 "--lang en under a Dutch locale"
golden agenda-en.md
done_testing
