"""Rule module of the azure-a families (see pricebook.py, load_rules): golden rows whose label alone does not say
which price applies are keyed with what differs, taken from the row's own facts."""
import re
from pricebook import component_key


def prices(g):
    # Databricks DBU labels have one price per workspace SKU (tf.sku): key them by it.
    if g.tf == "azurerm_databricks_workspace" and g.tfa.get("sku"):
        k = component_key("azure", g.tf, g.region, g.component, g.unit) + "/sku=" + g.tfa["sku"].lower()
        return [(k, g.unit, g.price, "keyed by the workspace SKU")]
    # Application Insights retention: Infracost names the component by the retention days, but its price is the
    # one Data Retention meter's per GB (the days only scale the quantity): key it without the days.
    if g.tf == "azurerm_application_insights" and re.fullmatch(r"Data retention \(\d+ days\)", g.component):
        k = component_key("azure", g.tf, g.region, "Data retention", g.unit)
        return [(k, g.unit, g.price, "the Data Retention meter, whatever the days")]
    return None
