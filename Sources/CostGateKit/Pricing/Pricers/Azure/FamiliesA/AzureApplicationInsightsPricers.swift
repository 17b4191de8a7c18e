import FoundationEssentials
/// Application Insights: data ingested (usage) and retention beyond 90 days; standard web tests by the number of
/// runs their frequency makes in a month; classic multi-step web tests a month each.
enum AzureAApplicationInsightsPricers {
    static let all: [any Pricer] = [
        ComponentPricer(["azurerm_application_insights"], attributes: ["retention_in_days"], usage: [AzureAKeys.dataIngestedGB]) { c in
            c.usage("Data ingested", unit: "GB", AzureAKeys.dataIngestedGB)
            // retention past the 90 included days: the GB ingested for each further 30 days (only with usage, as Infracost)
            if let days = c.resource.attributes["retention_in_days"].decimal, days > 90, let gb = c.context.usage[AzureAKeys.dataIngestedGB] {
                c.line("Data retention (\(days) days)", unit: "GB", quantity: .value(gb * (days - 90) / 30), keyName: "Data retention")
            }
        },
        ComponentPricer(["azurerm_application_insights_standard_web_test"], attributes: ["frequency", "enabled"]) { c in
            let a = c.resource.attributes
            if a["enabled"].bool == false {
                c.assume("web test disabled: no charge")
                return
            }
            let frequency = a["frequency"].decimal ?? 300
            guard frequency > 0 else { return }
            // one test run every `frequency` seconds, all month
            let runs = Quantities.monthlyHours(c.context) * 3600 / frequency
            c.line("Standard web test (\(frequency) second frequency)", unit: "tests", quantity: .value(runs))
        },
        ComponentPricer(["azurerm_application_insights_web_test"], attributes: ["kind", "enabled"]) { c in
            let a = c.resource.attributes
            guard a["enabled"].bool != false, a["kind"].string?.lowercased() == "multistep" else {
                c.assume("ping or disabled web test: no charge")
                return
            }
            c.monthly("Multi-step web test", unit: "test")
        },
    ]
}
