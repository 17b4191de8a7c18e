import FoundationEssentials

/// `aws_cloudfront_distribution`: per edge-location group, data out to the internet (volume tiers) and to the
/// origin, HTTP and HTTPS requests (usage); invalidation paths beyond the free 1,000, origin shield requests,
/// field-level encryption, real-time logs and dedicated-IP custom SSL certificates where configured.
/// CloudFront is global: its prices are the same whatever the provider's region (keyed as the facts give them).
struct AWSCloudFrontPricer: Pricer {
    let resourceTypes = ["aws_cloudfront_distribution"]
    let attributes: Set<String> = ["origin", "viewer_certificate", "logging_config", "default_cache_behavior", "ordered_cache_behavior"]

    /// Edge-location groups: the usage-key suffix and the group's name in the price list.
    static let groups: [(key: String, name: String)] = [
        ("us", "US, Mexico, Canada"), ("europe", "Europe, Israel"), ("south_africa", "South Africa, Kenya, Middle East"),
        ("south_america", "South America"), ("japan", "Japan"), ("australia", "Australia, New Zealand"),
        ("asia_pacific", "Hong Kong, Philippines, Asia Pacific"), ("india", "India"),
    ]
    /// Origin shield regions with a usage key of their own (the key's suffix).
    static let shieldGroups: [String: String] = [
        "us-gov-west-1": "us", "us-gov-east-1": "us", "us-east-1": "us", "us-east-2": "us", "us-west-1": "us", "us-west-2": "us",
        "eu-central-1": "europe", "eu-west-1": "europe", "eu-west-2": "europe", "eu-south-1": "europe", "eu-west-3": "europe",
        "eu-north-1": "europe", "il-central-1": "europe", "ap-northeast-1": "japan", "ap-northeast-2": "south_korea",
        "ap-southeast-1": "singapore", "ap-southeast-2": "australia", "ap-southeast-3": "indonesia", "ap-southeast-4": "australia",
        "ap-south-1": "india", "ap-south-2": "india", "sa-east-1": "south_america",
    ]
    static let tiers: [(name: String, size: Decimal?)] = [
        ("first 10TB", 10_240), ("next 40TB", 40_960), ("next 100TB", 102_400), ("next 350TB", 358_400),
        ("next 524TB", 536_576), ("next 4PB", 4_194_304), ("over 5PB", nil),
    ]

    static func regional(_ prefix: String, _ unit: String, _ meaning: String) -> [String: UsageKey] {
        Dictionary(uniqueKeysWithValues: groups.map { ($0.key, UsageKey("\(prefix).\($0.key)", unit: unit, "\(meaning) (\($0.name))")) })
    }
    static let toInternet = regional("monthly_data_transfer_to_internet_gb", "GB", "GB a month served to viewers")
    static let toOrigin = regional("monthly_data_transfer_to_origin_gb", "GB", "GB a month sent to the origin")
    static let http = regional("monthly_http_requests", "requests", "HTTP requests a month")
    static let https = regional("monthly_https_requests", "requests", "HTTPS requests a month")
    static let shield: [String: UsageKey] = Dictionary(uniqueKeysWithValues: Set(shieldGroups.values).sorted().map {
        ($0, UsageKey("monthly_shield_requests.\($0)", unit: "requests", "origin shield requests a month"))
    })
    static let invalidations = UsageKey("monthly_invalidation_requests", unit: "paths", "invalidation paths a month")
    static let encryption = UsageKey("monthly_encryption_requests", unit: "requests", "field-level encryption requests a month")
    static let logLines = UsageKey("monthly_log_lines", unit: "lines", "real-time log lines a month")
    static let certificates = UsageKey("custom_ssl_certificates", unit: "certificates", "dedicated-IP custom SSL certificates (default 1)")

    var usageKeys: [UsageKey] {
        [Self.toInternet, Self.toOrigin, Self.http, Self.https, Self.shield].flatMap { $0.values.sorted { $0.name < $1.name } }
            + [Self.invalidations, Self.encryption, Self.logLines, Self.certificates]
    }

