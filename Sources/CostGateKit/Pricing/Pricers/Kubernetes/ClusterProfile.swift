import FoundationEssentials

/// What a cluster charges for what pods ask: per-vCPU, per-GiB, per-GPU, storage classes, load balancers,
/// and how many nodes a DaemonSet runs on.
///
/// Two ways to price compute:
/// - **unit prices** (the default profile, or `prices:` in a profile file): CPU in vCPU-hours, memory in GiB-hours;
/// - **a node** (`node:` in a profile file): a pod pays its share of that node's price in the cloud price book.
///   The share splits the node between CPU and memory in OpenCost's default price ratio
///   (r = 0.031611 / 0.004237 per vCPU-hour over per GiB-hour): for a node with V vCPUs and M GiB, one vCPU is
///   r / (r·V + M) of the node and one GiB is 1 / (r·V + M), so a pod that asks for the whole node pays the node.
public struct ClusterProfile: Sendable {
    public struct Node: Sendable {
        public var instanceType: String
        public var vcpus: Decimal
        public var memoryGiB: Decimal
        public var priceKey: String
    }

    public var name: String
    public var cpuKey: String
    public var memoryKey: String
    public var gpuKey: String
    public var storageKey: String
    public var storageClasses: [String: String]
    public var loadBalancerKey: String
    public var nodes: Int
    public var node: Node?
    /// Price books a profile file defines itself (explicit unit prices).
    public var books: [PriceBook]

    /// OpenCost's published defaults (`pricebooks/k8s`), 3 nodes for DaemonSets.
    public static let openCostDefault = ClusterProfile(
        name: "opencost-default", cpuKey: "k8s/opencost-default/cpu", memoryKey: "k8s/opencost-default/memory",
        gpuKey: "k8s/opencost-default/gpu", storageKey: "k8s/opencost-default/storage", storageClasses: [:],
        loadBalancerKey: "k8s/opencost-default/load-balancer", nodes: 3, node: nil, books: [])

    /// OpenCost's default ratio of a vCPU-hour's price to a GiB-hour's (k8s.csv: 0.031611 / 0.004237).
    static let cpuToMemoryRatio = Decimal(string: "0.031611")! / Decimal(string: "0.004237")!

    public func storageKey(forClass cls: String?) -> String {
        if let cls, let key = storageClasses[cls] { return key }
        return storageKey
    }

    /// A profile file:
    ///
    /// ```yaml
    /// name: prod
    /// nodes: 6                       # DaemonSets run on this many nodes
    /// node:                          # price pods as a share of this node (cloud price book) …
    ///   instance_type: m5.large
    ///   region: us-east-1
    ///   vcpus: 2
    ///   memory_gib: 8
    /// prices:                        # … or give unit prices
    ///   cpu_hour: 0.031
    ///   memory_gib_hour: 0.004
    ///   gpu_hour: 2.48
    ///   storage_gib_month: 0.08
    ///   load_balancer_hour: 0.0225
    /// storage_classes:               # class → a price key (GB-month) in a cloud book
    ///   gp3: aws/ebs/us-east-1/storage/gp3
    /// load_balancer: aws/elb/us-east-1/network/hours
    /// ```
    public static func load(path: String) throws -> ClusterProfile {
        guard let root = try YAMLReader.parseSingle(FileIO.read(path), file: path), case .mapping(let pairs) = root.kind else {
            throw CostGateError("a cluster profile is a mapping (name, nodes, node or prices, storage_classes, load_balancer)",
                                at: SourceLocation(file: path, line: 1, column: 1))
        }
        var p = openCostDefault
        p.name = (path.split(separator: "/").last.map(String.init) ?? path)
        func number(_ n: YAMLNode, _ what: String) throws -> Decimal {
            guard let s = n.scalar, let d = Money.parseDecimal(s), d >= 0 else {
                throw CostGateError("\(what) must be a non-negative number from 1e-18 to 1e18 (or 0)", at: n.location)
            }
            return d
        }
        var explicit: [(String, String, Decimal)] = []
        for (k, v) in pairs {
            switch k.scalar ?? "" {
            case "name": p.name = v.scalar ?? p.name
            case "nodes":
                guard let n = v.scalar.flatMap({ Int($0) }), n >= 0, Decimal(n) <= Limits.maxReplicas else {
                    throw CostGateError("nodes must be a whole number from 0 to \(Money.plain(Limits.maxReplicas))", at: v.location)
                }
                p.nodes = n
            case "node":
                guard let type = v["instance_type"]?.scalar, let vcpus = v["vcpus"], let mem = v["memory_gib"] else {
                    throw CostGateError("node needs instance_type, vcpus and memory_gib (and region)", at: v.location)
                }
                let region = v["region"]?.scalar ?? "us-east-1"
                p.node = Node(instanceType: type, vcpus: try number(vcpus, "node.vcpus"), memoryGiB: try number(mem, "node.memory_gib"),
                              priceKey: "aws/ec2/\(region)/instance/\(type)/linux/shared")
            case "prices":
                let units = ["cpu_hour": ("cpu", "vCPU-hour"), "memory_gib_hour": ("memory", "GiB-hour"), "gpu_hour": ("gpu", "GPU-hour"),
                             "storage_gib_month": ("storage", "GiB-month"), "load_balancer_hour": ("load-balancer", "hour")]
                for (pk, pv) in v.pairs {
                    guard let (name, unit) = units[pk.scalar ?? ""] else {
                        throw CostGateError("unknown price `\(pk.scalar ?? "?")`; use cpu_hour, memory_gib_hour, gpu_hour, storage_gib_month, load_balancer_hour",
                                            at: pk.location)
                    }
                    explicit.append((name, unit, try number(pv, "prices.\(pk.scalar!)")))
                }
            case "storage_classes":
                for (ck, cv) in v.pairs {
                    guard let cls = ck.scalar, let key = cv.scalar else { throw CostGateError("storage_classes maps a class to a price key", at: cv.location) }
                    p.storageClasses[cls] = key
                }
            case "load_balancer":
                guard let key = v.scalar else { throw CostGateError("load_balancer is a price key", at: v.location) }
                p.loadBalancerKey = key
            default:
                throw CostGateError("unknown key `\(k.scalar ?? "?")` in the cluster profile; expected name, nodes, node, prices, storage_classes, load_balancer",
                                    at: k.location)
            }
        }
        if !explicit.isEmpty {
            // the profile's own prices become a small price book, cited to the profile file
            let id = "k8sprofile"
            var text = "costgate-pricebook\t1\nid\t\(id)\nversion\t\(p.name)\neffective\t-\ncurrency\tUSD\n"
            text += "source\tP\tcluster profile\t\(path)\t-\t-\n"
            for (name, unit, price) in explicit {
                text += "price\t\(id)/\(name)\t\(unit)\t\(Money.plain(price))\tP\t-\n"
                switch name {
                case "cpu": p.cpuKey = "\(id)/cpu"
                case "memory": p.memoryKey = "\(id)/memory"
                case "gpu": p.gpuKey = "\(id)/gpu"
                case "storage": p.storageKey = "\(id)/storage"
                default: p.loadBalancerKey = "\(id)/load-balancer"
                }
            }
            p.books = [try PriceBook.parse(Array(text.utf8), path: path)]
        }
        return p
    }
}
