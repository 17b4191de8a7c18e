"""Rule module for the existing Azure pricers (helper azgcp-old): storage-account golden rows keyed by the account's
configuration, which the test resource's name or attributes state (`storagev2["StorageV2.Standard.LRS.Hot"]`,
`file["FileStorage.Premium.ZRS.Cool"]`, `standard["LRS"]`, or tf.account_tier/... ).

Key: azure/storage/REGION/KIND/TIER-REPLICATION-ACCESS[-nfsv3]/slug(COMPONENT)/slug(UNIT), with access `premium` for
the Premium tier and `standard` for general-purpose v1 accounts (neither has access tiers), as Swift's
AzureStorageAccountPricer asks for it.
"""
import re
import sys, os
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from pricebook import slug

NAMED = re.compile(r'\.(storagev2|storagev1|blob|blockblob|file|nfsv3_storagev2|nfsv3_blockblob|standard|inline_key)\["+([\w.-]+?)"+\]')


def config(g):
    """(kind, tier, replication, access, nfsv3) of the row's test resource, or None when nothing says it."""
    m = NAMED.search(g.example)
    if m:
        group, parts = m.group(1), m.group(2).split(".")
        if group in ("standard", "inline_key"):
            parts = ["StorageV2", "Standard", parts[0]]
        if len(parts) < 3:
            return None
        access = parts[3] if len(parts) > 3 else "Hot"
        return parts[0], parts[1], parts[2], access, group.startswith("nfsv3")
    t = g.tfa
    if t.get("account_tier") and t.get("account_replication_type"):
        # no account_kind among the attributes set: StorageV2 (the provider's default), unless the test account
        # shows lines only file accounts have
        kind = t.get("account_kind") or ("FileStorage" if (g.row["source_path"], g.example) in FILE_ACCOUNTS else "StorageV2")
        return (kind, t["account_tier"], t["account_replication_type"], t.get("access_tier", "Hot"),
                t.get("nfsv3_enabled") == "true")
    return None


FILE_ONLY = {"Data at rest", "Snapshots", "Metadata at rest", "List operations"}


def _file_accounts():
    from pricebook import read_facts, attrs
    out = set()
    for r in read_facts("azure.csv"):
        a = attrs(r)
        if a.get("tf_resource") == "azurerm_storage_account" and a.get("component") in FILE_ONLY:
            out.add((r["source_path"], a.get("example", "")))
    return out


FILE_ACCOUNTS = _file_accounts()


def storage_key(region, kind, tier, replication, access, nfsv3, component, unit):
    kind, tier = kind.lower(), tier.lower()
    repl = replication.lower().replace("ragzrs", "ra-gzrs").replace("ragrs", "ra-grs")
    access = "premium" if tier == "premium" else ("standard" if kind == "storage" else access.lower())
    return f"azure/storage/{region}/{kind}/{tier}-{repl}-{access}{'-nfsv3' if nfsv3 else ''}/{slug(component)}/{slug(unit)}"


def prices(g):
    if g.tf != "azurerm_storage_account":
        return None
    c = config(g)
    if c is None:
        return None
    return [(storage_key(g.region, *c, g.component, g.unit), g.unit, g.price, "keyed by the test account's kind, tier, replication and access tier")]


# A label with one price in every test resource that shows it is kept once in the facts (no "other prices" note):
# that price is keyed for every account configuration of the same golden file and region, since any of them that
# shows the label shows that price.
def _configs():
    from pricebook import read_facts, GoldenRow
    seen, label_prices = {}, {}
    for r in read_facts("azure.csv"):
        if "tf_resource=azurerm_storage_account;" not in r["sku_or_attributes"]:
            continue
        g = GoldenRow(r)
        label_prices.setdefault((g.region, g.component, g.unit), set()).add(g.price)
        c = config(g)
        if c is not None:
            seen.setdefault((g.region, r["source_path"]), set()).add(c)
    return seen, label_prices


CONFIGS, LABEL_PRICES = _configs()
_plain_prices = prices


def prices(g):  # noqa: F811 (extends the rule above)
    out = _plain_prices(g)
    # spread only a label with one price in every storage row of the region, so no account's own price differs
    if out is None or g.ambiguous or len(LABEL_PRICES.get((g.region, g.component, g.unit), ())) != 1:
        return out
    note = "one price for this label in every account of the test that shows it"
    for c in sorted(CONFIGS.get((g.region, g.row["source_path"]), ())):
        k = storage_key(g.region, *c, g.component, g.unit)
        if k != out[0][0]:
            out.append((k, g.unit, g.price, note))
    return out
