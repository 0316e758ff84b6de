#!/usr/bin/env python3
"""agreement.py: how well be-tag with a codebook agrees with a person.

	agreement.py [-v] CODEBOOK [LABELLED.tsv]

Takes the hand-labelled stories (default: labelled.tsv beside this script;
columns nr, verhaal, themas with the themes comma-separated) into a fresh
store in a temporary directory with be-collect, applies CODEBOOK with
be-tag --all, and prints per theme how many stories the person gave it
(labelled), how many be-tag gave it (tagged), how many both (both), its
precision and recall, and the stories whose whole set of themes is the
same.  A theme counts for its parent too, on both sides: a story about
'inkomen' is also about 'geldzaken-en-schulden'.  -v lists every story
where they differ.  Uses be-collect and be-tag from PATH; writes nothing
outside its temporary directory.
"""
import os
import subprocess
import sys
import tempfile


def run(args, env, stdin=None):
    p = subprocess.run(args, env=env, stdin=stdin, capture_output=True,
                       text=True)
    if p.returncode != 0:
        sys.exit("agreement.py: %s failed (%d): %s" %
                 (args[0], p.returncode, p.stderr.strip()))
    return p.stdout


def closure(themes, parent):
    out = set()
    for t in themes:
        while t and t not in out:
            out.add(t)
            t = parent.get(t)
    return out


def pct(a, b):
    return "-" if b == 0 else "%d%%" % round(100.0 * a / b)


def main():
    argv = sys.argv[1:]
    verbose = bool(argv) and argv[0] == "-v"
    if verbose:
        argv = argv[1:]
    if not 1 <= len(argv) <= 2:
        sys.exit("usage: agreement.py [-v] codebook [labelled.tsv]")
    codebook = os.path.abspath(argv[0])
    labelled = os.path.abspath(argv[1] if len(argv) > 1 else
                               os.path.join(os.path.dirname(__file__),
                                            "labelled.tsv"))
    rows = []
    with open(labelled, encoding="utf-8") as f:
        next(f)
        for line in f:
            nr, text, themes = line.rstrip("\n").split("\t")
            rows.append((nr, text, [t for t in themes.split(",") if t]))
    with tempfile.TemporaryDirectory() as d:
        env = dict(os.environ, BENUT_STORE=os.path.join(d, "benut.db"))
        inp = os.path.join(d, "verhalen.tsv")
        with open(inp, "w", encoding="utf-8") as f:
            f.write("nr\tverhaal\n")
            for nr, text, _ in rows:
                f.write("%s\t%s\n" % (nr, text))
        refs = [l.split("\t")[0] for l in
                run(["be-collect", inp], env).splitlines()]
        if len(refs) != len(rows):
            sys.exit("agreement.py: %d stories taken in of %d" %
                     (len(refs), len(rows)))
        tagged = {}
        for l in run(["be-tag", "-c", codebook, "--all"], env).splitlines():
            ref, tags = l.split("\t")
            tagged[ref] = [t for t in tags.split(",") if t]
        parent, names = {}, []
        for l in run(["be-tag", "-l"], env).splitlines():
            f = l.split("\t")
            names.append(f[1])
            if f[3]:
                parent[f[1]] = f[3]
    for _, _, themes in rows:
        for t in themes:
            if t not in names:
                sys.exit("agreement.py: unknown theme '%s' in %s" %
                         (t, labelled))
    stats = {n: [0, 0, 0] for n in names}
    same = 0
    for (nr, text, themes), ref in zip(rows, refs):
        want = closure(themes, parent)
        got = closure(tagged.get(ref, []), parent)
        for t in want:
            stats[t][0] += 1
        for t in got:
            stats[t][1] += 1
        for t in want & got:
            stats[t][2] += 1
        if want == got:
            same += 1
        elif verbose:
            print("# %s %s: missed %s, extra %s: %s" %
                  (nr, ref, ",".join(sorted(want - got)) or "-",
                   ",".join(sorted(got - want)) or "-", text))
    print("theme\tlabelled\ttagged\tboth\tprecision\trecall")
    for n in sorted(names):
        lab, tag, both = stats[n]
        print("%s\t%d\t%d\t%d\t%s\t%s" % (n, lab, tag, both, pct(both, tag),
                                          pct(both, lab)))
    print("same themes\t%d of %d stories\t%s" % (same, len(rows),
                                                 pct(same, len(rows))))


if __name__ == "__main__":
    main()
