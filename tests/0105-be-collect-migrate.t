#!/bin/sh
# A store of schema version 1 (tests/fixtures/store/v1.sql) is migrated on
# first open: redacted again, content ids recomputed, stories that now
# coincide merged with their tags and points, the level of use added.
. "${0%/*}/lib.sh"
plan 24
export BENUT_NOW=2026-11-30T12:00:00Z
sqlite3 "$BENUT_STORE" <"$FIX/store/v1.sql"
V=$(sed -n 's/^#define BE_STORE_VERSION //p' "$TOP/lib/store.h")
# Three stories more, as version 1 left them: two phone numbers its rules
# missed in the same story told on the same day (after redaction one
# story), the second in a point, with a tag and an attribute of its own;
# and a number that only the wider 06 rule takes.
sqlite3 "$BENUT_STORE" <<'SQL'
INSERT INTO story (id, cid, ckey, told, channel, text, added) VALUES
 (17, 'v1-17', 1, '2026-11-22', 'telefoon', 'Bel mij op 06-12345678 over de regiotaxi.', '2026-11-23T10:00:00Z'),
 (18, 'v1-18', 2, '2026-11-22', 'telefoon', 'Bel mij op 06 87654321 over de regiotaxi.', '2026-11-23T10:00:00Z'),
 (19, 'v1-19', 3, '2026-11-22', 'telefoon', 'Mijn nummer is 06-01234567, bel gerust.', '2026-11-23T10:00:00Z');
INSERT INTO story_tag (story_id, tag_id, origin, at) VALUES
 (17, 2, 'hand', '2026-11-23T10:00:00Z'), (18, 7, 'hand', '2026-11-23T10:00:00Z');
INSERT INTO story_attr VALUES (18, 'Opmerking', 'bereikbaar op 0687654321');
INSERT INTO point_story VALUES (1, 18, 4, 'Bel mij op 06 87654321 over de regiotaxi.');
INSERT INTO story_attr VALUES (4, 'E-mailadres', 'c.jansen@example.nl'),
 (2, 'E-mailadres', 'iemand@example.nl'), (5, 'IP-adres', '192.0.2.7');
SQL
is "$(q 'PRAGMA user_version')" 1 "a store of version 1"

# A reader whose user may not write the store leaves it as it is.
chmod 755 "$T"
chmod 644 "$BENUT_STORE"
setpriv --reuid=65534 --regid=65534 --clear-groups be-find S-1 >"$OUT" 2>"$ERR"; RC=$?
must_fail 2 "be-find: $BENUT_STORE: store has schema version 1, older than this program's $V; run a program that writes (be-collect) to upgrade it" \
    "a reader that may not write says who can migrate"
is "$(q 'PRAGMA user_version')" 1 "and changes nothing"

# A reader that may write migrates it (a writer would as well).
run be-find S-17
is_rc 0 "be-find migrates the store"
is "$(q 'PRAGMA user_version')" "$V" "schema version $V, the latest"
is "$(q "SELECT id, text FROM story WHERE id IN (3, 6, 17)")" \
"3|Ik sta nu al een half jaar op de wachtlijst voor jeugdhulp voor mijn zoon. U kunt mij bellen op [TELEFOON].
6|De huishoudelijke hulp is teruggebracht van drie naar anderhalf uur, zonder keukentafelgesprek. Mijn BSN is [BSN], als u het dossier wilt opzoeken.
17|Bel mij op [TELEFOON] over de regiotaxi." "texts redacted again with today's rules"
is "$(q "SELECT count(*) FROM story WHERE id = 18")" 0 "the story that now coincides is merged"
is "$(q "SELECT cid = lower(hex(cid)) OR length(cid) = 64, ckey <> 1 FROM story WHERE id = 17")" "1|1" \
    "its content id computed again"
is "$(q "SELECT tag_id FROM story_tag WHERE story_id = 17 ORDER BY tag_id" | tr '\n' ' ')" "2 7 " \
    "the tags of both kept"
is "$(q "SELECT story_id, quote FROM point_story WHERE point_id = 1 ORDER BY pos")" \
"1|De regiotaxi kwam een uur te laat, ik miste mijn afspraak in het ziekenhuis. Bellen had geen zin: ik hing 40 minuten in de wacht.
5|Het leerlingenvervoer is weer gewijzigd, niemand heeft ons gebeld. Mijn dochter stond om 07.45 uur voor niets buiten.
9|Zonder vervoer kan ik niet naar de dagbesteding. De regiotaxi annuleert ritten zonder bericht, dit is al de derde keer deze maand.
17|Bel mij op [TELEFOON] over de regiotaxi." "its place in the point kept, the quote redacted"
is "$(q "SELECT key, value FROM story_attr WHERE story_id = 17")" "Opmerking|bereikbaar op [TELEFOON]" \
    "attributes kept and redacted"
