#!/usr/bin/env python3
"""Write a JSONL archive for the cluster tests (tests/slurm.sh, tests/parallel.sh).

  python3 tests/cluster_corpus.py OUT.jsonl [--copies N] [--synthetic-mb MB]
                                  [--bad-line]

Every demo article in datasets/articles/ (Title:/Date:/Source: header, blank
line, text) becomes one line, N times over with distinct ids, so that the
archive is long enough to cut into pieces; with --synthetic-mb and
../shared/tools/make_corpus.py present, that much of its synthetic news
follows (one article per blank-line-separated block, headline first).  Every
line has an "id": a line without one is named by its line number, which
differs between a piece and the whole.  --bad-line puts one line that is not
JSON in the middle, so that a run rejects it and keeps the rest (exit 3).
Deterministic: the same arguments give the same bytes.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MAKE_CORPUS = os.path.join(ROOT, "..", "shared", "tools", "make_corpus.py")


def demo_articles():
    folder = os.path.join(ROOT, "datasets", "articles")
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".txt"):
            continue
        with open(os.path.join(folder, name), encoding="utf-8") as f:
            raw = f.read()
        head, sep, text = raw.partition("\n\n")
        meta = {}
        for line in head.splitlines() if sep else []:
            key, colon, value = line.partition(":")
            if colon and key in ("Title", "Date", "Source", "URL"):
                meta[key] = value.strip()
        if not meta:  # no header block: all of it is text
            text = raw
        art = {"id": name[:-4], "text": text}
        if "Date" in meta:
            art["published"] = meta["Date"]
        if "Source" in meta:
            art["source"] = meta["Source"]
        if "Title" in meta:
            art["title"] = meta["Title"]
        if "URL" in meta:
            art["url"] = meta["URL"]
        yield art


def synthetic(mb):
    if mb <= 0 or not os.path.exists(MAKE_CORPUS):
        return
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "corpus.txt")
        subprocess.run([sys.executable, MAKE_CORPUS, "-o", path,
                        "--size-mb", str(mb), "--seed", "20240601"],
                       check=True, stdout=subprocess.DEVNULL)
        with open(path, encoding="utf-8") as f:
            blocks = f.read().split("\n\n")
    for i, block in enumerate(b for b in blocks if b.strip()):
        title, _, text = block.strip("\n").partition("\n")
        yield {"id": "synthetic-%06d" % (i + 1), "published": "2024-06-01",
               "title": title, "text": text}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--copies", type=int, default=3)
    ap.add_argument("--synthetic-mb", type=float, default=0)
    ap.add_argument("--bad-line", action="store_true")
    args = ap.parse_args()
    lines = []
    demo = list(demo_articles())
    for c in range(args.copies):
        for art in demo:
            art = dict(art, id="%s#%d" % (art["id"], c + 1))
            lines.append(json.dumps(art, ensure_ascii=False))
    lines.extend(json.dumps(a, ensure_ascii=False)
                 for a in synthetic(args.synthetic_mb))
    if args.bad_line:
        lines.insert(len(lines) // 2, "this line is not JSON")
    with open(args.out, "w", encoding="utf-8", newline="\n") as f:
        for line in lines:
            f.write(line + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
