import FoundationEssentials
/// Private DNS: a zone's monthly fee, the DNS queries its records answer (usage, tiered at 1B), and the
/// private DNS resolver's endpoints and forwarding rulesets (monthly each).
enum AzurePrivateDNS {
    static let recordTypes = ["a", "aaaa", "cname", "mx", "ptr", "srv", "txt"].map { "azurerm_private_dns_\($0)_record" }

    /// `azurerm_private_dns_*_record`: DNS queries a month (usage `monthly_queries`), first 1B then over 1B.
    static let records = ComponentPricer(recordTypes, usage: [AzureCKeys.monthlyQueries]) { c in
        AzureC.tiered(&c, AzureCKeys.monthlyQueries, unit: "1M queries", per: 1_000_000,
                      [("DNS queries (first 1B)", 1000), ("DNS queries (over 1B)", nil)])
    }

    /// `azurerm_private_dns_zone`: the hosted zone's monthly fee.
    static let zone = ComponentPricer(["azurerm_private_dns_zone"]) { c in c.monthly("Hosted zone") }

    /// `azurerm_private_dns_resolver_*`: an inbound or outbound endpoint, or a forwarding ruleset, a month each.
    static let resolver = ComponentPricer(["azurerm_private_dns_resolver_inbound_endpoint", "azurerm_private_dns_resolver_outbound_endpoint",
                                           "azurerm_private_dns_resolver_dns_forwarding_ruleset"]) { c in
        switch c.resource.type {
        case "azurerm_private_dns_resolver_inbound_endpoint": c.monthly("Inbound endpoint")
        case "azurerm_private_dns_resolver_outbound_endpoint": c.monthly("Outbound endpoint")
        default: c.monthly("Forwarding ruleset")
        }
    }

    static let all: [any Pricer] = [records, zone, resolver]
}
