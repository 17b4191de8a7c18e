import FoundationEssentials
/// Usage keys of the Route 53 family (Infracost's names).
enum AWSRoute53Keys {
    static let endpointType = UsageKey("endpoint_type", unit: "aws|non_aws", "whether the health-checked endpoint runs in AWS (default aws)", text: true)
    static let standardQueries = UsageKey("monthly_standard_queries", unit: "queries", "standard DNS queries a month")
    static let latencyQueries = UsageKey("monthly_latency_based_queries", unit: "queries", "latency-based routing queries a month")
    static let geoQueries = UsageKey("monthly_geo_queries", unit: "queries", "geo DNS queries a month")
    static let queries = UsageKey("monthly_queries", unit: "queries", "DNS queries through the resolver endpoint a month")
}

enum AWSRoute53Family {
    static let pricers: [any Pricer] = [healthCheck, record, resolverEndpoint]
    /// Route 53 prices are global (Infracost's filters name no region): the facts hold them as seen from us-east-1.
    static let globalRegion = "us-east-1"
    static let billion: Decimal = 1_000_000_000

    /// `aws_route53_health_check`: a monthly fee per check plus one per optional feature (HTTPS, fast interval,
    /// latency measurement, string matching); both cost more for endpoints outside AWS (usage `endpoint_type`).
    static let healthCheck = ComponentPricer(["aws_route53_health_check"], attributes: ["type", "request_interval", "measure_latency"],
                                             usage: [AWSRoute53Keys.endpointType]) { c in
        c.region = globalRegion
        let a = c.resource.attributes
        let endpoint = PriceKeys.slug(c.context.usage.text(AWSRoute53Keys.endpointType) ?? "aws")   // non_aws, Non_AWS → non-aws
        let suffix = "endpoint=\(endpoint == "non-aws" ? "non-aws" : "aws")"
        c.keyed("Health check", unit: "month", quantity: .value(1), suffix: suffix)
        let kind = a["type"].nonEmptyString ?? ""
        var features = 0
        if kind.hasPrefix("HTTPS") { features += 1 }
        if a["request_interval"].decimal == 10 { features += 1 }
        if a["measure_latency"].bool == true { features += 1 }
        if kind.hasSuffix("STR_MATCH") { features += 1 }
        if features > 0 {
            c.keyed("Optional features", unit: "month", quantity: .value(Decimal(features)), suffix: suffix)
        }
    }

    /// `aws_route53_record`: standard, latency-based and geo queries (usage), each in first-billion / over tiers; an
    /// alias to an AWS resource other than a record is not billed.
    static let record = ComponentPricer(["aws_route53_record"], attributes: ["alias"],
                                        usage: [AWSRoute53Keys.standardQueries, AWSRoute53Keys.latencyQueries, AWSRoute53Keys.geoQueries]) { c in
        c.region = globalRegion
        if !c.resource.attributes["alias"].block.isNull {
            let targets = (c.resource.references["alias"] ?? []).compactMap { ConfigIndex.splitSegments($0).first }
            if let target = targets.first, target != "aws_route53_record" {
                c.assume("an alias record to \(target) is answered free")
                return
            }
        }
        let million = Decimal(1) / 1_000_000
        c.tiered(["Standard queries (first 1B)", "Standard queries (over 1B)"], unit: "1M queries", AWSRoute53Keys.standardQueries,
                 times: million, sizes: [1000])
        c.tiered(["Latency based routing queries (first 1B)", "Latency based routing queries (over 1B)"], unit: "1M queries",
                 AWSRoute53Keys.latencyQueries, times: million, sizes: [1000])
        c.tiered(["Geo DNS queries (first 1B)", "Geo DNS queries (over 1B)"], unit: "1M queries", AWSRoute53Keys.geoQueries,
                 times: million, sizes: [1000])
    }

    /// `aws_route53_resolver_endpoint`: hours per IP address (elastic network interface), plus DNS queries (usage)
    /// in first-billion / over tiers.
    static let resolverEndpoint = ComponentPricer(["aws_route53_resolver_endpoint"], attributes: ["ip_address"],
                                                  usage: [.monthlyHrs, AWSRoute53Keys.queries]) { c in
        let ips = c.resource.attributes["ip_address"]
        let count: Quantity = Quantities.isUnknown(ips) ? .unknownUntilApply(attribute: "ip_address") : .value(Decimal(ips.array.count))
        c.hours("Resolver endpoints", count: count)
        c.tiered(["DNS queries (first 1B)", "DNS queries (over 1B)"], unit: "1M queries", AWSRoute53Keys.queries,
                 times: Decimal(1) / 1_000_000, sizes: [1000])
    }
}
