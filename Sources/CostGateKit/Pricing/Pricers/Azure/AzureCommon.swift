import FoundationEssentials
/// Pieces the Azure pricers share: the region, VM hours, managed-disk tiers.
enum Azure {
    /// The resource's region, from its `location`.
    static func region(_ r: Resource, _ out: inout PricedUsage, fallback: String? = nil) -> String {
        Quantities.region(r, &out, missing: "location", fallback: fallback)
    }

    /// VM hours for `count` machines of `size`. Windows with Azure Hybrid Benefit (`license_type`
    /// Windows_Server/Windows_Client) pays the Linux rate: the licence is brought, not bought.
    static func vmLines(region: String, size: Value, windows: Bool, hybridBenefit: Bool, count: Quantity,
                        context: PricingContext, label: String = "", hours: Decimal? = nil) -> PricedUsage {
        var out = PricedUsage()
        guard let name = size.nonEmptyString, !Quantities.isUnknown(size) else {
            out.add(UsageLine("\(label)Instance usage", unit: "hour", quantity: .unknownUntilApply(attribute: "size"),
                              priceKey: "azure/vm/\(region)/?/\(windows ? "windows" : "linux")"))
            return out
        }
        let os = windows && !hybridBenefit ? "windows" : "linux"
        let osLabel = windows ? (hybridBenefit ? "Windows, hybrid benefit" : "Windows") : "Linux"
        out.add(UsageLine("\(label)Instance usage (\(osLabel), pay as you go, \(name))", unit: "hour",
                          quantity: Quantities.scaled(count, by: hours ?? Quantities.monthlyHours(context)),
                          priceKey: "azure/vm/\(region)/\(name.lowercased())/\(os)"))
        return out
    }

    /// Managed-disk size tiers in GiB (Azure disk specifications, not prices): the smallest tier that holds a disk.
    static let tiers: [(size: Decimal, number: Int)] = [
        (4, 1), (8, 2), (16, 3), (32, 4), (64, 6), (128, 10), (256, 15), (512, 20), (1024, 30), (2048, 40),
        (4096, 50), (8192, 60), (16384, 70), (32767, 80),
    ]

    /// `Premium_LRS` 100 GiB → `P10`, `StandardSSD_ZRS` → `E…`, `Standard_LRS` → `S…` (Standard HDD starts at S4).
    static func diskTier(type: String, sizeGB: Decimal) -> (tier: String, redundancy: String)? {
        let parts = type.split(separator: "_")
        guard parts.count == 2 else { return nil }
        let letter: String
        switch parts[0].lowercased() {
        case "standard": letter = "S"
        case "standardssd": letter = "E"
        case "premium": letter = "P"
        default: return nil
        }
        let minimum: Decimal = letter == "S" ? 32 : 0
        guard let tier = tiers.first(where: { $0.size >= max(sizeGB, minimum) }) else { return nil }
        return ("\(letter)\(tier.number)", parts[1].uppercased())
    }

