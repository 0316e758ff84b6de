#!/bin/sh
# Privacy: personal data planted in a generated corpus, in every form that
# be-collect redacts, is nowhere in the store's files afterwards (database,
# WAL, shared memory, full-text index), with and without a checkpoint;
# amounts, times, case numbers and years survive; identifying columns are
# kept only with consent; the files are private (0600).
. "${0%/*}/lib.sh"
W=$T/w; mkdir -p "$W"
. "$TOP/tests/stress/common.sh"
S=$T/benut.db
plan 17

python3 "$BENCH_GEN" --rows 300 --out "$W/gen.csv"
# planted.csv: stories full of personal data; consent.csv: identifying
# columns with and without consent.  planted.txt gets every value that
# must not be stored, survive.txt every one that must.
python3 - "$W" <<'PY'
import csv, sys
w = sys.argv[1]

def bsn(n8):
    """n8 (eight digits) and the ninth that makes the elfproef pass."""
    d = [int(c) for c in n8]
    s = sum((9 - i) * d[i] for i in range(8))
    for x in range(10):
        if (s - x) % 11 == 0:
            return n8 + str(x)
    return None

bsns = [b for b in (bsn('%08d' % n) for n in (11122233, 23456781, 87654321,
        30405060, 99887766, 12131415)) if b][:5]
b1, b2, b3, b4, b5 = bsns
planted = {
  'bsn': [b1, b2[:3] + '.' + b2[3:6] + '.' + b2[6:],
          b3[:3] + ' ' + b3[3:6] + ' ' + b3[6:], b4, b5],
  'iban': ['NL91ABNA0417164300', 'NL20 INGB 0001 2345 67', 'nl02rabo0123456789',
           'DE89370400440532013000', 'BE68 5390 0754 7034'],
  'tel': ['06-12345678', '06 12 34 56 78', '06-1234 5678', '010-1234567',
          '020 123 4567', '(020) 123 45 67', '0591-123456', '+31 6 12345678',
          '+31(0)6-12345678', '0031 20 123 4567', '0612345679', '+32 470 12 34 56'],
  'mail': ['jan.de.vries@example.nl', 'zoë.öztürk+raad@ziggo.nl',
           'w_plantinga%x@mail.gemeente-ede.nl'],
  'pc': ['1234 AB 12', '5611AZ 3a', '9711 LM'],
  'adres': ['Kerkstraat 12', 'Van Goghlaan 12-II', 'Johan de Wittlaan 7',
            'Prins Hendrikkade 4-hs', 'Dorpsstraat 1 bis'],
  'geb': ['12-03-1956', '3 maart 1961', '1948-11-02', '07/08/1972'],
}
survive = ['€ 1.250,00', '10.15 uur', 'Z-2026-001234', '2019', '1.250,00',
           '€ 37,50', '14.30 uur']
stories = [
  'Mijn BSN is %s en toch vroeg de consulent het opnieuw. Ik moest € 1.250,00 terugbetalen.' % planted['bsn'][0],
  'Ze stuurden de brief naar %s, terwijl mijn nummer %s is. Zaak Z-2026-001234 loopt nog.' % (planted['bsn'][1], planted['bsn'][2]),
  'Geld overmaken naar %s of %s lukte niet; in 2019 ging het wel.' % (planted['iban'][0], planted['iban'][1]),
  'Rekening %s en ook %s en %s werden geblokkeerd.' % tuple(planted['iban'][2:]),
  'Bel me op %s of %s, liefst om 10.15 uur.' % tuple(planted['tel'][:2]),
  'Mijn nummers: %s, %s, %s en %s.' % tuple(planted['tel'][2:6]),
  'Het wijkteam belde naar %s en daarna naar %s, ik betaalde € 37,50.' % tuple(planted['tel'][6:8]),
  'Bereikbaar via %s of %s, of %s, of %s na 14.30 uur.' % tuple(planted['tel'][8:12]),
  'Mail naar %s of %s of %s graag.' % tuple(planted['mail']),
  'Ik woon op %s in Eindhoven, postcode %s Eindhoven; mijn moeder op %s Groningen.' % (planted['adres'][0], planted['pc'][0], planted['pc'][2]),
  'Post ging naar %s en daarna naar %s.' % (planted['pc'][1], planted['adres'][1]),
  'De taxi stond bij %s, niet bij %s of %s.' % tuple(planted['adres'][2:]),
  'Ik ben geboren op %s en mijn man is geboren %s.' % tuple(planted['geb'][:2]),
  'Geboortedatum: %s. Mijn dochter, geb. %s, krijgt geen hulp.' % tuple(planted['geb'][2:]),
  'Mijn BSN: %s, en van mijn zoon %s.' % tuple(planted['bsn'][3:]),
]
head = ['Tijdstempel', 'Naam', 'E-mail', 'Telefoon', 'Gemeente', 'Kanaal',
        'Verhaal', 'Contactwens']
