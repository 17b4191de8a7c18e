import FoundationEssentials
/// `azurerm_databricks_workspace`: DBU hours (usage) of all-purpose, jobs and jobs light compute, at the workspace
/// SKU's prices (the trial SKU is free).
enum AzureADatabricksPricers {
    static let all: [any Pricer] = [
        ComponentPricer(["azurerm_databricks_workspace"], attributes: ["sku"],
                        usage: [AzureAKeys.allPurposeDBU, AzureAKeys.jobsDBU, AzureAKeys.jobsLightDBU]) { c in
            let skuValue = c.resource.attributes["sku"]
            let sku = (skuValue.nonEmptyString ?? "standard").lowercased()
            if sku == "trial" {
                c.assume("trial workspace: no DBU charge")
                return
            }
            // the same labels have other prices on other SKUs: the keys name the SKU (rules/azure_azure_a.py)
            for (name, key) in [("All-purpose compute DBUs", AzureAKeys.allPurposeDBU), ("Jobs compute DBUs", AzureAKeys.jobsDBU),
                                ("Jobs light compute DBUs", AzureAKeys.jobsLightDBU)] {
                AzureA.line(&c, name, unit: "DBU-hours", quantity: Quantities.usage(key, c.context), qualifier: "sku=\(sku)",
                            usageBased: true)
            }
        },
    ]
}
