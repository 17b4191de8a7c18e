import FoundationEssentials

/// Reads Kubernetes manifests (YAML or JSON, many documents, `List` kinds) into neutral resources
/// `k8s:<Kind>` addressed `Kind/namespace/name`, with the file and line of each object.
public struct KubernetesReader: Sendable {
    public struct Result: Sendable {
        public var resources: [Resource] = []
        public var skipped: [SkippedResource] = []
    }

    public init() {}

    public func read(bytes: [UInt8], file: String) throws -> Result {
        var out = Result()
        var index = 0
        try YAMLReader.forEachDocument(bytes, file: file) { doc in
            defer { index += 1 }
            guard let doc, !doc.isNull else { return }   // empty documents (leading, trailing or double ---)
            try add(doc, file: file, documentIndex: index, into: &out)
        }
        return out
    }

    private func add(_ node: YAMLNode, file: String, documentIndex: Int, into out: inout Result) throws {
        guard case .mapping = node.kind else {
            out.skipped.append(SkippedResource(address: "\(file)#\(documentIndex + 1)", type: "document", reason: .notKubernetes,
                                               detail: "not a Kubernetes object (not a mapping)", location: node.location))
            return
        }
        let kind = node["kind"]?.scalar
        let apiVersion = node["apiVersion"]?.scalar
        guard let kind, !kind.isEmpty, let apiVersion, !apiVersion.isEmpty else {
            out.skipped.append(SkippedResource(address: "\(file)#\(documentIndex + 1)", type: "document", reason: .notKubernetes,
                                               detail: "no apiVersion and kind: not a Kubernetes object (a template, CloudFormation, a config file?)",
                                               location: node.location))
            return
        }
        if kind.hasSuffix("List"), let items = node["items"] {
            for item in items.items { try add(item, file: file, documentIndex: documentIndex, into: &out) }
            return
        }
        let metadata = node["metadata"]
        let name = metadata?["name"]?.scalar ?? metadata?["generateName"]?.scalar ?? "(unnamed)"
        let namespace = Self.clusterScoped.contains(kind) ? nil : (metadata?["namespace"]?.scalar ?? "default")
        let address = namespace.map { "\(kind)/\($0)/\(name)" } ?? "\(kind)/\(name)"
        for section in Self.quantitySections(kind: kind, object: node) { try Self.checkQuantities(section) }
        // CRDs carry whole OpenAPI schemas and ConfigMaps whole dashboards: keep only their metadata
        let kept = kind == "CustomResourceDefinition" || kind == "ConfigMap" || kind == "Secret"
            ? YAMLNode(kind: .mapping(node.pairs.filter { ["apiVersion", "kind", "metadata"].contains($0.0.scalar ?? "") }), location: node.location)
            : node
        out.resources.append(Resource(
            address: address, type: "k8s:\(kind)", name: name, provider: .kubernetes, providerName: apiVersion,
            region: nil, action: .present, attributes: Self.value(kept), location: node.location,
            moduleAddress: namespace ?? ""))
    }

    static let workloadKinds: Set<String> = ["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController",
                                             "Pod", "Job", "CronJob"]

    static let clusterScoped: Set<String> = ["Namespace", "ClusterRole", "ClusterRoleBinding", "CustomResourceDefinition",
                                             "StorageClass", "PersistentVolume", "PriorityClass", "PodSecurityPolicy",
                                             "IngressClass", "MutatingWebhookConfiguration", "ValidatingWebhookConfiguration",
                                             "APIService", "Node", "RuntimeClass", "CSIDriver"]

    /// Every `requests`/`limits`/`default…`/`storage` value under a workload, PVC or LimitRange must be a
    /// quantity; a wrong one is an error at its line and column, not a silent zero.
    /// The parts of an object that hold quantities costgate reads: containers' resources, pod overhead,
    /// claim templates, a claim's resources, a LimitRange's limits.
    static func quantitySections(kind: String, object: YAMLNode) -> [YAMLNode] {
        var out: [YAMLNode] = []
        let spec = object["spec"]
        switch kind {
        case "PersistentVolumeClaim":
            if let r = spec?["resources"] { out.append(YAMLNode(kind: .mapping([(YAMLNode(kind: .scalar("resources", plain: true), location: r.location), r)]), location: r.location)) }
        case "LimitRange":
            if let l = spec?["limits"] { out.append(l) }
        default:
            guard workloadKinds.contains(kind) else { return [] }
            let pod: YAMLNode?
            switch kind {
            case "Pod": pod = spec
            case "CronJob": pod = spec?["jobTemplate"]?["spec"]?["template"]?["spec"]
            default: pod = spec?["template"]?["spec"]
            }
            for list in ["containers", "initContainers"] { out.append(contentsOf: pod?[list]?.items ?? []) }
            if let o = pod?["overhead"] { out.append(YAMLNode(kind: .mapping([(YAMLNode(kind: .scalar("overhead", plain: true), location: o.location), o)]), location: o.location)) }
            out.append(contentsOf: spec?["volumeClaimTemplates"]?.items.compactMap { $0["spec"] } ?? [])
        }
        return out
    }

    static let quantityMaps: Set<String> = ["requests", "limits", "default", "defaultRequest", "max", "min", "overhead", "capacity"]

    static func checkQuantities(_ node: YAMLNode, parentKey: String = "") throws {
        switch node.kind {
        case .mapping(let pairs):
            for (k, v) in pairs {
                guard case .scalar(let key, _) = k.kind else { continue }
                if case .scalar = v.kind { continue }
                if key == "resources", case .sequence = v.kind {
                    throw CostGateError("`resources` must be a mapping of requests and limits, not a list", at: v.location)
                }
                if quantityMaps.contains(key), case .mapping(let entries) = v.kind {
                    for (rk, rv) in entries {
                        guard let text = rv.scalar else {
                            throw CostGateError("\(key).\(rk.scalar ?? "?") must be a quantity such as 500m or 2Gi", at: rv.location)
                        }
                        if KubeQuantity.parse(text) == nil {
                            throw CostGateError("\(key).\(rk.scalar ?? "?"): \"\(text)\" is not a Kubernetes quantity (such as 500m, 0.5, 2Gi, 512M, 1e3)",
                                                at: rv.location)
                        }
                    }
                    continue
                }
                try checkQuantities(v, parentKey: key)
            }
        case .sequence(let items):
            for item in items { try checkQuantities(item, parentKey: parentKey) }
        case .scalar:
            break
        }
    }

    /// YAML node → neutral value. Plain scalars are typed as YAML 1.2's core schema does.
    static func value(_ node: YAMLNode) -> Value {
        switch node.kind {
        case .mapping(let pairs):
            var members = Members(reservingCapacity: pairs.count)
            for (k, v) in pairs { members.append(k.scalar ?? "", value(v)) }
            return .object(members)
        case .sequence(let items):
            return .array(items.map(value))
        case .scalar(let s, let plain):
            guard plain else { return .string(s) }
            if node.isNull { return .null }
            if s == "true" || s == "True" || s == "TRUE" { return .bool(true) }
            if s == "false" || s == "False" || s == "FALSE" { return .bool(false) }
            if Money.isDecimalLiteral(s) { return .number(s) }
            return .string(s)
        }
    }
}