ident = ['Wilhelmina Plantinga-Zoutendijk', 'w.plantinga@voorbeeld.nl',
         '06-98765432']
with open(w + '/planted.csv', 'w', newline='', encoding='utf-8') as f:
    o = csv.writer(f, lineterminator='\n')
    o.writerow(head)
    for i, s in enumerate(stories):
        o.writerow(['%d-1-2026 10:00' % (i + 1), ident[0], ident[1], ident[2],
                    'Ede', 'Formulier', s,
                    'Terugbellen op %s' % planted['tel'][i % 12]])
# Consent: 'nee' and empty keep the identifying columns out, 'ja' in.
with open(w + '/consent.csv', 'w', newline='', encoding='utf-8') as f:
    o = csv.writer(f, lineterminator='\n')
    o.writerow(['Datum', 'Naam', 'E-mailadres', 'Telefoon', 'Adres',
                'Toestemming', 'Verhaal'])
    o.writerow(['2026-02-01', 'Geertruida Nooitgedacht', 'g.nooit@voorbeeld.nl',
                '06-55544433', 'Lindenlaan 99', 'nee',
                'De huishoudelijke hulp kwam drie weken niet.'])
    o.writerow(['2026-02-02', 'Barend Zonderja', 'b.zonderja@voorbeeld.nl',
                '06-55544422', 'Beukenlaan 98', '',
                'De huishoudelijke hulp kwam vier weken niet.'])
    o.writerow(['2026-02-03', 'Cornelia Welgemeend', 'c.welgemeend@voorbeeld.nl',
                '06-55544411', 'Eikenlaan 97', 'ja',
                'De huishoudelijke hulp kwam vijf weken niet.'])
secret = [v for k in planted for v in planted[k]] + ident + [
    'Geertruida Nooitgedacht', 'g.nooit@voorbeeld.nl', '06-55544433',
    'Lindenlaan 99', 'Barend Zonderja', 'b.zonderja@voorbeeld.nl',
    '06-55544422', 'Beukenlaan 98']
# The e-mail addresses and phone numbers of the generated corpus too
# (its names may also be words of the stories).
with open(w + '/gen.csv', newline='', encoding='utf-8') as f:
    for r in list(csv.reader(f))[1:]:
        secret += [x for x in (r[2], r[3]) if x]
open(w + '/planted.txt', 'w', encoding='utf-8').write('\n'.join(secret) + '\n')
open(w + '/survive.txt', 'w', encoding='utf-8').write('\n'.join(survive) + '\n')
open(w + '/consented.txt', 'w', encoding='utf-8').write(
    'Cornelia Welgemeend\nc.welgemeend@voorbeeld.nl\n')
PY

