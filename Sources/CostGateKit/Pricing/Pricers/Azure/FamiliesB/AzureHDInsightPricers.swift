import FoundationEssentials
/// HDInsight clusters: node hours by role and size (two head nodes, three ZooKeeper nodes, the workers' target count,
/// edge nodes), and for Kafka the workers' managed disks and their operations.
enum AzureHDInsightPricers {
    static let all: [any Pricer] = [hadoop, hbase, interactiveQuery, spark, kafka]

    static let osDiskOperations = UsageKey("monthly_os_disk_operations", unit: "operations", "operations a month on each worker managed disk")

    /// The node lines of a cluster; `workerLabel` is what the role is called (`Region` for HBase).
    static func nodes(_ c: inout Components, workerLabel: String = "Worker", edge: Bool = false) {
        let roles = c.resource.attributes["roles"].block
        func node(_ role: String, _ label: String, count: Quantity) {
            let block = roles[role].block
            let size = block["vm_size"]
            guard let name = size.nonEmptyString, !Quantities.isUnknown(size) else {
                c.line("\(label) node", unit: "hour", quantity: .unknownUntilApply(attribute: "roles.\(role).vm_size"))
                return
            }
            c.hours("\(label) node (\(name))", count: count)
        }
        node("head_node", "Head", count: .value(2))
        let workers = Quantities.number(roles["worker_node"].block["target_instance_count"], attribute: "roles.worker_node.target_instance_count")
        node("worker_node", workerLabel, count: workers ?? .value(0))
        node("zookeeper_node", "Zookeeper", count: .value(3))
        if edge, !roles["edge_node"].block.isNull {
            let n = Quantities.number(roles["edge_node"].block["target_instance_count"], attribute: "roles.edge_node.target_instance_count")
            node("edge_node", "Edge", count: n ?? .value(0))
        }
    }

    /// `azurerm_hdinsight_hadoop_cluster`: head, worker, ZooKeeper and edge nodes by the hour.
    static let hadoop = ComponentPricer(["azurerm_hdinsight_hadoop_cluster"], attributes: ["roles", "tier"]) { c in nodes(&c, edge: true) }
    /// `azurerm_hdinsight_hbase_cluster`: head, region (worker) and ZooKeeper nodes by the hour.
    static let hbase = ComponentPricer(["azurerm_hdinsight_hbase_cluster"], attributes: ["roles", "tier"]) { c in nodes(&c, workerLabel: "Region") }
    /// `azurerm_hdinsight_interactive_query_cluster`: head, worker and ZooKeeper nodes by the hour.
    static let interactiveQuery = ComponentPricer(["azurerm_hdinsight_interactive_query_cluster"], attributes: ["roles", "tier"]) { c in nodes(&c) }
    /// `azurerm_hdinsight_spark_cluster`: head, worker and ZooKeeper nodes by the hour.
    static let spark = ComponentPricer(["azurerm_hdinsight_spark_cluster"], attributes: ["roles", "tier"]) { c in nodes(&c) }

    /// `azurerm_hdinsight_kafka_cluster`: the nodes, each worker's managed disks a month (S30 on Standard, P30 on
    /// Premium; the book keys them by tier) and their operations (usage, per disk).
    static let kafka = ComponentPricer(["azurerm_hdinsight_kafka_cluster"], attributes: ["roles", "tier"], usage: [osDiskOperations]) { c in
        nodes(&c)
        let worker = c.resource.attributes["roles"].block["worker_node"].block
        let tier = (c.resource.attributes["tier"].nonEmptyString ?? "Standard").lowercased()
        let workers = worker["target_instance_count"].decimal
        let perNode = worker["number_of_disks_per_node"].decimal
        let disks: Quantity = workers.flatMap { w in perNode.map { .value(w * $0) } } ?? .unknownUntilApply(attribute: "roles.worker_node.number_of_disks_per_node")
        AzureB.keyed(&c, "Managed OS disks", unit: "month", quantity: disks, label: "tier=\(tier)")
        var ops: Quantity = .usageNotGiven
        if let n = AzureB.given(osDiskOperations, c), let d = disks.decimal { ops = .value(n * d / 100_000) }
        c.line("Disk operations", unit: "100K operations", quantity: ops, usageBased: true)
    }
}
