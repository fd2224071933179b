#!/usr/bin/env python3
"""Write a deterministic synthetic news corpus for benchmarks.

Usage: scripts/gen_corpus.py -o FILE [--size-mb N] [--seed S]

The fallback for scripts/bench.sh when ../shared/tools/make_corpus.py is
not there. Plain UTF-8 text, one paragraph per line; each article is a
headline line, a few paragraph lines and a blank line. Paragraphs mix
English and Korean sentences with money figures in the forms DESIGN.md
lists (won, $, US$, KRW, W, yen, euros, yuan, pounds, 억/조/만, word
numerals, ranges, qualifiers, the paper's own conversion in parentheses)
and decoys that are not money (years, percentages, exchange rates, counts,
measures, "won" the verb, phone numbers, datelines).

Same seed and size, same bytes (Python's random.Random only). This is a
throughput corpus: it carries no truth file.
"""

import argparse
import random
import sys

COMPANIES = [
    "Samsung Electronics", "Hyundai Motor", "SK Hynix", "LG Energy Solution",
    "Hanwha Aerospace", "Korea Aerospace Industries", "Naver", "Kakao",
    "POSCO", "KEPCO", "Toyota", "Sony", "Mitsubishi Heavy Industries",
    "Lockheed Martin", "Airbus", "BAE Systems", "CATL", "Huawei",
]
SUBJECTS = [
    "the defence budget", "the Inter-Korean Cooperation Fund",
    "the KF-21 project", "the K9 howitzer programme", "the space programme",
    "the child nutrition program", "the research budget",
    "the semiconductor subsidy package", "the port expansion project",
    "the AKJCCS project", "the disaster relief fund", "the pension reserve",
]
KO_SUBJECTS = [
    "국방예산", "남북협력기금", "KF-21 사업", "우주개발 예산", "연구개발 예산",
    "반도체 지원 예산", "재난 구호 기금", "아동 급식 지원 사업",
]
KO_COMPANIES = ["삼성전자", "현대차", "SK하이닉스", "한화에어로스페이스",
                "한국항공우주산업", "네이버", "카카오", "포스코"]
CITIES = ["SEOUL", "BUSAN", "TOKYO", "WASHINGTON", "BEIJING", "LONDON"]
MONTHS = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.",
          "Sept.", "Oct.", "Nov.", "Dec."]
WORD_NUMS = ["one", "two", "three", "four", "five", "ten", "twelve",
             "twenty", "fifty"]


def dec(r, lo, hi, places=None):
    """A number between lo and hi written with 0-2 decimals."""
    if places is None:
        places = r.choice((0, 1, 1, 1, 2))
    v = r.uniform(lo, hi)
    return ("%%.%df" % places) % v


def grouped(n):
    return "{:,}".format(n)


