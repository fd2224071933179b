#!/usr/bin/env python3
"""Score figtrend on the hand-labelled real news in ../shared/devset/.

Usage: tests/devset.py BINARY [--floors FILE] [--show WHAT] [--file NAME]

Each devset file holds one passage per line with its figures labelled by hand
(../shared/devset/README.md gives the rules).  The passages go into one JSONL
file (id, published, text: the devset's `published` is the article's date,
as `--date` would give it), the binary runs once (`BINARY extract --format
jsonl FILE`), and its rows are matched to the labels:

- a hit is the same amount, the same upper bound (both empty outside a
  range) and the same currency, one to one within a passage, nearest offset
  first;
- over the hits: year (the README's lenient score: the labelled year, or,
  where that is null, empty or the `year_context` a reader infers from the
  whole article), year_strict (the labelled year exactly, empty for null),
  subject (the README's rule: lower-cased, "defence" -> "defense", a leading
  "the" dropped, right when it contains one of `subject_keys`; figures with
  no keys are not scored), country (equal, empty for null) and paired (over
  the hits where the label or figtrend has a paper's conversion: the same
  value and currency on both sides).

It prints, per language of the passage (`en`, `ko`) and per file, amount
precision, recall and F1 and the four accuracies.  With --floors FILE (lines
`LANG METRIC FLOOR`, e.g. `en year 0.95`) it exits 1 when a measured value
is below its floor: floors are what was measured, raised as figtrend
improves, never lowered.

Exit 77 (skipped) when ../shared/devset is absent; 2 when the binary cannot
be run or its output cannot be read.
"""

import argparse
import collections
import json
import os
import subprocess
import sys
import tempfile
from decimal import Decimal, InvalidOperation

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
DEVSET = os.path.join(REPO, "..", "shared", "devset")
FILES = ("news_dev_en.jsonl", "news_dev_ko.jsonl")
METRICS = ("amount_f1", "year", "year_strict", "subject", "country",
           "paired")
SKIP = 77


def dec(v):
    if v is None or v == "":
        return None
    try:
        d = Decimal(str(v))
    except InvalidOperation:
        return None
    return d if d.is_finite() else None


def same_amount(a, b):
    if a is None or b is None:
        return a is None and b is None
    if a == b:
        return True
    return abs(a - b) <= abs(b) * Decimal("1e-9")


def norm_subject(s):
    s = (s or "").lower().replace("defence", "defense").replace("\u2019", "'")
    s = s.strip()
    if s.startswith("the "):
        s = s[4:]
    return s


def load(paths):
    passages = []
    for path in paths:
        name = os.path.basename(path)
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    p = json.loads(line)
                    p["_file"] = name
                    passages.append(p)
    return passages


def run(binary, passages):
    tmp = tempfile.mkdtemp(prefix="devset.")
    path = os.path.join(tmp, "passages.jsonl")
    try:
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            for p in passages:
                art = {"id": p["id"], "text": p["text"]}
                if p.get("published"):
                    art["published"] = p["published"]
                if p.get("source"):
                    art["source"] = p["source"]
                f.write(json.dumps(art, ensure_ascii=False) + "\n")
        proc = subprocess.run([binary, "extract", "--format", "jsonl", path],
                              stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, timeout=300)
    finally:
        try:
            os.remove(path)
        except OSError:
            pass
        os.rmdir(tmp)
    if proc.returncode not in (0, 3):
        sys.stderr.write(proc.stderr.decode("utf-8", "replace"))
        raise RuntimeError("%s exited with status %d"
                           % (binary, proc.returncode))
    rows = collections.defaultdict(list)
    for line in proc.stdout.decode("utf-8").splitlines():
        if line.strip():
            r = json.loads(line)
            rows[r["doc"]].append(r)
    return rows


def cp_offset(text_bytes, byte_off):
    """A byte offset into UTF-8 text as a code-point offset."""
    return len(text_bytes[:byte_off].decode("utf-8", "replace"))


def match(passage, rows):
    """[(gold, row)] one to one, nearest offset first; unmatched lists."""
    gold = passage["figures"]
    tb = passage["text"].encode("utf-8")
    cands = []
    for gi, g in enumerate(gold):
        gv, gh = dec(g["value"]), dec(g.get("value_high"))
        for ri, r in enumerate(rows):
            if (r.get("currency") or "") != g["currency"]:
                continue
            if not same_amount(dec(r.get("amount")), gv):
                continue
            if not same_amount(dec(r.get("amount_max")), gh):
                continue
            dist = abs(cp_offset(tb, r["start"]) - g["start"])
            cands.append((dist, gi, ri))
    cands.sort()
    used_g, used_r, pairs = set(), set(), []
    for _, gi, ri in cands:
        if gi in used_g or ri in used_r:
            continue
        used_g.add(gi)
        used_r.add(ri)
        pairs.append((gold[gi], rows[ri]))
    missed = [g for i, g in enumerate(gold) if i not in used_g]
    extra = [r for i, r in enumerate(rows) if i not in used_r]
    return pairs, missed, extra


def checks(g, r):
    """{metric: ok} for one matched figure (subject only when keyed)."""
    got_year, want_year = r.get("year") or None, g.get("year")
    out = {"year_strict": got_year == want_year,
           "year": got_year == want_year or (
               want_year is None
               and got_year in (None, g.get("year_context"))),
           "country": (r.get("country") or None) == g.get("country")}
    keys = [norm_subject(k) for k in g.get("subject_keys") or []]
    if keys:
        got = norm_subject(r.get("subject"))
        out["subject"] = any(k and k in got for k in keys)
    p = g.get("paired")
    if p is None:
        if r.get("reported_amount") is not None:
            out["paired"] = False
    else:
        out["paired"] = (
            (r.get("reported_currency") or "") == p["currency"]
            and same_amount(dec(r.get("reported_amount")), dec(p["value"])))
    return out


