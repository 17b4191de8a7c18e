import FoundationEssentials

/// A value a usage file can give a pricer: its name in the file, its unit, and what it means. Pricers
/// read usage only through these, and each pricer lists the ones it reads (`Pricer.usageKeys`), so a key
/// a usage file misspells is found and named (Infracost's `UsageSchema` habit).
public struct UsageKey: Sendable, Hashable {
    public let name: String
    public let unit: String
    public let meaning: String
    /// A word (`windows`), not a number.
    public let isText: Bool

    public init(_ name: String, unit: String, _ meaning: String, text: Bool = false) {
        self.name = name
        self.unit = unit
        self.meaning = meaning
        self.isText = text
    }
}

extension UsageKey {
    // Time
    public static let monthlyHrs = UsageKey("monthly_hrs", unit: "hours", "hours a month it runs (default 730)")
    // Compute
    public static let operatingSystem = UsageKey("operating_system", unit: "linux|windows", "the instances' operating system (default linux)", text: true)
    public static let rootVolumeSizeGB = UsageKey("root_volume_size_gb", unit: "GB", "the AMI's root volume, not in the plan (default 8)")
    public static let monthlyCPUCreditHrs = UsageKey("monthly_cpu_credit_hrs", unit: "vCPU-hours", "unlimited-mode surplus CPU credits a month, per instance")
    public static let instances = UsageKey("instances", unit: "instances", "instances an autoscaled group runs on average")
    public static let nodes = UsageKey("nodes", unit: "nodes", "nodes a node pool runs on average")
    public static let assignedVMs = UsageKey("assigned_vms", unit: "VMs", "virtual machines using the resource")
    public static let monthlyVCoreHours = UsageKey("monthly_vcore_hours", unit: "vCore-hours", "serverless vCore-hours a month")
    public static let inUse = UsageKey("in_use", unit: "0|1", "1 when the address is attached to a running VM, 0 when idle")
    // Kubernetes
    public static let monthlyRuns = UsageKey("monthly_runs", unit: "runs", "runs of a Job or CronJob a month (default: from the schedule)")
    public static let runDurationMinutes = UsageKey("run_duration_minutes", unit: "minutes", "how long one run of a Job or CronJob lasts")
    // Requests and data
    public static let monthlyRequests = UsageKey("monthly_requests", unit: "requests", "requests a month")
    public static let requestDurationMs = UsageKey("request_duration_ms", unit: "ms", "average duration of a request")
    public static let monthlyTier1Requests = UsageKey("monthly_tier_1_requests", unit: "requests", "PUT, COPY, POST, LIST requests a month")
    public static let monthlyTier2Requests = UsageKey("monthly_tier_2_requests", unit: "requests", "GET, SELECT and other requests a month")
    public static let monthlyClassAOperations = UsageKey("monthly_class_a_operations", unit: "operations", "class A operations a month")
    public static let monthlyClassBOperations = UsageKey("monthly_class_b_operations", unit: "operations", "class B operations a month")
    public static let monthlyReadRequestUnits = UsageKey("monthly_read_request_units", unit: "RRUs", "on-demand read request units a month")
    public static let monthlyWriteRequestUnits = UsageKey("monthly_write_request_units", unit: "WRUs", "on-demand write request units a month")
    public static let monthlyIORequests = UsageKey("monthly_io_requests", unit: "requests", "storage I/O requests a month")
    public static let monthlyStandardIORequests = UsageKey("monthly_standard_io_requests", unit: "requests", "magnetic volume I/O requests a month")
    public static let monthlyDiskOperations = UsageKey("monthly_disk_operations", unit: "operations", "disk operations a month")
    public static let monthlyDataProcessedGB = UsageKey("monthly_data_processed_gb", unit: "GB", "data processed a month")
    public static let monthlyDataIngestedGB = UsageKey("monthly_data_ingested_gb", unit: "GB", "log data ingested a month")
    public static let monthlyIngressDataGB = UsageKey("monthly_ingress_data_gb", unit: "GB", "data coming in a month")
    public static let monthlyDataRetrievalGB = UsageKey("monthly_data_retrieval_gb", unit: "GB", "data retrieved a month")
    public static let capacityUnits = UsageKey("capacity_units", unit: "units", "capacity units used, on average per hour")
    public static let capacityUnitsPerHr = UsageKey("capacity_units_per_hr", unit: "units", "capacity units used per hour")
    public static let averageACU = UsageKey("average_acu", unit: "ACUs", "Aurora capacity units used on average")
    // Storage
    public static let storageGB = UsageKey("storage_gb", unit: "GB", "data stored")
    public static let infrequentAccessStorageGB = UsageKey("infrequent_access_storage_gb", unit: "GB", "data stored in the infrequent-access class")
    public static let monthlyStorageGB = UsageKey("monthly_storage_gb", unit: "GB", "snapshot data stored")
    public static let snapshotStorageSizeGB = UsageKey("snapshot_storage_size_gb", unit: "GB", "snapshot data stored")
    public static let backupStorageGB = UsageKey("backup_storage_gb", unit: "GB", "backup data stored")
    public static let additionalBackupStorageGB = UsageKey("additional_backup_storage_gb", unit: "GB", "backup storage beyond the free allowance")
    public static let monthlyPITRBackupStorageGB = UsageKey("monthly_pitr_backup_storage_gb", unit: "GB", "point-in-time-restore backup storage")
}

