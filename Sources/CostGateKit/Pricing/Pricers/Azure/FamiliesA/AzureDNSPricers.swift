import FoundationEssentials
/// `azurerm_dns_zone` (a monthly fee per hosted zone) and the `azurerm_dns_*_record` types (queries a month, by
/// the billion: the first billion and the rest at two prices).
enum AzureADNSPricers {
    static let recordTypes = ["a", "aaaa", "caa", "cname", "mx", "ns", "ptr", "srv", "txt"].map { "azurerm_dns_\($0)_record" }

    static let all: [any Pricer] = [
        ComponentPricer(["azurerm_dns_zone"]) { c in
            c.monthly("Hosted zone")
        },
        ComponentPricer(recordTypes, usage: [AzureAKeys.monthlyQueries]) { c in
            AzureA.tiered(&c, ["DNS queries (first 1B)", "DNS queries (over 1B)"], unit: "1M queries", AzureAKeys.monthlyQueries,
                          widths: [1000], times: Decimal(1) / Decimal(1_000_000))
        },
    ]
}
