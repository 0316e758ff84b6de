#!/bin/sh
# The literal pre-filter (lib/lits.c) never changes a tag: be-tag with it
# (the default) and without it (BENUT_PREFILTER=0, every pattern on every
# story) write the same tags, rules and matched words and print the same,
# on 2,000 generated stories and on stories with letters that PCRE2 folds
# in its own way (ë, ï, é, ß, İ, the Kelvin sign, the long s), and with
# patterns searched in windows before their literals (tag/fold.yaml's
# theme venster).
. "${0%/*}/lib.sh"
plan 10
export BENUT_NOW=2026-03-01T10:00:00Z

python3 "$TOP/tests/bench/gen_stories.py" --rows 2000 --seed 15 \
    --out stories.csv
new_store
be-collect stories.csv >/dev/null 2>&1
printf '"%s"\n' Verhaal 'CHLOË en Chloë, ANAÏS en Noël' 'STRAẞE, GROẞE weiß' \
    'İSTANBUL en İZMİR' 'ISPANAK en ispanak' \
    'Kees en ſchulden, SKI en SKY' 'CAFÉ CRÈME, ÉÉN keer' \
    'REÏNTEGRATIE en FINANCIËLE zorgen' 'cafés, reintegratie, keesje' \
    'Ik lag – écht – drie weken ziek; Één keer gebeld' \
    'ZORGTOESLAG… 12 KEER GEBELD, niet ëcht geholpen' |
    be-collect >/dev/null 2>&1
is "$(q 'SELECT count(*) FROM story')" 2010 "2,010 stories"
cp "$BENUT_STORE" off.db
cp "$TOP"/share/codebooks/sociaal-domein.yaml "$FIX"/tag/fold.yaml .

# tags STORE: what be-tag wrote, in order.
tags() {
	sqlite3 -batch "$1" "SELECT st.story_id, t.name, st.origin,
	  st.present, c.name, st.rule, st.matched FROM story_tag st
	  JOIN tag t ON t.id = st.tag_id JOIN codebook c ON c.id = st.codebook_id
	  ORDER BY 1, 2"
}
for cb in sociaal-domein fold; do
	be-tag -c $cb.yaml --all >on-$cb.out 2>on-$cb.err
	BENUT_PREFILTER=0 be-tag -s off.db -c $cb.yaml --all >off-$cb.out \
	    2>off-$cb.err
	ok "cmp -s on-$cb.out off-$cb.out && cmp -s on-$cb.err off-$cb.err" \
	    "$cb: the same records and summary without the pre-filter"
done
tags "$BENUT_STORE" >on.tags
tags off.db >off.tags
ok 'cmp -s on.tags off.tags' "the same tags, rules and matched words"
ok '[ "$(wc -l <on.tags)" -gt 4000 ]' "many tags to compare ($(wc -l <on.tags))"
is "$(cat on-sociaal-domein.err)" \
    "be-tag: 2010 stories: $(grep -c 'sociaal-domein|' on.tags) tags added, 0 removed, 0 updated" \
    "the summary counts them"
is "$(tail -10 on-fold.out)" "S-2001	namen
S-2002	straat
S-2003	
S-2004	
S-2005	geldzaken-en-schulden,kelvin
S-2006	accent
S-2007	accent,geldzaken-en-schulden,werk-en-re-integratie
S-2008	werk-en-re-integratie
S-2009	accent,venster,wachttijden
S-2010	bereikbaarheid,inkomen,venster" \
    "caseless as PCRE2: ẞ is ß, İ is not i nor ı I, K and ſ are k and s; windows that begin inside a letter"
is "$(grep '^2005|kelvin|' on.tags)" "2005|kelvin|rule|1|vouwen|\\bkees\\b|Kees" \
    "the first pattern that matched and its words"
refs=$(awk -F'|' 'NR % 97 == 1 { printf "S-%d ", $1 }' on.tags)
run be-tag --explain $refs S-2001 S-2005
cp "$OUT" on.explain
run be-tag -s off.db --explain $refs S-2001 S-2005
ok 'cmp -s on.explain "$OUT"' "--explain says the same"
is "$(grep '^S-2005	kelvin' on.explain)" \
    'S-2005	kelvin	rule	vouwen@b2a64edd339c	\\bkees\\b	Kees	2026-03-01T10:00:00Z' \
    "--explain names the pattern that matched"
done_testing