    /// One managed disk (OS or data) billed by its size tier; Ultra disks by GiB, IOPS and throughput.
    static func diskLines(region: String, type: Value, size: Value, count: Quantity = .value(1), iops: Value = .null,
                          throughput: Value = .null, label: String, context: PricingContext,
                          operations: UsageKey = .monthlyDiskOperations) -> PricedUsage {
        var out = PricedUsage()
        let typeName = Quantities.isUnknown(type) ? "Standard_LRS" : (type.nonEmptyString ?? "Standard_LRS")
        if Quantities.isUnknown(type) { out.assume("\(label)disk type not known until apply: Standard_LRS assumed") }
        guard !Quantities.isUnknown(size), let gb = size.decimal else {
            out.add(UsageLine("\(label)Storage (\(typeName))", unit: "month", quantity: .unknownUntilApply(attribute: "disk_size_gb"),
                              priceKey: "azure/disk/\(region)/?"))
            return out
        }
        if typeName.hasPrefix("UltraSSD") {
            let n = count.decimal ?? 1
            let billed = ultraSize(gb)
            out.add(UsageLine("\(label)Storage (ultra, \(Money.plain(billed)) GiB)", unit: "GiB-month", quantity: .value(billed * n),
                              priceKey: "azure/disk/\(region)/ultra/storage"))
            if let i = iops.decimal {
                out.add(UsageLine("\(label)Provisioned IOPS", unit: "IOPS-month", quantity: .value(i * n), priceKey: "azure/disk/\(region)/ultra/iops"))
            }
            if let t = throughput.decimal {
                out.add(UsageLine("\(label)Throughput", unit: "MBps-month", quantity: .value(t * n), priceKey: "azure/disk/\(region)/ultra/throughput"))
            }
            return out
        }
        guard let (tier, redundancy) = diskTier(type: typeName, sizeGB: gb) else {
            out.add(UsageLine("\(label)Storage (\(typeName), \(Money.plain(gb)) GiB)", unit: "month", quantity: count,
                              priceKey: "azure/disk/\(region)/\(typeName.lowercased())"))
            return out
        }
        out.add(UsageLine("\(label)Storage (\(tier), \(redundancy))", unit: "month", quantity: count,
                          priceKey: "azure/disk/\(region)/\(tier.lowercased())-\(redundancy.lowercased())"))
        if typeName == "Standard_LRS" {
            out.add(UsageLine("\(label)Disk operations", unit: "10k operations",
                              quantity: Quantities.usage(operations, context, times: Decimal(string: "0.0001")!),
                              priceKey: "azure/disk/\(region)/operations/standard-hdd", usageBased: true))
        }
        return out
    }

    /// Ultra disks are billed at their provisioned size rounded up to Azure's Ultra sizes: 4, 8, 16, 32, 64, 128,
    /// 256, 512 GiB, then whole TiB.
    static func ultraSize(_ gb: Decimal) -> Decimal {
        for t: Decimal in [4, 8, 16, 32, 64, 128, 256, 512, 1024] where gb <= t { return t }
        guard gb <= 65536 else { return gb }   // past the largest Ultra size: as given
        var t: Decimal = 1024
        while t < gb { t += 1024 }
        return t
    }

    /// An OS disk's `disk_size_gb`, or, when the image decides it, the usual marketplace image's size (assumed, said so).
    /// The OS disk's size: its `disk_size_gb`, else the image's: Windows Server marketplace images carry a 127 GiB OS
    /// disk (their `smalldisk` SKUs and Linux images about 30 GiB). With no image named, 30 GiB — the smallest
    /// marketplace OS disk (and Infracost's default) — is assumed and said.
    static func osDiskSize(_ disk: Value, windows: Bool, image: Value = .null, _ out: inout PricedUsage) -> Value {
        let size = disk["disk_size_gb"]
        guard size.isNull || size.isUnknown else { return size }
        let ref = image.block
        let named = !ref.isNull && (ref["offer"].nonEmptyString != nil || ref["sku"].nonEmptyString != nil)
        let sku = (ref["sku"].nonEmptyString ?? "").lowercased()
        let windowsImage = named && windows && !sku.contains("smalldisk")
        let assumed: Decimal = windowsImage ? 127 : 30
        if named {
            out.assume("OS disk size comes from the image: \(Money.plain(assumed)) GiB assumed (the usual size of \(windowsImage ? "a Windows Server" : sku.contains("smalldisk") ? "a smalldisk" : "a Linux") marketplace image)")
        } else {
            out.assume("OS disk size comes from the image, which is not named: 30 GiB assumed (the smallest marketplace OS disk; a Windows Server image has 127 GiB)")
        }
        return .number(Money.plain(assumed))
    }

    /// Sizes that can use Premium SSD have an `s` among their feature letters (`D2s_v3`, `B2ms`) or a `DS`/`GS` family.
    static func supportsPremiumStorage(_ size: String) -> Bool {
        var name = Substring(size.lowercased())
        if name.hasPrefix("standard_") { name = name.dropFirst(9) } else if name.hasPrefix("basic_") { return false }
        let head = name.split(separator: "_").first ?? name
        if head.hasPrefix("ds") || head.hasPrefix("gs") { return true }
        let features = head.drop { !$0.isNumber }.drop { $0.isNumber || $0 == "-" }
        return features.contains("s")
    }
}
