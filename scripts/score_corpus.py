#!/usr/bin/env python3
"""Measure figtrend extract against a make_corpus.py corpus and its truth.

Usage:
  scripts/score_corpus.py BINARY [--size-mb 2] [--seed N]
  scripts/score_corpus.py BINARY --corpus FILE --truth FILE

Generates a corpus with ../shared/tools/make_corpus.py --truth (or takes
one), writes it as .jsonl with one article per corpus article (the lines
between blank lines; --unit line makes every line its own article), runs
`BINARY extract` once, maps each row's byte offsets back to (corpus line,
code-point offset) and compares with the truth by (line, value, currency).
A truth value LO..HI is a range: it matches a row with amount LO and
amount_max HI. Values compare as exact decimals.

The truth has one row per money mention; a "paired" mention is a figure and
the paper's own conversion of it (two truth rows, in the order printed,
e.g. `561.0bln won` then `$507.1 mln`). figtrend writes such a pair as one
row with reported_amount/reported_currency, so it is scored two ways:
  all mentions  - each figtrend row counts as its figure plus, when present,
                  its reported conversion; against every truth row;
  figures only  - figtrend figures against truth rows without the second
                  (conversion) row of each pair;
and "conversions linked" counts the pairs that came out as one row with the
right figure and the right reported conversion.

Then the most frequent missed and spurious surfaces (grouped by shape,
digits replaced by 9) and examples of wrong values. A measuring tool:
exit 0 unless something cannot run. Skips (exit 0) when make_corpus.py is
absent and no --corpus is given.
"""

import argparse
import bisect
import collections
import csv
import io
import json
import os
import re
import subprocess
import sys
import tempfile
from decimal import Decimal, InvalidOperation

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
MAKE_CORPUS = os.path.join(REPO, "..", "shared", "tools", "make_corpus.py")


# --- values --------------------------------------------------------------
def dec(s):
    s = (s or "").strip()
    if not s:
        return None
    try:
        d = Decimal(s)
    except (InvalidOperation, ValueError):
        return None
    return d if d.is_finite() else None


def canon(d):
    if d is None:
        return None
    if d == 0:
        return "0"
    return format(d.normalize(), "f")


def value_key(lo, hi=None):
    """(lo, hi) canonical strings; hi None unless a range."""
    return (canon(lo), canon(hi) if hi is not None else None)


def show_value(k):
    lo, hi = k
    lo = lo if lo is not None else "?"
    return lo if hi is None else "%s..%s" % (lo, hi)


def shape(s):
    return re.sub(r"\d+", "9", " ".join(s.split()))


# --- input -----------------------------------------------------------------
def read_truth(path):
    rows = []
    nlines = None
    with open(path, encoding="utf-8", newline="") as f:
        for raw in f:
            line = raw.rstrip("\n").rstrip("\r")
            if line.startswith("#lines"):
                try:
                    nlines = int(line.split()[1])
                except (IndexError, ValueError):
                    pass
                continue
            if not line or line.startswith("#"):
                continue
            c = line.split("\t")
            if len(c) < 8:
                raise ValueError("%s: short truth row: %r" % (path, line))
            val = c[4]
            if ".." in val:
                lo, hi = val.split("..", 1)
                key = value_key(dec(lo), dec(hi))
            else:
                key = value_key(dec(val))
            rows.append({
                "line": int(c[0]), "start": int(c[1]), "end": int(c[2]),
                "text": c[3], "key": key, "cur": c[6] or c[5],
                "kind": c[7], "year": c[8] if len(c) > 8 else "",
                "role": "figure",
            })
    # Pairs: per line, the paired rows in printed order, two by two.
    byline = collections.defaultdict(list)
    for t in rows:
        if t["kind"] == "paired":
            byline[t["line"]].append(t)
    pairs = []
    odd = 0
    for ln, ts in byline.items():
        ts.sort(key=lambda t: t["start"])
        if len(ts) % 2:
            odd += 1
        for a, b in zip(ts[0::2], ts[1::2]):
            b["role"] = "conversion"
            pairs.append((a, b))
    return rows, pairs, nlines, odd


def make_articles(lines, unit):
    """[(id, first line no, [line byte starts], text)] from corpus lines."""
    arts = []
    cur = []
    first = None

    def flush():
        if cur:
            text = "\n".join(lines[i - 1] for i in cur)
            starts = []
            pos = 0
            for i in cur:
                starts.append(pos)
                pos += len(lines[i - 1].encode("utf-8")) + 1
            arts.append(("L%d" % first, first, starts, text))

    for no, text in enumerate(lines, 1):
        if not text.strip():
            flush()
            cur, first = [], None
            continue
        if unit == "line":
            cur, first = [no], no
            flush()
            cur, first = [], None
            continue
        if first is None:
            first = no
        cur.append(no)
    flush()
    return arts


