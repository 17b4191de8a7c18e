import FoundationEssentials
/// `aws_ebs_volume`: gp2; gp3 with IOPS above 3,000 and throughput above 125 MiB/s; io1/io2 IOPS; st1; sc1; standard.
struct EBSVolumePricer: Pricer {
    let resourceTypes = ["aws_ebs_volume"]
    let attributes: Set<String> = ["type", "size", "iops", "throughput", "availability_zone"]
    let usageKeys: [UsageKey] = [.monthlyStandardIORequests]

    func usage(of r: Resource, context: PricingContext) -> PricedUsage {
        let a = r.attributes
        // `type` is optional and computed: when the configuration leaves it out, AWS creates gp2.
        let defaulted = a["type"].isNull || a["type"].isUnknown
        var out = AWS.volumeLines(region: Quantities.region(r), type: defaulted ? .string("gp2") : a["type"], size: a["size"],
                                  iops: a["iops"], throughput: a["throughput"], label: "", context: context)
        if defaulted { out.assume("volume type not set: gp2, the EC2 default") }
        return out
    }
}

/// `aws_ebs_snapshot`, `aws_ebs_snapshot_copy`: snapshot storage, by default the source volume's size.
struct EBSSnapshotPricer: Pricer {
    let resourceTypes = ["aws_ebs_snapshot", "aws_ebs_snapshot_copy"]
    let attributes: Set<String> = ["volume_size"]
    let usageKeys: [UsageKey] = [.monthlyStorageGB]

    func usage(of r: Resource, context: PricingContext) -> PricedUsage {
        var out = PricedUsage()
        let quantity: Quantity
        if let gb = context.usage[.monthlyStorageGB] {
            quantity = .value(gb)
        } else if let q = Quantities.number(r.attributes["volume_size"], attribute: "volume_size") {
            quantity = q
            out.assume("snapshot storage taken as the full volume size; incremental snapshots are smaller (set monthly_storage_gb)")
        } else {
            quantity = .usageNotGiven
        }
        out.add(UsageLine("EBS snapshot storage", unit: "GB-month", quantity: quantity,
                          priceKey: "aws/ebs/\(Quantities.region(r))/snapshot", usageBased: true))
        return out
    }
}