    func usage(of r: Resource, context: PricingContext) -> PricedUsage {
        var c = Components(r, context, region: "us-east-1")
        let a = r.attributes
        let perTenK = 1 / Decimal(10_000)
        if let id = a["default_cache_behavior"].block["field_level_encryption_id"].nonEmptyString ?? a["ordered_cache_behavior"].array
            .lazy.compactMap({ $0["field_level_encryption_id"].nonEmptyString }).first, !id.isEmpty {
            c.usage("Field level encryption requests", unit: "10k requests", Self.encryption, times: perTenK)
        }
        if a["logging_config"].block["bucket"].nonEmptyString != nil {
            c.usage("Real-time log requests", unit: "1M lines", Self.logLines, times: 1 / Decimal(1_000_000))
        }
        if a["viewer_certificate"].block["ssl_support_method"].string == "vip" {
            c.line("Dedicated IP custom SSLs", unit: "certificates", quantity: .value(context.usage[Self.certificates] ?? 1))
        }
        originShield(&c, r)
        c.awsaTiered(Self.invalidations, unit: "paths",
                     tiers: [("Invalidation requests (first 1k)", 1000), ("Invalidation requests (over 1k)", nil)])
        let used = Self.groups.filter { g in [Self.toInternet, Self.toOrigin, Self.http, Self.https].contains { context.usage[$0[g.key]!] != nil } }
        for g in used.isEmpty ? [Self.groups[0]] : used {
            let p = "\(g.name) > "
            if let gb = context.usage[Self.toInternet[g.key]!] {
                var left = gb
                for tier in Self.tiers where left > 0 {
                    let q = tier.size.map { min($0, left) } ?? left
                    c.line("\(p)Data transfer out to internet (\(tier.name))", unit: "GB", quantity: .value(q), usageBased: true)
                    left -= q
                }
            } else {
                c.line("\(p)Data transfer out to internet (\(Self.tiers[0].name))", unit: "GB", quantity: .usageNotGiven, usageBased: true)
            }
            c.usage("\(p)Data transfer out to origin", unit: "GB", Self.toOrigin[g.key]!)
            c.usage("\(p)HTTP requests", unit: "10k requests", Self.http[g.key]!, times: perTenK)
            c.usage("\(p)HTTPS requests", unit: "10k requests", Self.https[g.key]!, times: perTenK)
        }
        return c.out
    }

    /// Origin shield requests, in the shield's region (the first origin with the shield on).
    func originShield(_ c: inout Components, _ r: Resource) {
        guard let shield = r.attributes["origin"].array.lazy.map({ $0["origin_shield"].block }).first(where: { $0["enabled"].bool == true })
        else { return }
        let region = shield["origin_shield_region"].nonEmptyString ?? r.region ?? Quantities.unknownRegion
        let name = "Origin shield HTTP requests (\(Self.areaName(region)) \(region))"
        if let key = Self.shieldGroups[region].flatMap({ Self.shield[$0] }) {
            c.usage(name, unit: "10k requests", key, times: 1 / Decimal(10_000))
        } else {
            c.line(name, unit: "10k requests", quantity: .usageNotGiven, usageBased: true)
        }
    }

    /// The area part of an AWS region's name ("South America" for sa-east-1), as the price list names locations.
    static func areaName(_ region: String) -> String {
        let prefixes: [(String, String)] = [("us-gov-", "AWS GovCloud"), ("us-east-", "US East"), ("us-west-", "US West"), ("eu-", "EU"),
                                            ("il-", "Israel"), ("ap-", "Asia Pacific"), ("sa-", "South America"), ("ca-", "Canada"),
                                            ("me-", "Middle East"), ("af-", "Africa")]
        return prefixes.first { region.hasPrefix($0.0) }?.1 ?? region
    }
}
