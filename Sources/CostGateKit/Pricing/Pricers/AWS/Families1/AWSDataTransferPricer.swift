import FoundationEssentials

/// `aws_data_transfer` (Infracost's usage-only resource, one per region): intra-region transfer (billed both
/// ways), outbound to the internet (volume tiers), to the US East regions and to other regions.
struct AWSDataTransferPricer: Pricer {
    let resourceTypes = ["aws_data_transfer"]
    let attributes: Set<String> = ["region"]
    static let intraRegion = UsageKey("monthly_intra_region_gb", unit: "GB", "GB a month sent between availability zones of the region")
    static let internet = UsageKey("monthly_outbound_internet_gb", unit: "GB", "GB a month sent to the internet")
    static let usEast = UsageKey("monthly_outbound_us_east_to_us_east_gb", unit: "GB", "GB a month sent between the US East regions")
    static let otherRegions = UsageKey("monthly_outbound_other_regions_gb", unit: "GB", "GB a month sent to other regions")
    let usageKeys = [intraRegion, internet, usEast, otherRegions]

    func usage(of r: Resource, context: PricingContext) -> PricedUsage {
        let attribute = r.attributes["region"]
        let region = Quantities.isUnknown(attribute) ? nil : attribute.nonEmptyString
        var c = Components(r, context, region: region ?? r.region ?? Quantities.unknownRegion)
        let usage = context.usage
        if usage[Self.intraRegion] != nil {
            c.usage("Intra-region data transfer", unit: "GB", Self.intraRegion, times: 2)
        }
        if let gb = usage[Self.internet] {
            var left = awsaFloor(gb)   // whole GB, as Infracost counts them
            let tiers: [(String, Decimal?)] = [("first 10TB", 10_240), ("next 40TB", 40_960), ("next 100TB", 102_400), ("over 150TB", nil)]
            for (name, size) in tiers where left > 0 {
                let q = size.map { min($0, left) } ?? left
                c.line("Outbound data transfer to Internet (\(name))", unit: "GB", quantity: .value(q), usageBased: true)
                left -= q
            }
        }
        if usage[Self.usEast] != nil {
            c.usage("Outbound data transfer to US East regions", unit: "GB", Self.usEast)
        }
        if usage[Self.otherRegions] != nil {
            c.usage("Outbound data transfer to other regions", unit: "GB", Self.otherRegions)
        }
        if c.out.lines.isEmpty { c.assume("no transfer in the usage file") }
        return c.out
    }
}
