import FoundationEssentials
/// Usage keys of Google's network egress (`monthly_egress_data_transfer_gb` with nested keys, flattened with dots).
enum GCPEgressKeys {
    static func key(_ name: String, _ meaning: String) -> UsageKey {
        UsageKey("monthly_egress_data_transfer_gb.\(name)", unit: "GB", meaning)
    }
    static let sameContinent = key("same_continent", "GB a month sent to the same continent")
    static let worldwide = key("worldwide", "GB a month sent worldwide or between continents (outside the other destinations)")
    static let asia = key("asia", "GB a month sent to or within Asia")
    static let china = key("china", "GB a month sent to China (excluding Hong Kong)")
    static let australia = key("australia", "GB a month sent to Australia")
    static let sameRegion = key("same_region", "GB a month sent within the same region")
    static let usOrCanada = key("us_or_canada", "GB a month sent within the US or Canada")
    static let europe = key("europe", "GB a month sent within Europe")
    static let southAmerica = key("south_america", "GB a month sent within South America")
    static let oceania = key("oceania", "GB a month sent to or from Indonesia and Oceania")

    /// The destination regions Artifact Registry's egress names (`us_east1`, …).
    static let regionNames = ["asia-east1", "asia-east2", "asia-northeast1", "asia-northeast2", "asia-northeast3", "asia-south1",
                              "asia-south2", "asia-southeast1", "asia-southeast2", "australia-southeast1", "australia-southeast2",
                              "europe-central2", "europe-north1", "europe-west1", "europe-west2", "europe-west3", "europe-west4",
                              "europe-west6", "northamerica-northeast1", "northamerica-northeast2", "southamerica-east1",
                              "southamerica-west1", "us-central1", "us-east1", "us-east4", "us-west1", "us-west2", "us-west3", "us-west4"]
    static let regions: [(region: String, key: UsageKey)] = regionNames.map {
        ($0, key(String($0.map { $0 == "-" ? "_" : $0 }), "GB a month sent to \($0)"))
    }
}

/// Google's network egress lines, as Infracost names them under "Network egress".
enum GCPEgress {
    /// Internet egress tiers: the first 1 TB, the next 9 TB, over 10 TB (GB bounds of the month's total).
    static let internetTiers: [(String, Decimal?)] = [("first 1TB", 1024), ("next 9TB", 10240), ("over 10TB", nil)]

    /// One destination priced in internet tiers, keyed `PARENT > NAME (TIER)`.
    static func tiered(_ c: inout Components, _ name: String, _ key: UsageKey, parent: String = "Network egress") {
        GCPTiers.lines(&c, name, unit: "GB", key, internetTiers, keyPrefix: "\(parent) > ")
    }

    /// Cloud Storage style egress (Container Registry): same continent, then worldwide, Asia, China and Australia in tiers.
    static func storage(_ c: inout Components, prefix: String) {
        c.usage("\(prefix) in same continent", unit: "GB", GCPEgressKeys.sameContinent, keyName: "Network egress > \(prefix) in same continent")
        tiered(&c, "\(prefix) to worldwide excluding Asia, Australia", GCPEgressKeys.worldwide)
        tiered(&c, "\(prefix) to Asia excluding China, but including Hong Kong", GCPEgressKeys.asia)
        tiered(&c, "\(prefix) to China excluding Hong Kong", GCPEgressKeys.china)
        tiered(&c, "\(prefix) to Australia", GCPEgressKeys.australia)
    }
    static let storageKeys = [GCPEgressKeys.sameContinent, GCPEgressKeys.worldwide, GCPEgressKeys.asia, GCPEgressKeys.china, GCPEgressKeys.australia]

