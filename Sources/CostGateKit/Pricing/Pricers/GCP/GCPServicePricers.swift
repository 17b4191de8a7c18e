import FoundationEssentials
/// `google_sql_database_instance`: vCPUs and memory of the tier (zonal or regional), provisioned storage, backups (usage).
/// Shared-core tiers and SQL Server licences are not in the price book and show as price not found.
struct CloudSQLPricer: Pricer {
    let resourceTypes = ["google_sql_database_instance"]
    let attributes: Set<String> = ["settings", "database_version"]
    let usageKeys: [UsageKey] = [.backupStorageGB, .monthlyHrs]

    /// vCPUs and GB of memory of a tier (Cloud SQL machine types; specifications, not prices).
    static func shape(_ tier: String) -> (vcpus: Decimal, memoryGB: Decimal)? {
        let parts = tier.split(separator: "-").map(String.init)
        if parts.count >= 4, parts[1] == "custom" || parts[2] == "custom" {
            let nums = parts.compactMap { Decimal(string: $0) }
            if nums.count >= 2 { return (nums[nums.count - 2], nums[nums.count - 1] / 1024) }
        }
        if parts.count == 4, parts[1] == "n1", let n = Decimal(string: parts[3]) {
            switch parts[2] {
            case "standard": return (n, n * Decimal(string: "3.75")!)
            case "highmem": return (n, n * Decimal(string: "6.5")!)
            default: return nil
            }
        }
        return nil
    }

    func usage(of r: Resource, context: PricingContext) -> PricedUsage {
        var out = PricedUsage()
        let region = GCP.region(r, &out)
        let settings = r.attributes["settings"].block
        let hours = Quantities.monthlyHours(context)
        let availability = (settings["availability_type"].nonEmptyString ?? "ZONAL") == "REGIONAL" ? "regional" : "zonal"
        let tierValue = settings["tier"]
        if let tier = tierValue.nonEmptyString, !Quantities.isUnknown(tierValue) {
            if let (vcpus, gb) = Self.shape(tier) {
                out.add(UsageLine("vCPUs (\(Money.plain(vcpus)), \(availability))", unit: "vCPU-hour", quantity: .value(vcpus * hours),
                                  priceKey: "gcp/sql/\(region)/vcpu/\(availability)"))
                out.add(UsageLine("Memory (\(Money.plain(gb)) GB, \(availability))", unit: "GB-month", quantity: .value(gb),
                                  priceKey: "gcp/sql/\(region)/memory/\(availability)"))
            } else {
                out.add(UsageLine("Instance (\(tier), \(availability))", unit: "hour", quantity: .value(hours),
                                  priceKey: "gcp/sql/\(region)/tier/\(tier)/\(availability)"))
            }
        } else {
            out.add(UsageLine("Instance", unit: "hour", quantity: .unknownUntilApply(attribute: "settings.tier"), priceKey: "gcp/sql/\(region)/tier/?"))
        }
        if let version = r.attributes["database_version"].nonEmptyString, version.hasPrefix("SQLSERVER") {
            out.add(UsageLine("SQL Server licence (\(version))", unit: "hour", quantity: .value(hours),
                              priceKey: "gcp/sql/\(region)/license/\(version.lowercased())"))
        }
        let diskType = (settings["disk_type"].nonEmptyString ?? "PD_SSD") == "PD_HDD" ? "hdd" : "ssd"
        let size = settings["disk_size"].decimal ?? 10
        if settings["disk_size"].decimal == nil { out.assume("disk_size not set: 10 GB, the Cloud SQL default") }
        out.add(UsageLine("Storage (\(diskType.uppercased()), \(availability))", unit: "GB-month", quantity: .value(size),
                          priceKey: "gcp/sql/\(region)/storage/\(diskType)-\(availability)"))
        out.add(UsageLine("Backups", unit: "GB-month", quantity: Quantities.usage(.backupStorageGB, context),
                          priceKey: "gcp/sql/\(region)/backup", usageBased: true))
        return out
    }
}

/// `google_compute_address`: an external static IPv4 address, by default taken as in use by a VM
/// (`in_use: 0` in the usage file prices it as reserved and unused); internal addresses are free.
struct GCPAddressPricer: Pricer {
    let resourceTypes = ["google_compute_address"]
    let attributes: Set<String> = ["address_type"]
    let usageKeys: [UsageKey] = [.inUse, .monthlyHrs]

    func usage(of r: Resource, context: PricingContext) -> PricedUsage {
        var out = PricedUsage()
        if (r.attributes["address_type"].nonEmptyString ?? "EXTERNAL") == "INTERNAL" {
            out.assume("internal address: no charge")
            return out
        }
        let region = GCP.region(r, &out)
        let inUse = context.usage[.inUse].map { $0 != 0 } ?? true
        if context.usage[.inUse] == nil { out.assume("taken as in use by a VM; set in_use: 0 if it stays reserved and unattached") }
        out.add(UsageLine("IP address (\(inUse ? "in use by a VM" : "reserved, unused"))", unit: "hour",
                          quantity: .value(Quantities.monthlyHours(context)), priceKey: "gcp/ip/\(region)/\(inUse ? "in-use" : "unused")"))
        return out
    }
}

