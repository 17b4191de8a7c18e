"""Rule module of the azure-c families: keys the golden rows whose label has several prices by what differs.

* azurerm_virtual_network_peering: inbound and outbound data transfer are priced by the pair of regions the two
  peered networks are in. The test (virtual_network_peering_test) peers a West Europe network with one in the
  same region (`intra_region*`), in North Europe (`intra_zonal*`) and in Japan West (`inter_zonal*`); its
  example names say which. Keys: `.../inbound-data-transfer/gb/same-region` or `.../gb/remote=REGION`.
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


def prices(g):
    if g.tf == "azurerm_virtual_network_peering":
        return peering(g)
    return None