def run(binary, jsonl):
    proc = subprocess.run([binary, "extract", "--format", "csv", jsonl],
                          stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE)
    return proc.stdout, proc.stderr, proc.returncode


def read_rows(out):
    text = out.decode("utf-8", errors="replace")
    r = csv.reader(io.StringIO(text, newline=""))
    head = next(r, None)
    if head is None:
        return []
    head = [h.strip().lstrip("\ufeff") for h in head]
    for need in ("doc", "start", "end", "amount", "currency"):
        if need not in head:
            raise ValueError("output has no %r column; header %r"
                             % (need, head))
    col = {n: i for i, n in enumerate(head)}
    rows = []
    for row in r:
        if not row:
            continue
        rows.append({n: (row[i] if i < len(row) else "")
                     for n, i in col.items()})
    return rows


# --- scoring ---------------------------------------------------------------
def match(truth, found):
    """Multiset match by (line, key, cur). Marks t['hit'] / f['hit']."""
    idx = collections.defaultdict(list)
    for f in found:
        f["hit"] = False
        idx[(f["line"], f["key"], f["cur"])].append(f)
    tp = 0
    for t in truth:
        t["hit"] = False
        cands = idx.get((t["line"], t["key"], t["cur"]))
        if cands:
            f = cands.pop(0)
            f["hit"] = t["hit"] = True
            tp += 1
    return tp


def prf(tp, nt, nf):
    p = tp / nf if nf else 0.0
    r = tp / nt if nt else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f1


def classify(t, f):
    """Why a found mention overlapping a missed truth mention is wrong."""
    tl, th = t["key"]
    fl, fh = f["key"]
    if t["cur"] != f["cur"]:
        if t["key"] == f["key"]:
            return "currency"
        return "value+currency"
    if tl == fl and th != fh:
        return "range end"
    a, b = dec(tl), dec(fl)
    if a is not None and b is not None:
        if a == -b:
            return "sign"
        if a != 0 and b != 0:
            q = abs(b / a)
            for e in range(-12, 13):
                if e and q == Decimal(10) ** e:
                    return "scale (x1e%d)" % e
    return "value"


def same_surface(text, surface):
    """surface is text, or text neutralised for spreadsheets ('=... etc)."""
    if surface == text:
        return True
    return text[:1] in ("=", "+", "-", "@", "\t", "\r") \
        and surface == "'" + text


def context(lines, ln, s, e, width=40):
    text = lines[ln - 1] if 0 < ln <= len(lines) else ""
    a = max(0, s - width)
    b = min(len(text), e + width)
    return "%s[%s]%s" % (("..." if a else "") + text[a:s], text[s:e],
                         text[e:b] + ("..." if b < len(text) else ""))


def main(argv):
    ap = argparse.ArgumentParser(
        description="Score figtrend extract against make_corpus.py truth.")
    ap.add_argument("binary")
    ap.add_argument("--size-mb", type=float, default=2.0)
    ap.add_argument("--seed", type=int)
    ap.add_argument("--corpus", help="an existing corpus (with --truth)")
    ap.add_argument("--truth", help="its truth TSV")
    ap.add_argument("--unit", choices=("article", "line"), default="article",
                    help="one .jsonl article per corpus article (default) "
                    "or per line")
    ap.add_argument("--top", type=int, default=30,
                    help="how many missed/spurious shapes to list")
    ap.add_argument("--examples", type=int, default=20,
                    help="how many wrong-value examples to list")
    ap.add_argument("--keep", metavar="DIR",
                    help="keep corpus, truth, jsonl and output in DIR")
    args = ap.parse_args(argv)

    if bool(args.corpus) != bool(args.truth):
        ap.error("--corpus and --truth go together")
    if not args.corpus and not os.path.isfile(MAKE_CORPUS):
        print("score-corpus: skipped (../shared/tools/make_corpus.py "
              "not present)")
        return 0

    work = args.keep or tempfile.mkdtemp(prefix="score_corpus.")
    os.makedirs(work, exist_ok=True)
    try:
        return score(args, work)
    finally:
        if not args.keep:
            for n in os.listdir(work):
                os.remove(os.path.join(work, n))
            os.rmdir(work)