    /// Internal egress by destination class (VPN gateways, service networking), one flat price each.
    static func byDestination(_ c: inout Components, prefix: String) {
        let classes: [(String, UsageKey)] = [
            ("within the same region", GCPEgressKeys.sameRegion), ("within the US or Canada", GCPEgressKeys.usOrCanada),
            ("within Europe", GCPEgressKeys.europe), ("within Asia", GCPEgressKeys.asia),
            ("within South America", GCPEgressKeys.southAmerica), ("to/from Indonesia and Oceania", GCPEgressKeys.oceania),
            ("between continents (excludes Oceania)", GCPEgressKeys.worldwide)]
        for (name, key) in classes {
            c.usage("\(prefix) \(name)", unit: "GB", key, keyName: "Network egress > \(prefix) \(name)")
        }
    }
    static let destinationKeys = [GCPEgressKeys.sameRegion, GCPEgressKeys.usOrCanada, GCPEgressKeys.europe, GCPEgressKeys.asia,
                               GCPEgressKeys.southAmerica, GCPEgressKeys.oceania, GCPEgressKeys.worldwide]

    /// Internet egress over a VPN to peers outside Google (external VPN gateways), in tiers.
    static func vpnInternet(_ c: inout Components) {
        tiered(&c, "IPSec traffic to worldwide excluding China, Australia but including Hong Kong", GCPEgressKeys.worldwide)
        tiered(&c, "IPSec traffic to China excluding Hong Kong", GCPEgressKeys.china)
        tiered(&c, "IPSec traffic to Australia", GCPEgressKeys.australia)
    }
    static let vpnInternetKeys = [GCPEgressKeys.worldwide, GCPEgressKeys.china, GCPEgressKeys.australia]

    /// A region's continent as Google's inter-region egress prices group them.
    static func continent(_ region: String) -> String {
        let head = region.split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map(String.init) ?? region
        switch head {
        case "us", "northamerica": return "North America"
        case "europe": return "Europe"
        case "asia": return "AsiaPacific"
        case "southamerica": return "South America"
        case "australia": return "Oceania"
        default: return "other"
        }
    }

    /// Inter-region egress from `source` to named destination regions (Artifact Registry): free within the region and
    /// from a multi-region to its own continent; one line per price class, the GB of its destinations summed.
    static func interRegion(_ c: inout Components, source: String) {
        let from = continent(source)
        var order: [String] = []
        var sums: [String: Decimal] = [:]
        for (region, key) in GCPEgressKeys.regions {
            guard let gb = c.context.usage[key] else { continue }
            if region == source { continue }
            if ["us", "europe", "asia"].contains(source), region.hasPrefix(source + "-") { continue }
            let to = continent(region)
            let name: String
            if to == "Oceania" || from == "Oceania" {
                name = "Data egress from/to Oceania"
            } else if to == from && from != "South America" && from != "other" {
                name = "Data egress \(from) to \(to)"
            } else {
                name = "Intercontinental (Excl Oceania)"
            }
            if sums[name] == nil { order.append(name) }
            sums[name, default: 0] += gb
        }
        for name in order {
            c.line(name, unit: "GB", quantity: .value(sums[name] ?? 0), usageBased: true)
        }
    }
}

/// Lines in usage tiers, and usage lines whose keys carry a configuration suffix.
enum GCPTiers {
    /// A quantity split into tiers (`upTo` is the cumulative bound); every tier reached is a line, the first always,
    /// and the first alone "depends on usage" when the usage file does not give it.
    static func lines(_ c: inout Components, _ name: String, unit: String, _ key: UsageKey, _ tiers: [(String, Decimal?)],
                      keyPrefix: String = "", suffix: String = "") {
        guard let total = c.context.usage[key] else {
            line(&c, "\(name) (\(tiers[0].0))", unit: unit, .usageNotGiven, keyPrefix: keyPrefix, suffix: suffix)
            return
        }
        var lower: Decimal = 0
        for (i, (label, upTo)) in tiers.enumerated() {
            let q = max((upTo.map { min($0, total) } ?? total) - lower, 0)
            if q > 0 || i == 0 { line(&c, "\(name) (\(label))", unit: unit, .value(q), keyPrefix: keyPrefix, suffix: suffix) }
            guard let up = upTo, total > up else { break }
            lower = up
        }
    }

    /// A usage-based line whose key carries `suffix` (a price that depends on configuration the generic key does not name).
    static func line(_ c: inout Components, _ name: String, unit: String, _ q: Quantity, keyPrefix: String = "", suffix: String = "") {
        c.append(PricedUsage(lines: [UsageLine(name, unit: unit, quantity: q, priceKey: c.key(keyPrefix + name, unit: unit) + suffix, usageBased: true)]))
    }

}
