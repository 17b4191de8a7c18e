import FoundationEssentials
/// Usage keys of Cosmos DB databases, containers, keyspaces, graphs and tables (Infracost's names).
enum AzureACosmosKeys {
    static let storageGB = AzureAKeys.storageGB
    static let serverlessRUs = UsageKey("monthly_serverless_request_units", unit: "RU", "request units a month (serverless accounts)")
    static let restoredGB = UsageKey("monthly_restored_data_gb", unit: "GB", "data restored a month")
    static let analyticalWrites = UsageKey("monthly_analytical_storage_write_operations", unit: "operations", "analytical store writes a month")
    static let analyticalReads = UsageKey("monthly_analytical_storage_read_operations", unit: "operations", "analytical store reads a month")
    static let utilization = UsageKey("max_request_units_utilization_percentage", unit: "percent",
                                      "average share of the autoscale maximum throughput used")
    static let all: [UsageKey] = [storageGB, serverlessRUs, restoredGB, analyticalWrites, analyticalReads, utilization]
}

/// Cosmos DB databases, containers, keyspaces, graphs and tables: throughput in each of the account's regions
/// (provisioned RU/s, autoscale at the usage's utilisation, or serverless request units), transactional and
/// analytical storage and operations, periodic or continuous backup, and restored data, as Infracost bills them.
enum AzureACosmosDBPricers {
    static let K = AzureACosmosKeys.self
    static let accountAttributes: Set<String> = ["name", "location", "resource_group_name", "geo_location", "backup",
                                                 "analytical_storage_enabled", "enable_multiple_write_locations", "multiple_write_locations_enabled"]

    static let all: [any Pricer] = [
        ComponentPricer(["azurerm_cosmosdb_cassandra_keyspace", "azurerm_cosmosdb_gremlin_database", "azurerm_cosmosdb_gremlin_graph",
                         "azurerm_cosmosdb_mongo_database", "azurerm_cosmosdb_mongo_collection", "azurerm_cosmosdb_sql_database",
                         "azurerm_cosmosdb_sql_container", "azurerm_cosmosdb_table", "azurerm_cosmosdb_cassandra_table"],
                        attributes: ["account_name", "cassandra_keyspace_id", "database_name", "throughput", "autoscale_settings"], usage: K.all,
                        related: ["azurerm_cosmosdb_account": accountAttributes,
                                  "azurerm_cosmosdb_cassandra_keyspace": ["account_name", "name"],
                                  "azurerm_cosmosdb_mongo_database": ["account_name", "name"]]) { c in
            price(&c)
        },
    ]

    /// The account a database belongs to: its `account_name` (a reference, else the name), or its keyspace's
    /// (Cassandra tables) or database's (Mongo collections).
    static func account(of r: Resource, _ context: PricingContext) -> Resource? {
        var holder = r
        if r.type == "azurerm_cosmosdb_cassandra_table" {
            guard let keyspace = context.referenced("azurerm_cosmosdb_cassandra_keyspace", from: r, attribute: "cassandra_keyspace_id") else { return nil }
            holder = keyspace
        }
        // a Mongo collection belongs to its database's account (as Infracost follows it)
        if r.type == "azurerm_cosmosdb_mongo_collection",
           let database = context.referenced("azurerm_cosmosdb_mongo_database", from: r, attribute: "database_name") {
            holder = database
        }
        if let account = context.referenced("azurerm_cosmosdb_account", from: holder, attribute: "account_name") { return account }
        guard let name = holder.attributes["account_name"].nonEmptyString, !Quantities.isUnknown(holder.attributes["account_name"]) else { return nil }
        return context.find("azurerm_cosmosdb_account", where: "name", equals: name)
    }

