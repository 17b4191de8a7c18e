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

/// `aws_ebs_snapshot`, `aws_ebs_snapshot_copy`: snapshot storage, by default the source volume's size; fast
/// snapshot restore and the EBS direct API requests, as usage.
struct EBSSnapshotPricer: Pricer {
    let resourceTypes = ["aws_ebs_snapshot", "aws_ebs_snapshot_copy"]
    let attributes: Set<String> = ["volume_size", "volume_id"]
    let usageKeys: [UsageKey] = [.monthlyStorageGB, EBSKeys.fastSnapshotRestoreHours, EBSKeys.monthlyListBlockRequests,
                                 EBSKeys.monthlyGetBlockRequests, EBSKeys.monthlyPutBlockRequests]
    let relatedAttributes: [String: Set<String>] = ["aws_ebs_volume": ["size", "id"]]

    func usage(of r: Resource, context: PricingContext) -> PricedUsage {
        var out = PricedUsage()
        let region = Quantities.region(r)
        var size = r.attributes["volume_size"]
        if size.isNull || Quantities.isUnknown(size),
           let volume = context.referenced("aws_ebs_volume", from: r, attribute: "volume_id")
            ?? r.attributes["volume_id"].nonEmptyString.flatMap({ context.find("aws_ebs_volume", where: "id", equals: $0) }) {
            size = volume.attributes["size"]
        }
        let quantity: Quantity
        if let gb = context.usage[.monthlyStorageGB] {
            quantity = .value(gb)
        } else if let q = Quantities.number(size, attribute: "volume_size") {
            quantity = q
            out.assume("snapshot storage taken as the full volume size; incremental snapshots are smaller (set monthly_storage_gb)")
        } else {
            quantity = .usageNotGiven
        }
        out.add(UsageLine("EBS snapshot storage", unit: "GB-month", quantity: quantity,
                          priceKey: "aws/ebs/\(region)/snapshot", usageBased: true))
        if r.type == "aws_ebs_snapshot" {
            let perK = Decimal(string: "0.001")!
            let lines: [(String, String, UsageKey, Decimal)] = [
                ("Fast snapshot restore", "DSU-hours", EBSKeys.fastSnapshotRestoreHours, 1),
                ("ListChangedBlocks & ListSnapshotBlocks API requests", "1k requests", EBSKeys.monthlyListBlockRequests, perK),
                ("GetSnapshotBlock API requests", "1k SnapshotAPIUnits", EBSKeys.monthlyGetBlockRequests, perK),
                ("PutSnapshotBlock API requests", "1k SnapshotAPIUnits", EBSKeys.monthlyPutBlockRequests, perK),
            ]
            // fast snapshot restore and the direct APIs appear when the usage file gives them
            for (name, unit, k, factor) in lines where context.usage[k] != nil {
                out.add(UsageLine(name, unit: unit, quantity: Quantities.usage(k, context, times: factor), priceKey: AWS.key(r, region, name, unit), usageBased: true))
            }
        }
        return out
    }
}

/// Usage keys of EBS snapshots (Infracost's names).
enum EBSKeys {
    static let fastSnapshotRestoreHours = UsageKey("fast_snapshot_restore_hours", unit: "DSU-hours", "fast snapshot restore hours a month")
    static let monthlyListBlockRequests = UsageKey("monthly_list_block_requests", unit: "requests", "ListChangedBlocks and ListSnapshotBlocks requests a month")
    static let monthlyGetBlockRequests = UsageKey("monthly_get_block_requests", unit: "requests", "GetSnapshotBlock requests a month")
    static let monthlyPutBlockRequests = UsageKey("monthly_put_block_requests", unit: "requests", "PutSnapshotBlock requests a month")
}
