import FoundationEssentials
/// `google_sql_database_instance`: vCPUs and memory of the tier (zonal or regional), provisioned storage, backups (usage),
/// the public IPv4 address, and a read replica's instance and storage (`replica_configuration`).
/// Shared-core and legacy MySQL `db-n1-*` tiers, Enterprise Plus and SQL Server licences have no price in the book.
struct CloudSQLPricer: Pricer {
    let resourceTypes = ["google_sql_database_instance"]
    let attributes: Set<String> = ["settings", "database_version", "replica_configuration"]
    let usageKeys: [UsageKey] = [.backupStorageGB, .monthlyHrs]

    /// vCPUs and GB of memory of a tier (Cloud SQL machine types; specifications, not prices): custom tiers name
    /// both, standard tiers have 3.75 GB per vCPU, high-memory 6.5 GB, lightweight 3.75 GB in all.
    static func shape(_ tier: String) -> (vcpus: Decimal, memoryGB: Decimal)? {
        let parts = tier.lowercased().split(separator: "-").map(String.init)
        guard parts.count >= 3, parts[0] == "db" else { return nil }
        if parts[1] == "custom" || (parts.count >= 5 && parts[2] == "custom") {
            let nums = parts.compactMap { Decimal(string: $0) }
            return nums.count >= 2 ? (nums[nums.count - 2], nums[nums.count - 1] / 1024) : nil
        }
        guard let n = Decimal(string: parts[parts.count - 1]) else { return nil }
        let family = parts[1] == "n1" && parts.count == 4 ? parts[2] : parts[1]
        switch family {
        case "standard": return (n, n * Decimal(string: "3.75")!)
        case "highmem": return (n, n * Decimal(string: "6.5")!)
        case "lightweight": return (n, Decimal(string: "3.75")!)
        default: return nil
        }
    }

    func usage(of r: Resource, context: PricingContext) -> PricedUsage {
        var out = PricedUsage()
        let region = GCP.region(r, &out)
        let settings = r.attributes["settings"].block
        let version = r.attributes["database_version"].nonEmptyString ?? ""
        let enterprisePlus = settings["edition"].nonEmptyString?.uppercased() == "ENTERPRISE_PLUS"
        if enterprisePlus { out.assume("Enterprise Plus edition: its prices are not in the price book") }
        let availability = (settings["availability_type"].nonEmptyString ?? "ZONAL") == "REGIONAL" ? "regional" : "zonal"
        out.append(instanceLines(region: region, settings: settings, version: version, availability: availability,
                                 enterprisePlus: enterprisePlus, context: context, label: ""))
        out.add(UsageLine("Backups", unit: "GB-month", quantity: Quantities.usage(.backupStorageGB, context),
                          priceKey: "gcp/sql/\(region)/backup", usageBased: true))
        // Google bills a public IPv4 address of an instance by the hour (Cloud SQL pricing, "IP address");
        // private-only instances (`ipv4_enabled = false`) have none.
        if settings["ip_configuration"].block["ipv4_enabled"].bool != false {
            out.add(UsageLine("IP address (if unused)", unit: "hour", quantity: .value(Quantities.monthlyHours(context)),
                              priceKey: "gcp/sql/\(region)/ip-unused"))
        }
        if !r.attributes["replica_configuration"].block.isNull {
            // a replica is a zonal instance of the same tier and disk
            out.append(instanceLines(region: region, settings: settings, version: version, availability: "zonal",
                                     enterprisePlus: enterprisePlus, context: context, label: "Replica > "))
        }
        return out
    }

    /// The tier's compute (and any SQL Server licence) and the provisioned storage of one instance.
    func instanceLines(region: String, settings: Value, version: String, availability: String, enterprisePlus: Bool,
                       context: PricingContext, label: String) -> PricedUsage {
        var out = PricedUsage()
        let hours = Quantities.monthlyHours(context)
        let edition = enterprisePlus ? "/enterprise-plus" : ""
        let sqlServer = version.uppercased().hasPrefix("SQLSERVER")
        let mysql = !sqlServer && !version.uppercased().hasPrefix("POSTGRES")
        let tierValue = settings["tier"]
        if let tier = tierValue.nonEmptyString, !Quantities.isUnknown(tierValue) {
            let legacyMySQL = mysql && tier.lowercased().hasPrefix("db-n1-")
            if !legacyMySQL, let (vcpus, gb) = Self.shape(tier) {
                out.add(UsageLine("\(label)vCPUs (\(Money.plain(vcpus)), \(availability))", unit: "vCPU-hour", quantity: .value(vcpus * hours),
                                  priceKey: "gcp/sql/\(region)/vcpu/\(availability)\(edition)"))
                out.add(UsageLine("\(label)Memory (\(Money.plain(gb)) GB, \(availability))", unit: "GB-month", quantity: .value(gb),
                                  priceKey: "gcp/sql/\(region)/memory/\(availability)\(edition)"))
            } else {
                // shared-core tiers and MySQL's legacy db-n1 tiers are priced per instance-hour
                out.add(UsageLine("\(label)SQL instance (\(tier), \(availability))", unit: "hour", quantity: .value(hours),
                                  priceKey: "gcp/sql/\(region)/tier/\(tier.lowercased())/\(availability)\(edition)"))
            }
        } else {
            out.add(UsageLine("\(label)SQL instance", unit: "hour", quantity: .unknownUntilApply(attribute: "settings.tier"),
                              priceKey: "gcp/sql/\(region)/tier/?"))
        }
        if sqlServer {
            out.add(UsageLine("\(label)SQL Server licence (\(version))", unit: "hour", quantity: .value(hours),
                              priceKey: "gcp/sql/\(region)/license/\(version.lowercased())"))
        }
        // SQL Server instances always use SSD storage
        let diskType = !sqlServer && (settings["disk_type"].nonEmptyString ?? "PD_SSD") == "PD_HDD" ? "hdd" : "ssd"
        let size = settings["disk_size"].decimal ?? 10
        if settings["disk_size"].decimal == nil, label.isEmpty { out.assume("disk_size not set: 10 GB, the Cloud SQL default") }
        out.add(UsageLine("\(label)Storage (\(diskType.uppercased()), \(availability))", unit: "GB-month", quantity: .value(size),
                          priceKey: "gcp/sql/\(region)/storage/\(diskType)-\(availability)\(edition)"))
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
