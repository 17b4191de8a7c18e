import FoundationEssentials
/// `azurerm_bastion_host`: hours, plus outbound data transfer in Infracost's tiers (usage).
enum AzureBastionPricers {
    static let all: [any Pricer] = [
        ComponentPricer(["azurerm_bastion_host"], usage: [.monthlyHrs, AzureAKeys.outboundDataGB]) { c in
            c.hours("Bastion host")
            let names = ["first 10TB", "next 40TB", "next 100TB", "next 350TB", "over 500TB"].map { "Outbound data transfer (\($0))" }
            // Infracost's tier widths (10 TB, 50 TB, 150 TB, 500 TB, then the rest), as its golden shows them
            AzureA.tiered(&c, names, unit: "GB", AzureAKeys.outboundDataGB, widths: [10_000, 50_000, 150_000, 500_000])
        },
    ]
}