def score(args, work):
    if args.corpus:
        corpus, truth_path = args.corpus, args.truth
        origin = corpus
    else:
        corpus = os.path.join(work, "corpus.txt")
        truth_path = os.path.join(work, "truth.tsv")
        cmd = [sys.executable, MAKE_CORPUS, "-o", corpus, "--size-mb",
               str(args.size_mb), "--truth", truth_path]
        if args.seed is not None:
            cmd += ["--seed", str(args.seed)]
        subprocess.run(cmd, check=True)
        origin = "make_corpus.py --size-mb %s%s" % (
            args.size_mb, "" if args.seed is None else " --seed %d" % args.seed)

    with open(corpus, encoding="utf-8", newline="") as f:
        lines = f.read().split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    truth, pairs, nlines, odd = read_truth(truth_path)
    if nlines is not None and nlines != len(lines):
        print("score-corpus: warning: truth says %d lines, corpus has %d"
              % (nlines, len(lines)))
    if odd:
        print("score-corpus: warning: %d lines with an odd number of "
              "paired truth rows" % odd)
    for t in truth:
        ln = lines[t["line"] - 1] if 0 < t["line"] <= len(lines) else ""
        if ln[t["start"]:t["end"]] != t["text"]:
            print("score-corpus: warning: truth offsets off at line %d: %r"
                  % (t["line"], t["text"]))
            break

    arts = make_articles(lines, args.unit)
    byid = {a[0]: a for a in arts}
    jsonl = os.path.join(work, "corpus.jsonl")
    with open(jsonl, "w", encoding="utf-8", newline="\n") as f:
        for aid, _, _, text in arts:
            f.write(json.dumps({"id": aid, "source": "make_corpus",
                                "text": text}, ensure_ascii=False) + "\n")

    binary = os.path.abspath(args.binary) if os.sep in args.binary \
        else args.binary
    try:
        out, err, rc = run(binary, jsonl)
    except OSError as e:
        print("score-corpus: cannot run %s: %s" % (args.binary, e),
              file=sys.stderr)
        return 2
    if args.keep:
        with open(os.path.join(work, "figures.csv"), "wb") as f:
            f.write(out)
    if rc not in (0, 3):
        sys.stderr.write(err.decode("utf-8", errors="replace")[-2000:])
        print("score-corpus: %s exited %d" % (args.binary, rc),
              file=sys.stderr)
        return 2
    try:
        rows = read_rows(out)
    except (ValueError, csv.Error) as e:
        print("score-corpus: cannot read the output: %s" % e, file=sys.stderr)
        return 2

    # figtrend rows -> mentions on corpus lines
    found = []      # figure mentions
    reported = []   # the papers' conversions attached to rows
    bad_doc = bad_off = bad_surface = 0
    for r in rows:
        art = byid.get(r["doc"])
        try:
            bs, be = int(r["start"]), int(r["end"])
        except ValueError:
            art = None
        if art is None:
            bad_doc += 1
            continue
        aid, first, starts, text = art
        b = text.encode("utf-8")
        if not 0 <= bs <= be <= len(b):
            bad_off += 1
            continue
        li = bisect.bisect_right(starts, bs) - 1
        ln = first + li
        lb = b[starts[li]:]
        s = len(lb[:bs - starts[li]].decode("utf-8", errors="replace"))
        e = s + len(b[bs:be].decode("utf-8", errors="replace"))
        if "surface" in r and not same_surface(
                b[bs:be].decode("utf-8", "replace"), r["surface"]):
            bad_surface += 1
        hi = dec(r.get("amount_max", ""))
        f = {"line": ln, "start": s, "end": e, "row": r,
             "key": value_key(dec(r["amount"]), hi),
             "cur": r["currency"], "surface": r.get("surface", ""),
             "role": "figure"}
        found.append(f)
        rk = dec(r.get("reported_amount", ""))
        if rk is not None or r.get("reported_amount", "").strip():
            reported.append({"line": ln, "start": s, "end": e, "row": r,
                             "key": value_key(rk),
                             "cur": r.get("reported_currency", ""),
                             "surface": r.get("surface", "") + " (reported "
                             + r.get("reported_amount", "") + " "
                             + r.get("reported_currency", "") + ")",
                             "role": "reported"})

    print("score-corpus: %s: %d lines, %d articles (unit %s); truth %d "
          "mentions (%d pairs); figtrend %d rows, %d with a reported "
          "conversion" % (origin, len(lines), len(arts), args.unit,
                          len(truth), len(pairs), len(rows), len(reported)))
    if bad_doc or bad_off or bad_surface:
        print("  rows with unknown doc or bad offsets: %d, %d; rows whose "
              "surface is not the text at [start,end): %d"
              % (bad_doc, bad_off, bad_surface))
    if rc == 3:
        print("  note: exit 3 (some inputs rejected): %s"
              % err.decode("utf-8", "replace").strip().splitlines()[:1])

    # 1. figures only
    figs_t = [t for t in truth if t["role"] == "figure"]
    tp = match(figs_t, found)
    p, r_, f1 = prf(tp, len(figs_t), len(found))
    print("figures only:  P %.4f  R %.4f  F1 %.4f   (tp %d, fp %d, fn %d)"
          % (p, r_, f1, tp, len(found) - tp, len(figs_t) - tp))

    # 2. all mentions (conversions counted as mentions) - the detailed one
    allf = found + reported
    tp = match(truth, allf)
    p, r_, f1 = prf(tp, len(truth), len(allf))
    print("all mentions:  P %.4f  R %.4f  F1 %.4f   (tp %d, fp %d, fn %d)"
          "  [figures + papers' conversions]"
          % (p, r_, f1, tp, len(allf) - tp, len(truth) - tp))

    by_kind = collections.defaultdict(lambda: [0, 0])
    for t in truth:
        k = t["kind"] + ("/conv" if t["role"] == "conversion" else "")
        by_kind[k][1] += 1
        by_kind[k][0] += t["hit"]
    print("recall by kind: " + ", ".join(
        "%s %d/%d" % (k, h, n) for k, (h, n) in sorted(by_kind.items())))

    # 3. conversions linked
    rows_on = collections.defaultdict(list)
    for f in found:
        rows_on[f["line"]].append(f)
    stat = collections.Counter()
    for a, b in pairs:
        ak, bk = (a["key"], a["cur"]), (b["key"], b["cur"])
        got = rows_on.get(a["line"], [])

        def rep(f):
            r = f["row"]
            return (value_key(dec(r.get("reported_amount", ""))),
                    r.get("reported_currency", ""))
        figs = {(f["key"], f["cur"]) for f in got}
        if any((f["key"], f["cur"]) == ak and rep(f) == bk for f in got):
            stat["linked"] += 1
        elif any((f["key"], f["cur"]) == bk and rep(f) == ak for f in got):
            stat["reversed"] += 1
        elif ak in figs and bk in figs:
            stat["split into two rows"] += 1
        elif ak in figs:
            stat["figure, conversion not linked"] += 1
        elif bk in figs:
            stat["only the conversion, as a figure"] += 1
        else:
            stat["figure missed"] += 1
    n = len(pairs)
    rest = ", ".join("%s %d" % (k, v) for k, v in stat.most_common()
                     if k != "linked")
    print("conversions linked: %d of %d pairs (%.1f%%)%s"
          % (stat["linked"], n, 100.0 * stat["linked"] / n if n else 0.0,
             "; " + rest if rest else ""))

    # 4. wrong values: missed truth overlapping an unmatched found figure
    free = collections.defaultdict(list)
    for f in found:
        if not f["hit"]:
            free[f["line"]].append(f)
    wrong = []
    near = set()
    for t in truth:
        if t["hit"]:
            continue
        for f in free.get(t["line"], []):
            if id(f) in near:
                continue
            if f["start"] < t["end"] and t["start"] < f["end"]:
                wrong.append((classify(t, f), t, f))
                near.add(id(f))
                t["near"] = True
                break
    missed = [t for t in truth if not t["hit"]]
    spurious = [f for f in allf if not f["hit"]]
    why = collections.Counter(w[0] for w in wrong)
    print("missed %d (%d found with a wrong value or currency, %d not "
          "found); spurious %d (%d of them those wrong values)"
          % (len(missed), len(wrong), len(missed) - len(wrong),
             len(spurious), len(wrong)))
    if why:
        print("  wrong, by cause: " + ", ".join(
            "%s %d" % kv for kv in why.most_common()))
    if wrong and args.examples > 0:
        print("\nwrong values (first %d): truth -> figtrend" % args.examples)
        seen = collections.Counter()
        shown = 0
        for cause, t, f in wrong:
            sk = (cause, shape(t["text"]))
            seen[sk] += 1
            if seen[sk] > 1 or shown >= args.examples:
                continue
            shown += 1
            print("  %-14s line %d: %s %s -> %s %s   %s"
                  % (cause, t["line"], show_value(t["key"]), t["cur"],
                     show_value(f["key"]), f["cur"] or "(none)",
                     context(lines, t["line"], t["start"], t["end"], 30)))

    def top(items, label, text_of, val_of):
        groups = collections.Counter()
        example = {}
        for it in items:
            sh = shape(text_of(it))
            groups[sh] += 1
            example.setdefault(sh, it)
        print("\ntop %s (%d, %d shapes; digits shown as 9):"
              % (label, len(items), len(groups)))
        for sh, c in groups.most_common(args.top):
            it = example[sh]
            print("  %5d  %-34s e.g. %s" % (c, sh, val_of(it)))

    top(missed, "missed", lambda t: t["text"],
        lambda t: "%s %s [%s%s] %s" % (
            show_value(t["key"]), t["cur"], t["kind"],
            "/conv" if t["role"] == "conversion" else "",
            context(lines, t["line"], t["start"], t["end"], 30)))
    top(spurious, "spurious", lambda f: f["surface"],
        lambda f: "%s %s%s %s" % (
            show_value(f["key"]), f["cur"] or "(none)",
            " [reported]" if f["role"] == "reported" else "",
            context(lines, f["line"], f["start"], f["end"], 30)))
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except BrokenPipeError:
        sys.stderr.close()
        sys.exit(1)
