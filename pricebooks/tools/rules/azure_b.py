"""Rule module of the azure-b pricer families: keys golden rows whose label alone has several prices by what differs.

- azurerm_integration_service_environment "Base units": by the SKU's tier (`sku_name` Developer_0, Premium_3 → developer,
  premium): `azure/tf/azurerm_integration_service_environment/REGION/base-units/hour/sku=TIER`.
- azurerm_hdinsight_kafka_cluster "Managed OS disks": by the cluster's tier (S30 disks on Standard, P30 on Premium):
  `azure/tf/azurerm_hdinsight_kafka_cluster/REGION/managed-os-disks/month/tier=TIER`.
- azurerm_machine_learning_compute_cluster "Instance usage (Linux, pay as you go, SIZE)": Infracost prices the cluster's
  nodes as Linux virtual machines, so the row is the Linux pay-as-you-go price of SIZE in REGION; it is offered under its
  component key and under the virtual-machine key `azure/vm/REGION/SIZE/linux` the pricer asks for (sizes the VM source
  has keep its price: it is newer).
- azurerm_monitor_action_group: the receiver count in the component ("Email notifications (2)", "SMS messages >
  Country code 1 (1)") is the test's, not the price's; keyed without it (`…/email-notifications/emails`).
- azurerm_mysql_server, azurerm_mariadb_server "Storage": by the SKU's tier (B, GP; Memory Optimized storage is
  billed at General Purpose's price, so the MO row, a 5 GB test whose price is rounded, is not used):
  `…/storage/gb/tier=gp`. "Additional backup storage": by backup redundancy (the test resource `with_geo` sets
  geo_redundant_backup_enabled, the others do not): `…/additional-backup-storage/gb/backup=grs|lrs`.
- azurerm_mssql_elasticpool: the tier is not among a row's attributes but its test resource's compute row names the
  SKU ("Compute (GP_Gen5, 4 vCore)", "Compute (Standard, 200 DTUs)"); "SQL license" is keyed by the vCore tier
  (`…/sql-license/vcore-hours/tier=gp|bc`), "Storage" by tier and zone redundancy (`…/storage/gb/tier=gp,zone=true`),
  "Extra data storage" by the DTU tier (`…/extra-data-storage/gb/tier=standard|premium`).
- azurerm_key_vault_key "Software-protected keys" (10K transactions): RSA 2048 keys bill standard operations, other
  keys advanced ones (Infracost's test: `pr_rsa2048` is key_type RSA, key_size 2048; `std_rsa2048`, despite its name,
  and the others are 3072-bit RSA or EC keys): `…/software-protected-keys/10k-transactions/ops=standard|advanced`.
"""
import re
import sys, os
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from pricebook import attrs, component_key, read_facts  # noqa: E402

_POOL_SKUS = None


def pool_sku(example):
    """The SKU a test elastic pool's compute row names ("GP_Gen5", "Standard"), from the same facts."""
    global _POOL_SKUS
    if _POOL_SKUS is None:
        _POOL_SKUS = {}
        for r in read_facts("azure.csv"):
            a = attrs(r)
            m = re.match(r"^Compute \(([^,]+),", a.get("component", ""))
            if a.get("tf_resource") == "azurerm_mssql_elasticpool" and m:
                _POOL_SKUS[a.get("example", "")] = m.group(1)
    return _POOL_SKUS.get(example)

COUNT = re.compile(r" \(\d+\)$")
VM = re.compile(r"^Instance usage \(Linux, pay as you go, ([A-Za-z0-9_]+)\)$")


def prices(g):
    if g.tf == "azurerm_integration_service_environment" and g.component == "Base units":
        sku = g.tfa.get("sku_name", "")
        if not sku:
            return None
        tier = sku.split("_")[0].lower()
        k = component_key("azure", g.tf, g.region, g.component, g.unit) + f"/sku={tier}"
        return [(k, g.unit, g.price, f"sku_name={sku}")]
    if g.tf == "azurerm_monitor_action_group" and COUNT.search(g.component):
        k = component_key("azure", g.tf, g.region, COUNT.sub("", g.component), g.unit)
        return [(k, g.unit, g.price, "")]
    if g.tf in ("azurerm_mysql_server", "azurerm_mariadb_server"):
        base = component_key("azure", g.tf, g.region, g.component, g.unit)
        if g.component == "Storage":
            tier = g.tfa.get("sku_name", "").split("_")[0].lower()
            if not tier:
                return None
            return [] if tier == "mo" else [(base + f"/tier={tier}", g.unit, g.price, f"sku_name={g.tfa['sku_name']}")]
        if g.component == "Additional backup storage":
            geo = g.example.endswith(".with_geo")
            return [(base + f"/backup={'grs' if geo else 'lrs'}", g.unit, g.price,
                     "geo_redundant_backup_enabled=" + ("true" if geo else "false"))]
    if g.tf == "azurerm_mssql_elasticpool" and g.component in ("SQL license", "Storage", "Extra data storage"):
        sku = pool_sku(g.example)
        if not sku:
            return None
        tier = sku.split("_")[0].lower()
        base = component_key("azure", g.tf, g.region, g.component, g.unit)
        if g.component == "Storage":
            zone = "true" if g.tfa.get("zone_redundant") == "true" else "false"
            return [(base + f"/tier={tier},zone={zone}", g.unit, g.price, f"sku={sku}")]
        return [(base + f"/tier={tier}", g.unit, g.price, f"sku={sku}")]
    if g.tf == "azurerm_key_vault_key" and g.component == "Software-protected keys":
        ops = "standard" if g.example.endswith(".pr_rsa2048") else "advanced"
        k = component_key("azure", g.tf, g.region, g.component, g.unit) + f"/ops={ops}"
        return [(k, g.unit, g.price, "RSA 2048 key" if ops == "standard" else "RSA 3072 or EC key")]
    if g.tf == "azurerm_hdinsight_kafka_cluster" and g.component == "Managed OS disks":
        tier = g.tfa.get("tier", "")
        if not tier:
            return None
        k = component_key("azure", g.tf, g.region, g.component, g.unit) + f"/tier={tier.lower()}"
        return [(k, g.unit, g.price, f"tier={tier}")]
    if g.tf == "azurerm_machine_learning_compute_cluster":
        m = VM.match(g.component)
        if not m:
            return None
        generic = component_key("azure", g.tf, g.region, g.component, g.unit)
        vm = f"azure/vm/{g.region}/{m.group(1).lower()}/linux"
        return [(generic, g.unit, g.price, ""), (vm, g.unit, g.price, "Linux pay-as-you-go price of a machine learning compute cluster node")]
    return None
