#!/bin/sh
# be-point edit: $EDITOR on a private temporary file, applied on save.
. "${0%/*}/lib.sh"
export BENUT_NOW=2026-11-23T10:00:00Z
plan 14

new_store
sqlite3 -batch "$BENUT_STORE" <"$FIX/point/seed.sql"
be-point new "Taxi komt te laat" S-1 S-2 >/dev/null
mkdir tmp
export TMPDIR=$T/tmp

# An editor that records the file's mode and applies a sed script.
cat >ed.sh <<'EOS'
#!/bin/sh
stat -c %a "$1" >"$T/mode"
cp "$1" "$T/seen"
[ -n "${SED:-}" ] && sed -i "$SED" "$1"
exit "${EDRC:-0}"
EOS
chmod +x ed.sh
export T
unset VISUAL

be-point show P-1 >shown
EDITOR="$T/ed.sh" run be-point edit P-1
is "$(cat "$OUT")$(cat "$ERR") $RC" " 0" "saved unchanged: nothing to do"
is "$(cat mode)" 600 "the temporary file is private"
ok 'cmp -s shown seen' "the editor sees what show prints"
is "$(ls tmp)" "" "and the file is removed"

SED='s/^vraag:$/vraag: Op tijd komen./' EDITOR="$T/ed.sh" run be-point edit P-1
is "$(cat "$OUT") $RC" "P-1	concept	2	vervoer	Taxi komt te laat 0" \
    "an edit is applied, the record printed"
is "$(q "SELECT vraag FROM point WHERE id = 1")" "Op tijd komen." "vraag stored"

SED='s/^vraag: .*/vraag: Niets./' VISUAL="$T/ed.sh" EDITOR=false run be-point edit P-1
is "$(q "SELECT vraag FROM point WHERE id = 1") $RC" "Niets. 0" \
    "VISUAL comes before EDITOR"

SED='s/^theme:/thema:/' EDITOR="$T/ed.sh" run be-point edit P-1
kept=$(ls "$T"/tmp/*)
must_fail 2 "be-point: $kept:6:1: unknown key 'thema'
be-point: nothing changed; your edit is kept in $kept" \
    "a refused edit keeps the file and says where"
ok 'grep -q "^thema: vervoer" "$kept"' "with the edit in it"
is "$(q "SELECT theme FROM point WHERE id = 1")" "vervoer" "nothing changed"
rm -f tmp/*

SED='s/^vraag: .*/vraag: Weg./' EDRC=3 EDITOR="$T/ed.sh" run be-point edit P-1
kept=$(ls "$T"/tmp/*)
must_fail 2 "be-point: the editor exited with status 3
be-point: nothing changed; your edit is kept in $kept" \
    "an editor that fails changes nothing"
is "$(q "SELECT vraag FROM point WHERE id = 1")" "Niets." "vraag as it was"

EDITOR="$T/ed.sh" run be-point edit P-7
must_fail 2 "be-point: no point P-7" "an unknown point"
EDITOR="$T/ed.sh" run be-point edit P-1 P-1
must_fail 2 "usage: $(be-point --help | sed 's/^usage: //')" "one point at a time"
done_testing