is "$(q "SELECT kind, n FROM story_redaction WHERE story_id = 17")" "TELEFOON|1" \
    "the redaction counted"
run be-find -q 12345678
is "$RC:$(cat "$OUT")" "1:" "the number is gone from the full-text index"
run be-find -q regiotaxi
is "$(cut -f1 "$OUT" | tr '\n' ' ')" "S-1 S-9 S-17 " "the index follows the texts"

# The answers about use and the name column, as a new intake takes them.
is "$(q "SELECT id, use FROM story WHERE id > 13 ORDER BY id" | tr '\n' ' ')" \
    "15|quote 16|count 17|quote 19|quote " \
    "levels from the answers; the teller who said no is gone; the rest quotable"
is "$(q "SELECT count(*) FROM story_attr WHERE key LIKE 'Mag de raad%'")" 0 \
    "the answer is no attribute any more"

is "$(q "SELECT story_id, email FROM person ORDER BY story_id"; q "SELECT count(*) FROM story_attr WHERE key IN ('E-mailadres', 'IP-adres')")" \
"1|anna.devries@example.nl
4|chloe@example.nl, c.jansen@example.nl
0" "identifying attributes: kept apart with consent, else dropped"

cat >readme.csv <<'CSV'
Tijdstempel,Uw naam (niet verplicht),Verhaal,Mag de raad uw verhaal gebruiken?,Telefoon
20-11-2026 10:00:00,Fatima el Amrani,"Mijn naam is Fatima el Amrani en de regiotaxi liet mij twee uur wachten bij het ziekenhuis in Zwolle.",Nee,06-12345678
21-11-2026 11:30:00,Piet de Vries,"Ik ben Piet de Vries. Mevrouw Jansen van het wijkteam belde niet terug over mijn aanvraag voor huishoudelijke hulp.",Ja,
22-11-2026 09:15:00,,"Mijn zoon Daan (8) wacht al een jaar op jeugd-GGZ. Groet, Jos van Dijk",alleen tellen,
CSV
printf 'Tijdstempel,Verhaal\n22-11-2026,"Mijn nummer is 06-01234567, bel gerust."\n' >sixnul.csv
be-collect -s fresh.db readme.csv sixnul.csv >/dev/null 2>&1
same() {
	is "$(q "SELECT text, use FROM story WHERE $1"; q "SELECT a.key, a.value FROM story_attr a JOIN story s ON s.id = a.story_id WHERE s.$1 ORDER BY 1")" \
	    "$(sqlite3 fresh.db "SELECT text, use FROM story WHERE $2"; sqlite3 fresh.db "SELECT a.key, a.value FROM story_attr a JOIN story s ON s.id = a.story_id WHERE s.$2 ORDER BY 1")" \
	    "$3 as a new intake takes it in"
}
same "told LIKE '2026-11-21%'" "told LIKE '2026-11-21%'" "S-15 (a name column)"
same "told LIKE '2026-11-22T09%'" "told LIKE '2026-11-22T09%'" "S-16 (count only)"
same "id = 19" "told = '2026-11-22'" "S-19 (an 06 number)"

# The export taken in before the change, again: nothing new.
run be-collect readme.csv
is "$RC:$(cat "$ERR")" "0:be-collect: readme.csv: 3 rows read, 0 new, 2 duplicates, 0 refused, 1 said no to use; 1 count only; delete the export, it holds contact data" \
    "a re-intake of an export taken in before adds nothing"
is "$(q "SELECT count(*) FROM story")" 17 "the stories: 19, less the one merged and the one that said no"

# Two programs at once on a store of version 1: one migrates it, the
# other waits for it and finds it done.
sqlite3 two.db <"$FIX/store/v1.sql"
# A loaded machine may take a while to migrate: wait up to a minute.
BENUT_BUSY_MS=60000 be-find -s two.db --count >c1 2>e1 &
BENUT_BUSY_MS=60000 be-find -s two.db --count >c2 2>e2 &
wait
is "$(cat c1 e1 c2 e2)" "15
15" "two programs at once migrate once"

# A migrated store is at home: be-agenda and be-point read it.
run be-point show P-1
is_rc 0 "be-point reads the migrated store"
done_testing