class Gen:
    def __init__(self, seed):
        self.r = random.Random(seed)

    # --- money, English ----------------------------------------------------
    def krw(self):
        r = self.r
        k = r.randrange(11)
        if k == 0:
            return "%s billion won" % dec(r, 1, 999)
        if k == 1:
            return "%s trillion won" % dec(r, 0.1, 99)
        if k == 2:
            return "KRW%s trillion" % dec(r, 1, 99, 2)
        if k == 3:
            return "%s billion KRW" % dec(r, 1, 999)
        if k == 4:
            return "W%s billion" % r.randrange(10, 990)
        if k == 5:
            return "₩%s million" % dec(r, 1, 999)
        if k == 6:
            return "%s won" % grouped(r.randrange(1000, 9_999_999))
        if k == 7:
            return "KRW %s billion" % dec(r, 1, 999, 1)
        if k == 8:
            return "%s trillion won" % r.choice(WORD_NUMS)
        if k == 9:
            return "%d trillion %s billion won" % (r.randrange(1, 60),
                                                   dec(r, 1, 999, 1))
        return "%sbn won" % dec(r, 1, 999, 1)

    def foreign(self):
        r = self.r
        k = r.randrange(10)
        if k == 0:
            return "$%s million" % dec(r, 1, 999)
        if k == 1:
            return "US$%s billion" % dec(r, 0.1, 99)
        if k == 2:
            return "%s million dollars" % r.randrange(2, 900)
        if k == 3:
            return "¥%s billion" % dec(r, 1, 999)
        if k == 4:
            return "%s billion yen" % r.randrange(2, 900)
        if k == 5:
            return "€%s million" % dec(r, 1, 999)
        if k == 6:
            return "%s billion yuan" % dec(r, 1, 99)
        if k == 7:
            return "£%sm" % r.randrange(2, 900)
        if k == 8:
            return "USD %s mln" % dec(r, 1, 999, 1)
        return "$%s" % grouped(r.randrange(1000, 999_999))

    def qualified(self, money):
        q = self.r.choice(("about ", "nearly ", "more than ", "some ",
                           "up to ", "at least ", "roughly ", "", "", ""))
        return q + money

    def paired(self, final=False):
        r = self.r
        won = "%s billion won" % dec(r, 10, 999, 1)
        usd = "$%s million" % dec(r, 5, 900, 1)
        k = r.randrange(2 if final else 3)
        if k == 0:
            return "%s (%s)" % (won, usd)
        if k == 1:
            return "%s (%s)" % (usd, won)
        return "%s, or about %s," % (won, usd)

    def rng(self):
        r = self.r
        a = r.randrange(100, 500)
        b = a + r.randrange(10, 400)
        k = r.randrange(3)
        if k == 0:
            return "between $%d million and $%d million" % (a, b)
        if k == 1:
            return "$%d-%d million" % (a, b)
        return "%d billion to %d billion won" % (a, b)

    # --- money, Korean -----------------------------------------------------
    def ko_money(self):
        r = self.r
        k = r.randrange(8)
        if k == 0:
            return "%s억 원" % grouped(r.randrange(10, 9999))
        if k == 1:
            return "%d조 %s억 원" % (r.randrange(1, 90),
                                   grouped(r.randrange(100, 9999)))
        if k == 2:
            return "%d조%d천억원" % (r.randrange(1, 90), r.randrange(1, 9))
        if k == 3:
            return "%d억%d천%d백만원" % (r.randrange(1, 99), r.randrange(1, 9),
                                     r.randrange(1, 9))
        if k == 4:
            return "%d백%d0억원" % (r.randrange(1, 9), r.randrange(1, 9))
        if k == 5:
            return "%s억 달러" % r.randrange(2, 999)
        if k == 6:
            return "%s만 엔" % grouped(r.randrange(10, 9999))
        return "%d억%d천만~%d억%d천만달러" % (r.randrange(1, 40),
                                         r.randrange(1, 9),
                                         r.randrange(41, 90),
                                         r.randrange(1, 9))

    # --- sentences -----------------------------------------------------------
    def year(self):
        return str(self.r.randrange(1995, 2030))

    def en_sentence(self):
        r = self.r
        c = r.choice(COMPANIES)
        s = r.choice(SUBJECTS)
        y = self.year()
        k = r.randrange(16)
        if k == 0:
            return "The government set aside %s for %s in %s." % (
                self.qualified(self.krw()), s, y)
        if k == 1:
            return "Its budget peaked at %s in %s." % (self.paired(), y)
        if k == 2:
            return "%s won the contract, worth %s, in %s." % (
                c, self.qualified(self.foreign()), y)
        if k == 3:
            return ("Spending on %s rose %s percent from %s to %s, up %s "
                    "from a year earlier.") % (s, dec(r, 0.1, 15, 1), y,
                                               self.krw(), self.krw())
        if k == 4:
            return "%s expects sales of %s in fiscal %s." % (
                c, self.rng(), y)
        if k == 5:
            return ("The system will be ready for operations by %s under a "
                    "%s project." % (y, self.paired(final=True)))
        if k == 6:
            return "Parliament cut %s by %s, to %s." % (
                s, self.krw(), self.krw())
        if k == 7:
            return "Shares of %s fell %s%% to %s won." % (
                c, dec(r, 0.1, 9, 1), grouped(r.randrange(1000, 900000)))
        if k == 8:
            return "%s was valued at %s (%s%% of the total)." % (
                s.capitalize(), self.foreign(), dec(r, 1, 60, 1))
        if k == 9:
            if r.random() < 0.5:
                return "%s signed a %s trillion-won deal for %s." % (
                    c, dec(r, 0.5, 20, 1), s)
            return "An additional %s will go to %s next year." % (
                self.krw(), s)
        # decoys: no money at all
        if k == 10:
            return "%s won the %s award, its %s win since %s." % (
                c, y, r.choice(("third", "fifth", "first")),
                self.year())
        if k == 11:
            return ("The army will deploy %d K9 howitzers and %s troops "
                    "along a %d-kilometer front (%d miles).") % (
                r.randrange(10, 300), grouped(r.randrange(1000, 60000)),
                r.randrange(10, 900), r.randrange(10, 500))
        if k == 12:
            return "The exchange rate was US$1=W%s on %s %d." % (
                grouped(r.randrange(1000, 1450)), r.choice(MONTHS),
                r.randrange(1, 29))
        if k == 13:
            return "A %s-ton destroyer entered service in %s." % (
                grouped(r.randrange(1000, 9000)), y)
        if k == 14:
            return "For details call 02-%d-%04d or +82 2 %d %04d." % (
                r.randrange(100, 999), r.randrange(10000),
                r.randrange(100, 999), r.randrange(10000))
        return "Unemployment stood at %s%% in %s, the lowest since %s." % (
            dec(r, 2, 9, 1), y, self.year())

    def ko_sentence(self):
        r = self.r
        c = r.choice(KO_COMPANIES)
        s = r.choice(KO_SUBJECTS)
        y = self.year()
        k = r.randrange(9)
        if k == 0:
            return "정부는 %s년 %s으로 %s을 편성했다." % (y, s, self.ko_money())
        if k == 1:
            return "%s 예산은 약 %s으로 전년보다 %s%% 늘었다." % (
                s, self.ko_money(), dec(r, 0.1, 12, 1))
        if k == 2:
            return "%s는 %s년 매출 %s를 기록했다." % (c, y, self.ko_money())
        if k == 3:
            return "올해 %s은 %s 증액된 %s이다." % (
                s, self.ko_money(), self.ko_money())
        if k == 4:
            return "%s은 %s%%(%s)를 차지했다." % (
                s, dec(r, 1, 40, 1), self.ko_money())
        # decoys
        if k == 5:
            return "%s는 %s년 창립 이후 %s명의 직원을 채용했다." % (
                c, y, grouped(r.randrange(100, 90000)))
        if k == 6:
            return "%s 주가는 %s%% 하락했다." % (c, dec(r, 0.1, 9, 1))
        if k == 7:
            return "사업은 %s년까지 완료될 예정이다." % y
        return "(서울=연합뉴스) 기자 = %s는 %d일 발표했다." % (
            c, r.randrange(1, 31))

    def article(self):
        r = self.r
        c = r.choice(COMPANIES)
        lines = ["%s %s %s" % (c, r.choice(("plans", "wins", "cuts",
                                             "boosts")),
                                r.choice(SUBJECTS))]
        korean = r.random() < 0.3
        for p in range(r.randrange(2, 6)):
            n = r.randrange(2, 7)
            if korean:
                sents = [self.ko_sentence() for _ in range(n)]
            else:
                sents = [self.en_sentence() for _ in range(n)]
            if p == 0 and not korean:
                sents[0] = "%s, %s %d (Yonhap) -- %s" % (
                    r.choice(CITIES), r.choice(MONTHS), r.randrange(1, 29),
                    sents[0])
            lines.append(" ".join(sents))
        return "\n".join(lines) + "\n\n"


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-o", "--out", required=True, help="output file (- for "
                    "standard output)")
    ap.add_argument("--size-mb", type=float, default=20.0,
                    help="stop after this many MB (10^6 bytes); default 20")
    ap.add_argument("--seed", type=int, default=20240601)
    args = ap.parse_args(argv)

    limit = int(args.size_mb * 1_000_000)
    gen = Gen(args.seed)
    out = sys.stdout.buffer if args.out == "-" else open(args.out, "wb")
    written = 0
    chunk = []
    chunk_len = 0
    try:
        while written + chunk_len < limit:
            a = gen.article().encode("utf-8")
            chunk.append(a)
            chunk_len += len(a)
            if chunk_len > 1 << 20:
                out.write(b"".join(chunk))
                written += chunk_len
                chunk, chunk_len = [], 0
        out.write(b"".join(chunk))
    finally:
        if out is not sys.stdout.buffer:
            out.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