# found LIST FILES...: prints each value of LIST found (as bytes) in any
# of FILES, and for the database also each one found by the full-text
# index (a phrase of its words).
found() {
	python3 - "$@" <<'PY'
import re, sqlite3, sys
vals = [v for v in open(sys.argv[1], encoding='utf-8').read().split('\n') if v]
blobs = []
for p in sys.argv[2:]:
    try:
        blobs.append(open(p, 'rb').read())
    except FileNotFoundError:
        pass
for v in vals:
    if any(v.encode() in b for b in blobs):
        print(v)
PY
}
in_fts() {
	python3 - "$1" "$S" <<'PY'
import re, sqlite3, sys
vals = [v for v in open(sys.argv[1], encoding='utf-8').read().split('\n') if v]
db = sqlite3.connect('file:%s?mode=ro' % sys.argv[2], uri=True)
for v in vals:
    words = re.findall(r'\w+', v.lower())
    if not words:
        continue
    q = '"%s"' % ' '.join(words)
    if db.execute('SELECT count(*) FROM story_fts WHERE story_fts MATCH ?',
                  (q,)).fetchone()[0]:
        print(v)
PY
}

run be-collect -s "$S" "$W/gen.csv"
is_rc 0 "be-collect takes the generated corpus"
# A reader holds the store open, so that be-collect's close does not
# checkpoint: the planted stories stay in the WAL.
mkfifo "$W/fifo"
sqlite3 "$S" <"$W/fifo" >"$W/hold.out" 2>&1 &
hold=$!
exec 3>"$W/fifo"
echo 'SELECT count(*) FROM story;' >&3
i=0; while [ ! -s "$W/hold.out" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
run be-collect -s "$S" "$W/planted.csv" "$W/consent.csv"
is_rc 0 "be-collect takes the planted stories and the consent file"
n=$(sq "$S" 'SELECT count(*) FROM story')
ok '[ "$n" -ge 310 ]' "the stories are in the store ($n)"
files="$S $S-wal $S-shm"
ok '[ -s "$S-wal" ]' "without a checkpoint the WAL holds them"
is "$(found "$W/planted.txt" $files)" "" \
    "no planted value is in the database, WAL or shared memory"
is "$(found "$W/survive.txt" $files | sort)" "$(sort "$W/survive.txt")" \
    "amounts, times, case numbers and years are there"
is "$(stat -c %a $files)" "600
600
600" "the database, WAL and shared memory are mode 0600"
exec 3>&-
wait "$hold"

sq "$S" 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null
is "$(found "$W/planted.txt" $files)" "" \
    "after a checkpoint no planted value is in any file"
is "$(in_fts "$W/planted.txt")" "" "nor in the full-text index"
is "$(in_fts "$W/survive.txt" | sort)" "$(sort "$W/survive.txt")" \
    "while the full-text index finds what must survive"
is "$(sq "$S" "SELECT count(*) FROM story WHERE (text LIKE '%[BSN]%'
    OR text LIKE '%[IBAN]%') AND gemeente = 'Ede'")" "5" "the markers stand in the texts"
is "$(sq "$S" "SELECT kind, sum(n) FROM story_redaction r JOIN story s
    ON s.id = r.story_id WHERE s.gemeente = 'Ede' GROUP BY kind ORDER BY kind")" \
"ADRES|5
BSN|5
E-MAIL|3
GEBOORTEDATUM|4
IBAN|5
POSTCODE|3
TELEFOON|27" "every planted value is counted by kind (15 in an attribute)"

# Identifying columns: kept with consent only, apart from the story.
is "$(sq "$S" 'SELECT name, email FROM person')" \
    "Cornelia Welgemeend|c.welgemeend@voorbeeld.nl" \
    "only the person who gave consent is kept"
is "$(found "$W/consented.txt" $files)" "Cornelia Welgemeend
c.welgemeend@voorbeeld.nl" "and the search finds what is there"
run be-collect -s "$S" --purge-persons
is_rc 0 "be-collect --purge-persons"
# (Deleted rows are overwritten: PRAGMA secure_delete, on in Debian's
# SQLite.)
is "$(found "$W/consented.txt" $files)" "" \
    "after a purge the person is gone from the files"
is "$(sq "$S" "SELECT count(*) FROM story WHERE text LIKE
    '%huishoudelijke hulp kwam vijf weken%'")" 1 "while the story stays"
done_testing