    static func price(_ c: inout Components) {
        guard let account = account(of: c.resource, c.context) else {
            c.line("Provisioned throughput", unit: "RU/s x 100", quantity: .notDeclared(reason: "Cosmos DB account not found in the configuration"))
            c.assume("Cosmos DB account not found in the configuration: its regions and backup decide the price")
            return
        }
        if c.resource.region == nil {
            c = Components(c.resource, c.context, region: Components.resourceGroupRegion(c.resource, c.context) ?? account.region
                           ?? Components.resourceGroupRegion(account, c.context))
        }
        let a = c.resource.attributes
        let acc = account.attributes
        let locations = acc["geo_location"].array.compactMap { g -> (name: String, zoneRedundant: Bool)? in
            guard let loc = g["location"].nonEmptyString, let name = AzureA.displayName(loc) else { return nil }
            return (name, g["zone_redundant"].bool == true)
        }
        let multiWrite = acc["enable_multiple_write_locations"].bool == true || acc["multiple_write_locations_enabled"].bool == true
        // multi-region writes bill other meters under the same labels: those keys name the SKU (no fact prices them)
        func throughputLine(_ name: String, _ quantity: Quantity) {
            if multiWrite {
                AzureA.line(&c, name, unit: "RU/s x 100", quantity: quantity, qualifier: "sku=mrus")
            } else {
                c.line(name, unit: "RU/s x 100", quantity: quantity)
            }
        }

        let autoscaleMax = a["autoscale_settings"].block["max_throughput"]
        if let throughput = c.number("throughput") {
            // RU/s in hundreds, all month, in each region (zone-redundant regions at 1.25 times)
            for l in locations {
                let factor: Decimal = (!multiWrite && l.zoneRedundant) ? Decimal(125) / 100 : 1
                throughputLine("Provisioned throughput (provisioned, \(l.name))", Quantities.scaled(throughput, by: factor / 100))
            }
        } else if !autoscaleMax.isNull {
            // autoscale bills the RU/s used (the usage's share of the maximum) at 1.5 times the provisioned rate
            var q: Quantity
            if Quantities.isUnknown(autoscaleMax) {
                q = .unknownUntilApply(attribute: "autoscale_settings.max_throughput")
            } else if let max = autoscaleMax.decimal, let pct = c.context.usage[K.utilization] {
                q = .value(max * pct / 100 / 100 * (multiWrite ? 1 : Decimal(15) / 10))
            } else {
                q = .usageNotGiven
            }
            for l in locations { throughputLine("Provisioned throughput (autoscale, \(l.name))", q) }
        } else {
            let zoneRedundant = acc["geo_location"].array.first?["zone_redundant"].bool == true
            c.usage("Provisioned throughput (serverless)", unit: "1M RU", K.serverlessRUs,
                    times: (zoneRedundant ? Decimal(125) / 100 : 1) / 1_000_000)
        }

        let analytical = acc["analytical_storage_enabled"].bool == true
        for l in locations {
            let storage = "Transactional storage (\(l.name))"
            if multiWrite {   // Infracost asks the multi-region-write meter for it too
                AzureA.line(&c, storage, unit: "GB", quantity: Quantities.usage(K.storageGB, c.context), qualifier: "sku=mrus", usageBased: true)
            } else {
                c.usage(storage, unit: "GB", K.storageGB)
            }
            if analytical {
                c.usage("Analytical storage (\(l.name))", unit: "GB", K.storageGB)
                c.usage("Analytical write operations (\(l.name))", unit: "10K operations", K.analyticalWrites, times: Decimal(1) / 10_000)
                c.usage("Analytical read operations (\(l.name))", unit: "10K operations", K.analyticalReads, times: Decimal(1) / 10_000)
            }
        }

        let backup = acc["backup"].block
        let periodic = (backup["type"].nonEmptyString ?? "Periodic").lowercased() == "periodic"
        var backupGB = c.context.usage[K.storageGB]
        if periodic, let gb = backupGB {
            // copies kept beyond the two Azure includes: retention over interval (defaults 8 h and 4 h)
            let interval = (backup["interval_in_minutes"].decimal ?? 240) / 60
            let retention = backup["retention_in_hours"].decimal ?? 8
            var copies: Decimal = 1
            if retention > interval, interval > 0 {
                // whole copies (retention ≤ 10,000 h, so the ratio is a small number)
                let whole = (Double("\(retention / interval)") ?? 0).rounded(.down)
                copies = max(Decimal(Int(min(whole, 1_000_000))) - 2, 0)
            }
            backupGB = gb * copies
        }
        if backupGB != 0 {
            for l in locations {
                c.line("\(periodic ? "Periodic" : "Continuous") backup (\(l.name))", unit: "GB",
                       quantity: backupGB.map { .value($0) } ?? .usageNotGiven, usageBased: true)
            }
        }
        c.usage("Restored data", unit: "GB", K.restoredGB)
    }
}