/// `google_compute_router_nat`: per assigned VM up to 32 (usage `assigned_vms`), else the gateway's hourly charge at
/// 32 or more; plus GB processed.
struct GCPRouterNATPricer: Pricer {
    let resourceTypes = ["google_compute_router_nat"]
    let attributes: Set<String> = []
    let usageKeys: [UsageKey] = [.assignedVMs, .monthlyHrs, .monthlyDataProcessedGB]

    func usage(of r: Resource, context: PricingContext) -> PricedUsage {
        var out = PricedUsage()
        let region = GCP.region(r, &out)
        let hours = Quantities.monthlyHours(context)
        if let vms = context.usage[.assignedVMs], vms < 32 {
            out.add(UsageLine("Assigned VMs (\(Money.plain(vms)))", unit: "VM-hour", quantity: .value(vms * hours), priceKey: "gcp/nat/\(region)/vm"))
        } else {
            out.add(UsageLine("NAT gateway (32 or more VMs)", unit: "hour", quantity: .value(hours), priceKey: "gcp/nat/\(region)/gateway"))
            if context.usage[.assignedVMs] == nil {
                out.assume("priced at the gateway's charge for 32 or more VMs; set assigned_vms for fewer")
            }
        }
        out.add(Quantities.dataProcessed("gcp/nat/\(region)/data", context))
        return out
    }
}

/// `google_compute_forwarding_rule`, `google_compute_global_forwarding_rule`: rule hours plus ingress GB (usage).
struct GCPForwardingRulePricer: Pricer {
    let resourceTypes = ["google_compute_forwarding_rule", "google_compute_global_forwarding_rule"]
    let attributes: Set<String> = ["load_balancing_scheme"]
    let usageKeys: [UsageKey] = [.monthlyIngressDataGB, .monthlyHrs]

    func usage(of r: Resource, context: PricingContext) -> PricedUsage {
        var out = PricedUsage()
        let global = r.type == "google_compute_global_forwarding_rule" && r.region == nil
        if global { out.assume("global rule: priced at the us-central1 rate") }
        let region = GCP.region(r, &out, fallback: global ? "us-central1" : nil)
        out.add(UsageLine("Forwarding rule", unit: "hour", quantity: .value(Quantities.monthlyHours(context)), priceKey: "gcp/lb/\(region)/forwarding-rule"))
        out.add(UsageLine("Ingress data", unit: "GB", quantity: Quantities.usage(.monthlyIngressDataGB, context),
                          priceKey: "gcp/lb/\(region)/ingress-data", usageBased: true))
        return out
    }
}

/// `google_storage_bucket`: GB stored by location and class, class A/B operations and retrieval (all usage).
struct GCSBucketPricer: Pricer {
    let resourceTypes = ["google_storage_bucket"]
    let attributes: Set<String> = ["storage_class"]
    let usageKeys: [UsageKey] = [.storageGB, .monthlyClassAOperations, .monthlyClassBOperations, .monthlyDataRetrievalGB]

    static let classes = ["STANDARD": "standard", "MULTI_REGIONAL": "standard", "REGIONAL": "standard", "NEARLINE": "nearline",
                          "COLDLINE": "coldline", "ARCHIVE": "archive", "DURABLE_REDUCED_AVAILABILITY": "durable-reduced-availability"]

    func usage(of r: Resource, context: PricingContext) -> PricedUsage {
        var out = PricedUsage()
        let location = (r.attributes["location"].nonEmptyString ?? r.region ?? "US").lowercased()
        let cls = Self.classes[(r.attributes["storage_class"].nonEmptyString ?? "STANDARD").uppercased()] ?? "standard"
        out.add(UsageLine("Storage (\(cls))", unit: "GB-month", quantity: Quantities.usage(.storageGB, context),
                          priceKey: "gcp/storage/\(location)/\(cls)", usageBased: true))
        out.add(UsageLine("Object adds, bucket/object list (class A)", unit: "10k operations",
                          quantity: Quantities.usage(.monthlyClassAOperations, context, times: Decimal(string: "0.0001")!),
                          priceKey: "gcp/storage/\(location)/class-a", usageBased: true))
        out.add(UsageLine("Object gets, metadata (class B)", unit: "10k operations",
                          quantity: Quantities.usage(.monthlyClassBOperations, context, times: Decimal(string: "0.0001")!),
                          priceKey: "gcp/storage/\(location)/class-b", usageBased: true))
        if cls != "standard" {
            out.add(UsageLine("Data retrieval", unit: "GB", quantity: Quantities.usage(.monthlyDataRetrievalGB, context),
                              priceKey: "gcp/storage/\(location)/\(cls)/retrieval", usageBased: true))
        }
        return out
    }
}
