#!/bin/sh
# The starter codebook against 120 stories labelled by hand
# (tests/codebook/labelled.tsv): per theme how many the person and be-tag
# gave, and the stories whose themes are the same.  The counts are exact;
# a change to the codebook that moves them updates the golden file and the
# figures in share/codebooks/README on purpose.
. "${0%/*}/lib.sh"
plan 2

run python3 "$TOP/tests/codebook/agreement.py" \
    "$TOP/share/codebooks/sociaal-domein.yaml"
is_rc 0 "agreement computed"
golden codebook-agreement
