#!/bin/sh
# Weekly intake: takes in every CSV export in a folder and tags the new
# stories with the codebook.  Safe to run from cron and safe to run twice:
# stories already in the store are recognised and not added again.
#
#	# m h dom mon dow  command
#	30 7 * * 1  cd /srv/raad && BENUT_STORE=/srv/raad/benut.db \
#	    sh weekly-intake.sh exports >>intake.log 2>&1
#
# usage: weekly-intake.sh [folder]	(default: the exports beside this script)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
dir=${1:-$here/exports}
codebook=${CODEBOOK:-${BENUT_SHARE:-$here/../share}/codebooks/sociaal-domein.yaml}

new=$(mktemp)
trap 'rm -f "$new"' EXIT

# One transaction per file: a file with an error is refused whole and the
# others still come in; the error names file:line:column.
status=0
be-collect "$dir"/*.csv >"$new" || status=$?

# Tag only what is new this week; be-tag reads the refs from the records.
if [ -s "$new" ]; then
	be-tag -c "$codebook" <"$new" >/dev/null
fi
# $BENUT_NOW, which sets the clock of every benut program, sets this one too.
now=${BENUT_NOW:-$(date -u +%Y-%m-%dT%H:%M:%SZ)}
echo "intake ${now%%T*}: $(wc -l <"$new") new stories"
exit $status
