import FoundationEssentials
/// `google_sql_database_instance`: vCPUs and memory of the tier (zonal or regional), provisioned storage, backups (usage),
/// the public IPv4 address, and a read replica's instance and storage (`replica_configuration`).
/// Shared-core tiers, Enterprise Plus and SQL Server licences have no price in the book.
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
        let tierValue = settings["tier"]
        if let tier = tierValue.nonEmptyString, !Quantities.isUnknown(tierValue) {
            // every dedicated-core tier (db-n1-* too, whatever the engine) bills vCPUs and memory
            if let (vcpus, gb) = Self.shape(tier) {
                out.add(UsageLine("\(label)vCPUs (\(Money.plain(vcpus)), \(availability))", unit: "vCPU-hour", quantity: .value(vcpus * hours),
                                  priceKey: "gcp/sql/\(region)/vcpu/\(availability)\(edition)"))
                out.add(UsageLine("\(label)Memory (\(Money.plain(gb)) GB, \(availability))", unit: "GB-month", quantity: .value(gb),
                                  priceKey: "gcp/sql/\(region)/memory/\(availability)\(edition)"))
            } else {
                // shared-core tiers are priced per instance-hour
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

/// `google_compute_address`: an external static IPv4 address by the hour at Compute Engine's rates: in use by a
/// standard VM, by a spot/preemptible VM, or reserved and unused (no VM of the run uses it; `in_use: 1` in the
/// usage file says it is in use). Internal addresses and non-VM purposes are free.
struct GCPAddressPricer: Pricer {
    let resourceTypes = ["google_compute_address"]
    let attributes: Set<String> = ["address_type", "purpose"]
    let usageKeys: [UsageKey] = [.inUse, .monthlyHrs]
    let relatedAttributes: [String: Set<String>] = ["google_compute_instance": ["network_interface", "scheduling"]]

    /// How an address is used: by a VM of the run (spot or not), by another resource that takes it, or by none.
    enum Use { case standardVM, spotVM, other, unused }

    static func use(of r: Resource, context: PricingContext) -> Use {
        let name = ConfigIndex.stripKeys(r.address)
        func refers(_ other: Resource, _ attribute: String) -> Bool {
            (other.references[attribute] ?? []).contains { ref in
                let parts = ConfigIndex.splitSegments(ref)
                guard parts.count >= 2 else { return false }
                let base = "\(parts[0]).\(parts[1])"
                return (other.moduleAddress.isEmpty ? base : "\(other.moduleAddress).\(base)") == name
            }
        }
        for vm in context.resources(ofType: "google_compute_instance") where refers(vm, "network_interface") {
            let s = vm.attributes["scheduling"].block
            return s["preemptible"].bool == true || s["provisioning_model"].string == "SPOT" ? .spotVM : .standardVM
        }
        for (type, attribute) in [("google_compute_forwarding_rule", "ip_address"), ("google_compute_router_nat", "nat_ips")] {
            if context.resources(ofType: type).contains(where: { refers($0, attribute) }) { return .other }
        }
        return .unused
    }

    func usage(of r: Resource, context: PricingContext) -> PricedUsage {
        var out = PricedUsage()
        let a = r.attributes
        let purpose = a["purpose"].nonEmptyString ?? "GCE_ENDPOINT"
        if (a["address_type"].nonEmptyString ?? "EXTERNAL") == "INTERNAL" || purpose != "GCE_ENDPOINT" {
            out.assume(purpose != "GCE_ENDPOINT" ? "address range for \(purpose): no charge" : "internal address: no charge")
            return out
        }
        let region = GCP.region(r, &out)
        var use = Self.use(of: r, context: context)
        if let given = context.usage[.inUse] {
            use = given == 0 ? .unused : (use == .unused ? .standardVM : use)
        } else if use == .unused {
            out.assume("no VM of this configuration uses it: priced as reserved and unused (set in_use: 1 if it is)")
        } else if use == .other {
            out.assume("used by a forwarding rule or NAT gateway: priced at the in-use rate")
        }
        let hours = Quantity.value(Quantities.monthlyHours(context))
        let key = { (c: String) in PriceKeys.component(.gcp, type: "google_compute_address", region: region, component: c, unit: "hour") }
        switch use {
        case .standardVM, .other:
            out.add(UsageLine("IP address (standard VM)", unit: "hour", quantity: hours, priceKey: "gcp/ip/\(region)/in-use"))
        case .spotVM:
            out.add(UsageLine("IP address (preemptible VM)", unit: "hour", quantity: hours, priceKey: key("IP address (preemptible VM)")))
        case .unused:
            out.add(UsageLine("IP address (unused)", unit: "hour", quantity: hours, priceKey: "gcp/ip/\(region)/unused"))
        }
        return out
    }
}

/// `google_compute_router_nat`: per assigned VM-hour for up to 32 VMs (usage `assigned_vms`; past 32 the gateway is
/// billed as 32), plus GB processed (usage).
struct GCPRouterNATPricer: Pricer {
    let resourceTypes = ["google_compute_router_nat"]
    let attributes: Set<String> = []
    let usageKeys: [UsageKey] = [.assignedVMs, .monthlyHrs, .monthlyDataProcessedGB]

    func usage(of r: Resource, context: PricingContext) -> PricedUsage {
        var out = PricedUsage()
        let region = GCP.region(r, &out)
        let hours = Quantities.monthlyHours(context)
        if let vms = context.usage[.assignedVMs], vms >= 32 {
            // from 32 VMs on, the gateway's hourly charge (the price of 32 VMs) applies
            out.add(UsageLine("NAT gateway (32 or more VMs)", unit: "hour", quantity: .value(hours), priceKey: "gcp/nat/\(region)/gateway",
                              usageBased: true))
        } else {
            out.add(UsageLine("Assigned VMs (first 32)", unit: "VM-hour", quantity: context.usage[.assignedVMs].map { .value($0 * hours) } ?? .usageNotGiven,
                              priceKey: "gcp/nat/\(region)/vm", usageBased: true))
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
        + GCSKeys.egress.map(\.key)

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
        out.append(Self.egressLines(r, location: location, context: context))
        return out
    }
}

enum GCSKeys {
    /// Egress destinations (Infracost's `monthly_egress_data_transfer_gb` mapping) and their line names.
    static let egress: [(key: UsageKey, name: String, tiered: Bool)] = [
        (UsageKey("monthly_egress_data_transfer_gb.same_continent", unit: "GB", "GB sent to the same continent"), "Data transfer in same continent", false),
        (UsageKey("monthly_egress_data_transfer_gb.worldwide", unit: "GB", "GB sent worldwide (excluding Asia and Australia)"),
         "Data transfer to worldwide excluding Asia, Australia", true),
        (UsageKey("monthly_egress_data_transfer_gb.asia", unit: "GB", "GB sent to Asia (excluding China, including Hong Kong)"),
         "Data transfer to Asia excluding China, but including Hong Kong", true),
        (UsageKey("monthly_egress_data_transfer_gb.china", unit: "GB", "GB sent to China (excluding Hong Kong)"), "Data transfer to China excluding Hong Kong", true),
        (UsageKey("monthly_egress_data_transfer_gb.australia", unit: "GB", "GB sent to Australia"), "Data transfer to Australia", true),
    ]
}

extension GCSBucketPricer {
    /// Internet egress by destination; tiered destinations are billed by the first 1 TB (1,024 GB), the next 9 TB
    /// and the rest, each tier at its own price.
    static func egressLines(_ r: Resource, location: String, context: PricingContext) -> PricedUsage {
        var out = PricedUsage()
        func key(_ name: String) -> String {
            PriceKeys.component(.gcp, type: "google_storage_bucket", region: location, component: "Network egress > \(name)", unit: "GB")
        }
        // only the destinations the usage file gives: egress prices are known for few locations
        for (usageKey, name, tiered) in GCSKeys.egress {
            guard let gb = context.usage[usageKey] else { continue }
            guard tiered else {
                out.add(UsageLine("Network egress > \(name)", unit: "GB", quantity: .value(gb), priceKey: key(name), usageBased: true))
                continue
            }
            var left = gb
            for (tier, size) in [("first 1TB", Decimal(1024)), ("next 9TB", Decimal(9216)), ("over 10TB", Decimal(-1))] where left > 0 {
                let q = size < 0 ? left : Swift.min(left, size)
                left -= q
                let label = "\(name) (\(tier))"
                out.add(UsageLine("Network egress > \(label)", unit: "GB", quantity: .value(q), priceKey: key(label), usageBased: true))
            }
        }
        return out
    }
}
