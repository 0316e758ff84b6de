#!/bin/sh
# Bash completion (share/completion/benut): the five programs complete
# their options, the choices of an option, command words, themes, refs
# from the store (also one named with -s on the line) and the states a
# point may move to, all taken from the programs themselves.
. "${0%/*}/lib.sh"
plan 24
export BENUT_NOW=2026-03-01T10:00:00Z

printf 'verhaal\nDe regiotaxi kwam te laat.\nIk wacht al weken op de wachtlijst.\n' >in.csv
be-collect in.csv >/dev/null 2>&1
be-tag -c "$TOP/share/codebooks/sociaal-domein.yaml" --all >/dev/null 2>&1
be-point new "Taxi te laat" S-1 >/dev/null 2>&1
mkdir -p sub cb && touch cb.yaml notes.txt

# comp WORD...: what bash completes for the last word (empty: the
# cursor after a space), one line, as the user would get it.
comp() {
	bash --norc --noprofile -c '. "$0"
		COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMP_LINE="$*"
		_benut; printf "%s\n" "${COMPREPLY[*]}"' \
	    "$TOP/share/completion/benut" "$@"
}

is "$(bash --norc --noprofile -c '. "$0"; for p in be-collect be-find be-tag be-point be-agenda be-report; do complete -p $p; done' \
    "$TOP/share/completion/benut")" "complete -F _benut be-collect
complete -F _benut be-find
complete -F _benut be-tag
complete -F _benut be-point
complete -F _benut be-agenda
complete -F _benut be-report" "complete -p: all six programs"
is "$(comp be-tag --ch)" "--check" "an option by its prefix"
is "$(comp be-collect --no)" "--no-index" "the options come from --help"
is "$(comp be-find --sh)" "--share-dir" "and those every program has"
is "$(comp be-collect --use '')" "count no quote" "the choices of an option from the usage"
is "$(comp be-agenda --lang '')" "en nl" "--lang"
is "$(comp be-report --per '')" "kwartaal maand" "be-report --per"
is "$(comp be-report -f '')" "html md yaml" "be-report -f"
is "$(comp be-tag +)" "$(be-tag -l | cut -f2 | sed 's/^/+/' | tr '\n' ' ' | sed 's/ $//')" \
    "every theme after be-tag +"
is "$(comp be-tag +ver)" "+vervoer" "a theme by its prefix"
is "$(comp be-tag -- -wacht)" "-wachttijden" "a theme to take off after --"
is "$(comp be-find -t wacht)" "wachttijden" "be-find -t: a theme"
is "$(comp be-tag +vervoer S-)" "S-1 S-2" "refs of stories from the store"
is "$(comp be-point show '')" "P-1" "refs of points"
is "$(comp be-point '')" "answer edit new show state suggest update" \
    "be-point's command words"
is "$(comp be-point state P-1 '')" "gereed vervallen" \
    "the states P-1 may move to"
is "$(comp be-point --state ge)" "gereed geagendeerd" "--state: a state"
is "$(comp be-point answer P-1 '')" "overgenomen deels afgewezen" "outcomes"
is "$(comp be-agenda '')" "P-1 action outcome recipients show" \
    "be-agenda: points and command words"
is "$(comp be-tag -c '')" "cb.yaml cb sub" "a codebook: YAML files and folders"
is "$(comp be-tag --export-qdpx no)" "notes.txt" \
    "an option whose argument the usage calls file: any file"

mv benut.db other.db; mv benut.db-wal other.db-wal 2>/dev/null
mv benut.db-shm other.db-shm 2>/dev/null
unset BENUT_STORE
is "$(comp be-tag -s other.db +wo)" "+wonen" "a store named with -s on the line"
is "$(comp be-tag --store "$T/other.db" +verv)" "+vervoer" "or with --store"
is "$(comp be-tag +wo):$(ls | grep -c '^benut\.db')" ":0" \
    "no store here: nothing, and none is made"
