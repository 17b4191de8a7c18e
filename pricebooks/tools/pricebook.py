"""What every price-book builder shares: reading the cited facts, keeping each price's source and date,
choosing between sources, and writing the book (see pricebooks/README.md for the format).

A builder offers prices by key; where several facts give the same key, the newest dated source wins,
undated sources lose to dated ones, and when the losing value differs the row's note says so.
A builder may offer a price as *distrusted* (a source known to be wrong for that slice, with the reason):
a distrusted price loses to any other source's price for the key, whatever the dates, and where it is the
only price for its key it is kept with the reason in its note. The builder reports each such decision.
"""
import csv, os, re, sys
from decimal import Decimal


def facts_dir():
    return sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "../../../shared/pricefacts")


def read_facts(name):
    return list(csv.DictReader(open(os.path.join(facts_dir(), name), newline="")))


def attrs(r):
    out = {}
    for kv in r["sku_or_attributes"].split(";"):
        if "=" in kv:
            k, v = kv.split("=", 1)
            out[k] = v
    return out


# Sources whose date hint names no commit date: the date the book records for them, and why.
SOURCE_DATES = {
    # The file index gives no commit date; in the repository snapshot (2026-04-02..2026-05-20) aws/vms.csv was
    # added on 2026-04-02 and never changed (SOURCES.md, "Added 2026-12-01"), so its data is of about that date.
    ("anycloud-sh/catalog", "aws/vms.csv"): "2026-04-02",
}


def fmt(d):
    return format(d.normalize(), "f")


class Book:
    def __init__(self, book_id, version, effective, description, builder, facts):
        self.id, self.version, self.effective = book_id, version, effective
        self.description, self.builder, self.facts = description, builder, facts
        self.sources = {}  # (repo, path, commit) -> (id, date)
        self.best = {}     # key -> candidate
        self.comments = []  # extra "#" lines for the book's header (what the builder decided and why)
        self.distrusted = {}  # key -> the distrusted candidates offered for it

    def source_of(self, r):
        k = (r["source_repo"], r["source_path"], r["source_commit"])
        if k not in self.sources:
            m = re.search(r"(\d{4}-\d{2}-\d{2})", r["source_date_hint"])
            date = SOURCE_DATES.get(k[:2]) or (m.group(1) if m and "not available" not in r["source_date_hint"] else "undated")
            self.sources[k] = ("S%d" % (len(self.sources) + 1), date)
        return self.sources[k]

    def offer(self, key, unit, price, r, note="", distrust=None):
        """Offers one price. `distrust` is the reason this source is known wrong for this price, or None."""
        price = Decimal(price)
        if price < 0:
            return
        sid, date = self.source_of(r)
        cand = dict(key=key, unit=unit, price=price, sid=sid, date=date, note=note, distrust=distrust)
        if distrust is not None:
            self.distrusted.setdefault(key, []).append(cand)
        cur = self.best.get(key)
        if cur is None:
            self.best[key] = cand
            return
        if cur["unit"] != unit:
            raise SystemExit(f"unit clash for {key}: {cur['unit']} vs {unit}")

        def rank(c):  # trusted first, then newest; undated last
            return (c["distrust"] is None, c["date"] != "undated", c["date"])
        win, lose = (cand, cur) if rank(cand) > rank(cur) else (cur, cand)
        if win["price"] != lose["price"] and lose["distrust"] is None:  # distrusted losers are named in note()
            extra = f"newer than {lose['sid']} ({lose['date']}) which gave {lose['price']}"
            win = dict(win, note=(win["note"] + "; " if win["note"] else "") + extra)
        self.best[key] = win

    def note(self, key):
        """The price's note: the builder's, which other sources gave what, and any distrusted source's reason."""
        c = self.best[key]
        parts = [c["note"]] if c["note"] else []
        if c["distrust"] is not None:  # kept for want of another source: the reason goes with the price
            parts.append(c["distrust"] + "; no other source has this price")
        else:
            for d in self.distrusted.get(key, []):
                if d["price"] != c["price"]:
                    parts.append(f"preferred over {d['sid']} ({d['date']}) which gave {d['price']}: {d['distrust']}")
        return "; ".join(parts)

    def distrust_report(self):
        """(kept, replaced, changed): keys whose distrusted price was kept for want of another source, keys another
        source took over, and those of the latter where the value differs (a same value changes only the citation)."""
        kept = sorted(k for k in self.distrusted if self.best[k]["distrust"] is not None)
        replaced = sorted(k for k in self.distrusted if self.best[k]["distrust"] is None)
        changed = [k for k in replaced if any(d["price"] != self.best[k]["price"] for d in self.distrusted[k])]
        return kept, replaced, changed

    def write(self, out=sys.stdout):
        out.write(f"# costgate price book. Generated by pricebooks/tools/{self.builder} from shared/pricefacts/{self.facts}; do not edit by hand.\n")
        out.write("# Fields are separated by one tab. Records: costgate-pricebook, id, version, effective, currency, description, source, price.\n")
        for c in self.comments:
            out.write(f"# {c}\n")
        out.write("costgate-pricebook\t1\n")
        out.write(f"id\t{self.id}\n")
        out.write(f"version\t{self.version}\n")
        out.write(f"effective\t{self.effective}\n")
        out.write("currency\tUSD\n")
        out.write(f"description\t{self.description}\n")
        used = {c["sid"] for c in self.best.values()}
        for (repo, path, commit), (sid, date) in sorted(self.sources.items(), key=lambda kv: int(kv[1][0][1:])):
            if sid in used:
                out.write(f"source\t{sid}\t{repo}\t{path}\t{commit}\t{date}\n")
        for k in sorted(self.best):
            c = self.best[k]
            note = self.note(k)
            out.write("price\t%s\t%s\t%s\t%s\t%s%s\n" % (k, c["unit"], fmt(c["price"]), c["sid"], c["date"],
                                                       ("\t" + note) if note else ""))
