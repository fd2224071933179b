#!/usr/bin/env python3
"""Where `figtrend extract` spends its instructions: on the bytes, or on
the figures.

    scripts/cost_split.py [--figtrend BIN] ARTICLES.jsonl

Counts the instructions of `extract --jobs 1` with callgrind (repeatable
whatever else the machine does, unlike a clock) twice: on the articles,
and on the same articles each followed by a copy of its own text with
every figure taken out (digits and currency signs turned into letters,
number and currency words into "item").  The difference is the cost of
reading text that holds no figure; what is left, less the cost of
starting, is the cost of the figures.  It prints both, per byte and per
figure, next to `wc -w`'s instructions per byte: the speed goal compares
extract with `wc -w`, so this says which of the two costs has to fall.
Needs valgrind; a few minutes on 2 MB.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile

SIGNS = str.maketrans("0123456789$€£¥₩", "abcdefghijsssss")
WORDS = re.compile(
    r"(?i)\b(won|dollars?|yen|euros?|pounds?|yuan|million|billion|trillion|"
    r"hundred|thousand|one|two|three|four|five|six|seven|eight|nine|ten)\b")
HANGUL_NUMERALS = re.compile("[원억조만천백]")


def without_figures(text):
    text = WORDS.sub("item", text.translate(SIGNS))
    return HANGUL_NUMERALS.sub("가", text)


def instructions(cmd, env):
    """Instructions callgrind counts for cmd, and its standard output."""
    with tempfile.NamedTemporaryFile() as out:
        r = subprocess.run(
            ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null"]
            + cmd, stdout=out, stderr=subprocess.PIPE, env=env, check=False)
        m = re.search(rb"refs:\s+([\d,]+)", r.stderr)
        if r.returncode != 0 or not m:
            sys.exit("cost_split: %s failed: %s" %
                     (cmd[0], r.stderr.decode(errors="replace")[-300:]))
        out.seek(0)
        return int(m.group(1).replace(b",", b"")), out.read()


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--figtrend",
                    default=os.path.join(here, "..", "build", "figtrend"))
    ap.add_argument("articles")
    a = ap.parse_args()
    env = dict(os.environ)
    env.setdefault("FIGTREND_DATASETS", os.path.join(here, "..", "datasets"))
    with tempfile.TemporaryDirectory() as tmp:
        twin = os.path.join(tmp, "twin.jsonl")
        added = 0
        with open(a.articles, encoding="utf-8") as f, \
                open(twin, "w", encoding="utf-8") as o:
            for line in f:
                if not line.strip():
                    continue
                d = json.loads(line)
                extra = "\n\n" + without_figures(d.get("text") or "")
                added += len(extra.encode())
                d["text"] = (d.get("text") or "") + extra
                o.write(json.dumps(d, ensure_ascii=False) + "\n")
        empty = os.path.join(tmp, "empty.jsonl")
        open(empty, "w").close()
        size = os.path.getsize(a.articles)
        extract = [a.figtrend, "extract", "--jobs", "1", "--no-header"]
        start, _ = instructions(extract + [empty], env)
        base, rows = instructions(extract + [a.articles], env)
        more, rows2 = instructions(extract + [twin], env)
        wc, _ = instructions(["wc", "-w", a.articles], env)
    figures = rows.count(b"\n")
    per_byte = (more - base) / added
    scanning = per_byte * size
    per_figure = (base - start - scanning) / max(figures, 1)
    print("articles            %s: %.2f MB, %d figures (%d in the twin)" %
          (a.articles, size / 1e6, figures, rows2.count(b"\n")))
    print("extract --jobs 1    %.1f M instructions, %.1f a byte" %
          (base / 1e6, base / size))
    print("  start, no input   %.1f M" % (start / 1e6))
    print("  text, any byte    %.1f a byte (%.1f M here)" %
          (per_byte, scanning / 1e6))
    print("  each figure       %.0f (%.1f M here)" %
          (per_figure, per_figure * figures / 1e6))
    print("wc -w               %.1f M instructions, %.1f a byte" %
          (wc / 1e6, wc / size))


if __name__ == "__main__":
    main()