class Tally:
    def __init__(self):
        self.tp = self.fp = self.fn = 0
        self.ok = collections.Counter()
        self.n = collections.Counter()

    def values(self):
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        v = {"amount_p": p, "amount_r": r,
             "amount_f1": 2 * p * r / (p + r) if p + r else 0.0}
        for m in ("year", "year_strict", "subject", "country", "paired"):
            v[m] = self.ok[m] / self.n[m] if self.n[m] else 1.0
        return v

    def line(self, label):
        v = self.values()
        return ("%-18s figures %3d  amount P %.3f R %.3f F1 %.3f  year %.3f"
                " (strict %.3f)  subject %.3f (of %d)  country %.3f  paired"
                " %.3f (of %d)"
                % (label, self.tp + self.fn, v["amount_p"], v["amount_r"],
                   v["amount_f1"], v["year"], v["year_strict"], v["subject"],
                   self.n["subject"], v["country"], v["paired"],
                   self.n["paired"]))


def describe_row(r):
    s = "%s %s" % (r.get("amount"), r.get("currency") or "?")
    if r.get("amount_max") is not None:
        s = "%s..%s %s" % (r.get("amount"), r.get("amount_max"),
                           r.get("currency") or "?")
    return "%s [%s]" % (s, r.get("surface"))


def describe_gold(g):
    s = "%s %s" % (g["value"], g["currency"])
    if g.get("value_high"):
        s = "%s..%s %s" % (g["value"], g["value_high"], g["currency"])
    return "%s [%s]" % (s, g["surface"])


def read_floors(path):
    floors = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            parts = line.split()
            if len(parts) != 3 or parts[1] not in METRICS:
                raise ValueError("%s:%d: expected 'LANG METRIC FLOOR'"
                                 % (path, n))
            floors.append((parts[0], parts[1], float(parts[2])))
    return floors


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("binary")
    ap.add_argument("--floors", metavar="FILE",
                    help="fail when a value is below its floor in FILE")
    ap.add_argument("--show", action="append", default=[],
                    choices=("amount", "year", "year_strict", "subject",
                             "country", "paired"),
                    help="print the passages' misses of this kind")
    ap.add_argument("--file", action="append",
                    help="score only this devset file (default: both)")
    args = ap.parse_args(argv)

    if not os.path.isdir(DEVSET):
        print("devset: skipped (../shared/devset not present)")
        return SKIP
    names = args.file or list(FILES)
    passages = load([os.path.join(DEVSET, n) for n in names])
    binary = os.path.abspath(args.binary) if os.sep in args.binary \
        else args.binary
    try:
        rows = run(binary, passages)
    except (OSError, RuntimeError, ValueError,
            subprocess.SubprocessError) as e:
        print("devset: cannot run %s: %s" % (args.binary, e), file=sys.stderr)
        return 2

    tallies = collections.defaultdict(Tally)
    for p in passages:
        pairs, missed, extra = match(p, rows.get(p["id"], []))
        groups = (p["lang"], p["_file"])
        for t in groups:
            tallies[t].tp += len(pairs)
            tallies[t].fn += len(missed)
            tallies[t].fp += len(extra)
        shown = []
        if "amount" in args.show:
            shown += ["  missed %s" % describe_gold(g) for g in missed]
            shown += ["  extra  %s" % describe_row(r) for r in extra]
        for g, r in pairs:
            for m, ok in checks(g, r).items():
                for t in groups:
                    tallies[t].n[m] += 1
                    tallies[t].ok[m] += ok
                if not ok and m in args.show:
                    want = {"year": (g.get("year"), g.get("year_context")),
                            "year_strict": g.get("year"),
                            "subject": g.get("subject_keys"),
                            "country": g.get("country"),
                            "paired": g.get("paired")}[m]
                    got = {"year": r.get("year"),
                           "year_strict": r.get("year"),
                           "subject": r.get("subject"),
                           "country": r.get("country"),
                           "paired": (r.get("reported_amount"),
                                      r.get("reported_currency"))}[m]
                    shown.append("  %-7s %s: want %r, got %r"
                                 % (m, g["surface"], want, got))
        if shown:
            print("%s (%s): %s" % (p["id"], p.get("published"),
                                   " ".join(p["text"].split())))
            print("\n".join(shown))

    for label in ("en", "ko") + tuple(names):
        if label in tallies:
            print("devset: " + tallies[label].line(label))
    if not args.floors:
        return 0
    try:
        floors = read_floors(args.floors)
    except (OSError, ValueError) as e:
        print("devset: %s" % e, file=sys.stderr)
        return 2
    below = []
    for lang, metric, floor in floors:
        if lang not in tallies:
            continue
        got = tallies[lang].values()[metric]
        if round(got, 3) + 1e-9 < floor:
            below.append("%s %s %.3f < floor %.3f" % (lang, metric, got, floor))
    if below:
        print("devset: below the floor: " + "; ".join(below))
        return 1
    print("devset: every value at or above its floor in %s"
          % os.path.relpath(args.floors, REPO))
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except BrokenPipeError:
        sys.stderr.close()
        sys.exit(1)
