#!/bin/sh
# tests/bench/tag.sh: be-tag with 50 themes on BENCH_ROWS stories (reading
# them from the store and writing the tags included), against what a user
# could write instead: a single-threaded PCRE2 JIT loop over the same
# patterns and the same texts, one a line (tests/bench/rxloop.c), and
# pcre2grep -i -c run once per theme.  Where pkg-config knows libhs
# (Hyperscan or Vectorscan), the same loop with all patterns in one
# Hyperscan database (tests/bench/hsloop.c) too; it says on stderr which
# patterns it left to PCRE2.  With BENCH_NO_PREFILTER=1 a row
# of be-tag with BENUT_PREFILTER=0 shows what the literal pre-filter
# (lib/lits.c) gives.
set -eu
rows=${BENCH_ROWS:-100000}
dir=${BENCH_DIR:-$(mktemp -d)}
top=$(cd "$(dirname "$0")/../.." && pwd)
gen=${BENCH_GEN:-$top/tests/bench/gen_stories.py}
cd "$dir"
export BENUT_STORE=$dir/bench.db

if [ -n "${BENCH_CSV:-}" ]; then ln -sf "$BENCH_CSV" stories.csv
else python3 "$gen" --rows "$rows" --out stories.csv; fi
# A 50-theme codebook: the starter's 20 themes and 30 copies under other
# names (the same patterns, so both sides do the same matching work).
python3 - "$top/share/codebooks/sociaal-domein.yaml" >cb50.yaml <<'PY'
import re, sys
src = open(sys.argv[1], encoding='utf-8').read()
head, body = src.split('themes:\n', 1)
themes = re.split(r'(?m)^(?=  - name: )', body)
themes = [t for t in themes if t.startswith('  - name: ')]
out = [head, 'themes:\n']
out += themes
n = 0
while len(themes) + n < 50:
    t = themes[n % len(themes)]
    t = re.sub(r'(?m)^(  - name: )(\S+)', lambda m: m.group(1) + m.group(2) + '-v%d' % (n // len(themes) + 2), t, 1)
    t = re.sub(r'(?m)^    parent: .*\n', '', t)
    out.append(t)
    n += 1
sys.stdout.write(''.join(out))
PY
be-tag --check cb50.yaml 2>/dev/null
# The store (benut's schema) and the one-line texts, from the same CSV.
"$top/tests/unit/find.t" --seed "$BENUT_STORE" </dev/null
${CC:-cc} -O2 -o rxloop "$top/tests/bench/rxloop.c" \
    $(pkg-config --cflags --libs libpcre2-8)
hs=
if pkg-config --exists libhs; then
	hs=./hsloop
	${CC:-cc} -O2 -o hsloop "$top/tests/bench/hsloop.c" \
	    $(pkg-config --cflags --libs libhs libpcre2-8)
fi
python3 - "$BENUT_STORE" <<'PY'
import csv, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
out = open('texts.txt', 'w', encoding='utf-8')
with open('stories.csv', encoding='utf-8', newline='') as f:
    r = csv.reader(f); next(r)
    for i, row in enumerate(r, 1):
        t = row[6]
        db.execute("INSERT INTO story (id, cid, text, added) VALUES (?, ?, ?, 'bench')", (i, 'b%d' % i, t))
        out.write(t.replace('\r', ' ').replace('\n', ' ') + '\n')
db.commit()
PY
cp "$BENUT_STORE" empty.db
python3 - cb50.yaml >patterns.txt <<'PY'
import sys, re
# One line per theme: its match patterns, TAB-separated.
cur = None; pats = []; inmatch = False; lines = []
for l in open(sys.argv[1], encoding='utf-8'):
    if l.startswith('  - name: '):
        if pats: lines.append('\t'.join(pats))
        pats = []; inmatch = False
    elif l.startswith('    match:'):
        inmatch = True
    elif re.match(r'    \w', l):
        inmatch = False
    elif inmatch and l.startswith("      - '"):
        pats.append(l.strip()[3:-1].replace("''", "'"))
if pats: lines.append('\t'.join(pats))
print('\n'.join(lines))
PY

now() { date +%s.%N; }
t0=$(now)
/usr/bin/time -f %M -o rss.txt be-tag -c cb50.yaml --all >/dev/null 2>&1
t1=$(now)
./rxloop patterns.txt texts.txt >rx.out
t2=$(now)
if [ -n "$hs" ] && ! $hs patterns.txt texts.txt >hs.out 2>hs.err; then
	cat hs.err >&2
	exit 2
fi
th=$(now)
while IFS= read -r line; do
	set --
	old=$IFS; IFS='	'
	for p in $line; do set -- "$@" -e "$p"; done
	IFS=$old
	pcre2grep -i -u -c "$@" texts.txt >/dev/null || true
done <patterns.txt
t3=$(now)
echo 0 >rss0.txt
if [ -n "${BENCH_NO_PREFILTER:-}" ]; then
	cp empty.db "$BENUT_STORE"
	BENUT_PREFILTER=0 /usr/bin/time -f %M -o rss0.txt \
	    be-tag -c cb50.yaml --all >/dev/null 2>&1
fi
t4=$(now)
hsname=
if [ -n "$hs" ]; then
	cat hs.err >&2
	# The refused patterns, from hsloop's "N patterns run with PCRE2".
	n=$(sed -n 's/^hsloop: \([0-9]*\) patterns run with PCRE2.*/\1/p' hs.err)
	hsname="Hyperscan (+PCRE2 for ${n:-0})"
	# Not a failure: hsloop's ASCII \b can find a word that rxloop's
	# Unicode \b does not (hsloop.c says why).
	cmp -s rx.out hs.out || echo "bench: warning: hsloop counted" \
	    "$(cat hs.out), rxloop $(cat rx.out)" >&2
fi
awk -v r="$rows" -v a="$t0" -v b="$t1" -v c="$t2" -v d="$t3" -v f="$t4" \
    -v h="$th" -v hn="$hsname" \
    -v m="$(cat rss.txt)" -v m0="$(cat rss0.txt)" \
    'BEGIN { o = b - a; l = c - b; g = d - h; z = f - d; s = h - c;
	printf "tag-50-themes\t%d\t%.3f\tPCRE2 JIT loop\t%.3f\t%.2f\t%d\n",
	r, o, l, l / o, m;
	if (hn != "")
	printf "tag-50-themes\t%d\t%.3f\t%s\t%.3f\t%.2f\t%d\n",
	r, o, hn, s, s / o, m;
	printf "tag-50-themes\t%d\t%.3f\tpcre2grep -i x50\t%.3f\t%.2f\t%d\n",
	r, o, g, g / o, m;
	if (m0 > 0)
	printf "tag-50-no-prefilter\t%d\t%.3f\tPCRE2 JIT loop\t%.3f\t%.2f\t%d\n",
	r, z, l, l / z, m0 }'