/// `costgate usage keys [TYPE]`: every priced type's usage keys, or one type's.
public enum UsageKeyListing {
    public static func text(type: String?, registry: PricerRegistry = .standard) throws -> String {
        let types = try type.map { t -> [String] in
            guard registry.pricer(for: t) != nil else {
                let near = Suggestion.nearest(t, among: registry.supportedTypes).map { "; did you mean \($0)?" } ?? ""
                throw CostGateError("\(t) is not a type costgate prices\(near) (`costgate usage keys` lists every type's keys)")
            }
            return [t]
        } ?? registry.supportedTypes
        var out = ""
        for t in types {
            let keys = registry.pricer(for: t)!.usageKeys
            if type != nil && keys.isEmpty { out += "\(t): no usage keys (its cost depends only on its attributes)\n" }
            for k in keys { out += "\(t)\t\(k.name)\t\(k.unit)\t\(k.meaning)\n" }
        }
        return out
    }
}

extension UsageKeyListing {
    /// The README's table of usage keys (between `<!-- usage-keys -->` markers), made from the
    /// declarations; a test keeps the README equal to it.
    public static func markdownTable(registry: PricerRegistry = .standard) -> String {
        var rows: [String: [String]] = [:]   // keys → types, so types that read the same keys share a row
        for t in registry.supportedTypes {
            let keys = registry.pricer(for: t)!.usageKeys.map { "`\($0.name)`" }
            guard !keys.isEmpty else { continue }
            rows[keys.joined(separator: ", "), default: []].append("`\(t)`")
        }
        var out = "| types | usage keys |\n| --- | --- |\n"
        for (keys, types) in rows.sorted(by: { $0.value[0] < $1.value[0] }) {
            out += "| \(types.joined(separator: ", ")) | \(keys) |\n"
        }
        var units = "\nWhat each key means (`costgate usage keys [TYPE]` lists them per type):\n\n| key | unit | meaning |\n| --- | --- | --- |\n"
        var seen = Set<String>()
        for k in registry.pricers.flatMap(\.usageKeys).sorted(by: { $0.name < $1.name }) where seen.insert(k.name).inserted {
            units += "| `\(k.name)` | \(k.unit) | \(k.meaning) |\n"
        }
        return out + units
    }
}

/// The nearest of some names to a misspelt one (edit distance), when it is near enough to suggest.
public enum Suggestion {
    public static func nearest(_ word: String, among names: [String]) -> String? {
        let w = Array(word.utf8)
        var best: (String, Int)?
        for name in names {
            let d = distance(w, Array(name.utf8))
            if d <= max(2, w.count / 4), best.map({ d < $0.1 }) ?? true { best = (name, d) }
        }
        return best?.0
    }

    /// Levenshtein distance with adjacent transpositions counted as one edit.
    static func distance(_ a: [UInt8], _ b: [UInt8]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var prev2 = [Int](repeating: 0, count: b.count + 1)
        var prev = Array(0...b.count)
        var cur = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            cur[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { cur[j] = min(cur[j], prev2[j - 2] + 1) }
            }
            (prev2, prev, cur) = (prev, cur, prev2)
        }
        return prev[b.count]
    }
}

extension UsageKeyListing {
    /// Every type costgate prices, by cloud (`costgate types`); the README's list (between `<!-- priced-types -->`
    /// markers) is this, kept equal by a test.
    public static func pricedTypes(markdown: Bool, registry: PricerRegistry = .standard) -> String {
        let groups: [(String, String)] = [("AWS", "aws_"), ("Azure", "azurerm_"), ("Google Cloud", "google_"), ("Kubernetes", "k8s:")]
        var out = ""
        for (name, prefix) in groups {
            let types = registry.supportedTypes.filter { $0.hasPrefix(prefix) }
            guard !types.isEmpty else { continue }
            if markdown {
                out += "\(name) (\(types.count)): " + types.map { "`\($0)`" }.joined(separator: ", ") + ".\n\n"
            } else {
                for t in types { out += t + "\n" }
            }
        }
        if markdown {
            let total = registry.supportedTypes.filter { t in groups.contains { t.hasPrefix($0.1) } }.count
            out += "\(total) types in all (`costgate types` lists them).\n"
        }
        return out
    }
}
