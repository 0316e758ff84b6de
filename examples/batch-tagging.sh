#!/bin/sh
# Batch tagging by a coordinator: check the codebook against its own
# examples, tag every story that has no theme yet, look at the counts,
# then fix a few by hand.
#
# usage: batch-tagging.sh
set -eu
here=$(cd "$(dirname "$0")" && pwd)
codebook=${CODEBOOK:-${BENUT_SHARE:-$here/../share}/codebooks/sociaal-domein.yaml}

# 1. The codebook's examples must still hold (exit 2 if one fails).
be-tag --check "$codebook"

# 2. What would change, then the real run on the untagged stories.
be-tag -c "$codebook" -n --untagged | head -5
be-tag -c "$codebook" --untagged >/dev/null

# 3. The themes with their counts, largest first.
be-tag -l | sort -t "$(printf '\t')" -k3,3nr | cut -f2,3 | head -8

# 4. Fixes by hand.  A letter about the Participatiewet is not about work:
be-find -q participatiewet | be-tag -werk-en-re-integratie >/dev/null
# Every story that mentions an interpreter is about language:
be-find -q 'tolk*' | be-tag +taal >/dev/null
# A rerun of the codebook leaves the hand-made changes alone:
be-tag -c "$codebook" --all >/dev/null

# 5. Why does the first story about language have its themes?
be-find -t taal | head -1 | cut -f1 | xargs be-tag --explain
