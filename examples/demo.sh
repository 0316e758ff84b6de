#!/bin/sh
# make demo: the three uses of benut on the example exports, in a store of
# its own, ending with the agenda of the next meeting.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/.." && pwd)
export PATH="$top:$PATH" BENUT_SHARE="$top/share"
work=${DEMO_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/benut-demo.XXXXXX")}
export BENUT_STORE="$work/benut.db"
rm -f "$BENUT_STORE" "$BENUT_STORE-wal" "$BENUT_STORE-shm"

echo "== weekly intake (twice: the second run adds nothing)"
sh "$here/weekly-intake.sh"
sh "$here/weekly-intake.sh"
echo
echo "== batch tagging"
sh "$here/batch-tagging.sh"
echo
echo "== the next meeting"
sh "$here/next-meeting.sh" "$work"
echo
cat "$work/agenda.md"
echo
echo "demo: store, agenda.md, agenda.html, vergadering.ics in $work"
