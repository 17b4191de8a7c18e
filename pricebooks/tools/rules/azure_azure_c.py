"""Rule module of the azure-c families: keys the golden rows whose label has several prices by what differs.

* azurerm_virtual_network_peering: inbound and outbound data transfer are priced by the pair of regions the two
  peered networks are in. The test (virtual_network_peering_test) peers a West Europe network with one in the
  same region (`intra_region*`), in North Europe (`intra_zonal*`) and in Japan West (`inter_zonal*`); its
  example names say which. Keys: `.../inbound-data-transfer/gb/same-region` or `.../gb/remote=REGION`.
* azurerm_sql_database Storage: priced by the service objective's family (gp, bc, hs; serverless is gp) and,
  for General Purpose, zone redundancy: `.../storage/gb/gp`, `/gp-zone-redundant`, `/bc`, `/hs`. The family is the
  edition's (tf.edition) or, without one, the objective the test resource names (its example name). The 5 GB
  General Purpose rows round the price to 0.116; the 10 GB row (`sql_database_with_max_size`) gives it exactly
  (0.115), so that row alone keys it.
* azurerm_sql_elasticpool Extra data storage: priced by edition (tf.edition): `.../extra-data-storage/gb/standard`.
* azurerm_postgresql_server: Storage by the SKU's tier (tf.sku_name: b, gp, mo): `.../storage/gb/gp`; Additional
  backup storage by backup redundancy: `/geo-redundant` for the test resource with geo-redundant backups
  (`with_geo`), `/locally-redundant` for the others.
* azurerm_storage_share: every component by the share's access tier and its account's replication, which the test
  resource's key says (`standard["Hot.GRS"]`): `.../data-at-rest/gb/hot.grs`.
* azurerm_storage_queue: capacity and operations by the account's kind, tier and replication, which the test
  resource's key says (`storagev2-queue["StorageV2.Standard.GRS"]`): `.../capacity/gb/storagev2.standard.grs`.
  Geo-replication data transfer has one price for every account and keeps its generic key.
* azurerm_recovery_services_vault: the components name the protected VM (`azurerm_backup_protected_vm.large >
  GRS data stored`); the prices do not depend on which VM, so they are keyed as `Protected VM > ...`. The
  `with_usage` VM's rows (300 GB) round the per-GB price; the other VMs' rows key it.
* azurerm_storage_table: capacity and operations by the account's replication and whether it is encrypted with a
  customer-managed key (the test's `inline_key[...]` and `external_key` accounts; `external_key` is LRS):
  `.../capacity/gb/standard.lrs`, `.../gb/cmk.ra-grs`. The `usage` test resource's rows (an LRS account without a
  key) round the prices from its usage; the `standard["LRS"]` rows key them.
* azurerm_synapse_workspace Azure-hosted (external) integration runtime: the workspace with a managed virtual
  network (`vnet`) has its own prices: `.../hour/managed-vnet`; the others `.../hour/public`.
"""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from pricebook import component_key

PEERING_REMOTE = {"intra_region": None, "intra_zonal": "northeurope", "inter_zonal": "japanwest"}


def peering(g):
    name = g.example.split(".", 1)[-1].removesuffix("_with_usage")
    if name not in PEERING_REMOTE:
        return None
    remote = PEERING_REMOTE[name]
    pair = "same-region" if remote is None else f"remote={remote}"
    where = "the same region" if remote is None else f"a network in {remote}"
    key = component_key("azure", g.tf, g.region, g.component, g.unit) + "/" + pair
    return [(key, g.unit, g.price, f"peering with {where} ({g.example})")]


def suffixed(g, suffix, note):
    return [(component_key("azure", g.tf, g.region, g.component, g.unit) + "/" + suffix, g.unit, g.price, f"{note} ({g.example})")]


SQL_EDITION_FAMILY = {"GeneralPurpose": "gp", "BusinessCritical": "bc", "Hyperscale": "hs"}
SQL_EXAMPLE_FAMILY = {"default_sql_database": "gp", "sql_database_with_max_size": "gp", "backup": "gp", "serverless": "gp",
                      "sql_database_with_service_object_name": "bc"}


def sql_storage(g):
    name = g.example.split(".", 1)[-1]
    family = SQL_EDITION_FAMILY.get(g.tfa.get("edition", "")) or SQL_EXAMPLE_FAMILY.get(name)
    if family is None:
        return None
    if g.tfa.get("zone_redundant") == "true" and family == "gp":
        family = "gp-zone-redundant"
    if family == "gp" and name != "sql_database_with_max_size":
        return []   # 5 GB rows: the price rounded to 0.116; the 10 GB row keys it
    return suffixed(g, family, f"SQL database storage, {family}")


def bracket_key(g):
    """The for_each key of the test resource (`standard["Hot.GRS"]` -> `Hot.GRS`), or None."""
    if '["' not in g.example:
        return None
    return g.example.split('["', 1)[1].rstrip('"]')


def prices(g):
    if g.tf == "azurerm_recovery_services_vault" and g.component.startswith("azurerm_backup_protected_vm."):
        child, _, rest = g.component.partition(" > ")
        if child.endswith(".with_usage"):
            return []
        key = component_key("azure", g.tf, g.region, "Protected VM > " + rest, g.unit)
        return [(key, g.unit, g.price, f"protected VM, {rest} ({g.example})")]
    if g.tf == "azurerm_synapse_workspace" and g.component.startswith("Data pipeline azure hosted") and "integration runtime" in g.component:
        vnet = g.example.endswith(".vnet")
        return suffixed(g, "managed-vnet" if vnet else "public", "managed virtual network" if vnet else "public network")
    if g.tf == "azurerm_storage_table":
        name = g.example.split(".", 1)[-1]
        if name == "usage":
            return []
        k = bracket_key(g) or ("LRS" if name == "external_key" else None)
        if k is None:
            return None
        kind = "standard" if name.startswith("standard") else "cmk"
        return suffixed(g, f"{kind}.{k}".lower(), f"{kind} {k} account")
    if g.tf == "azurerm_storage_queue" and g.component != "Geo-replication data transfer" and (k := bracket_key(g)):
        return suffixed(g, k.lower(), f"{k} account")
    if g.tf == "azurerm_storage_share" and (k := bracket_key(g)):
        return suffixed(g, k.lower(), f"{k} share")
    if g.tf == "azurerm_virtual_network_peering":
        return peering(g)
    if g.tf == "azurerm_sql_database" and g.component == "Storage":
        return sql_storage(g)
    if g.tf == "azurerm_sql_elasticpool" and g.component == "Extra data storage" and "edition" in g.tfa:
        return suffixed(g, g.tfa["edition"].lower(), f"{g.tfa['edition']} elastic pool")
    if g.tf == "azurerm_postgresql_server" and g.component == "Storage" and "sku_name" in g.tfa:
        tier = g.tfa["sku_name"].split("_")[0].lower()
        return suffixed(g, tier, f"{tier} tier")
    if g.tf == "azurerm_postgresql_server" and g.component == "Additional backup storage":
        geo = g.example.endswith(".with_geo")
        return suffixed(g, "geo-redundant" if geo else "locally-redundant", "geo-redundant backups" if geo else "locally redundant backups")
    return None
