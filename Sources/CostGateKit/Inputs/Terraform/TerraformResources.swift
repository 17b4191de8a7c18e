import FoundationEssentials

/// What the Terraform readers know about resource types, and how they finish a `Resource`: its tags,
/// the sizes guardrails judge, and `kubernetes_*` resources turned into the Kubernetes objects they
/// declare — so later stages read the model, never a provider's attribute shapes.
public enum TerraformResources {
    /// Attributes decoded for every type, whatever its pricer reads: tags and labels, region and zone,
    /// and the sizes guardrails judge.
    public static let modelAttributes = Set(["tags", "tags_all", "labels", "terraform_labels", "metadata", "region",
                                             "availability_zone", "arn", "location", "zone", "size", "instance_types",
                                             "node_config", "cluster_config"] + sizeAttributes)

    /// Top-level attributes that name an instance type, class or size, in the order guardrails list them.
    static let sizeAttributes = ["instance_type", "instance_class", "node_type", "machine_type", "vm_size"]

    /// Attributes to decode for a type besides what its pricer reads.
    public static func attributes(for type: String) -> Set<String> {
        kubernetesKinds[type] == nil ? modelAttributes : modelAttributes.union(["spec"])
    }

    /// Sets tags and sizes from the attributes; a `kubernetes_*` workload, claim or service becomes the
    /// Kubernetes object it declares (kind, namespace, labels and attributes as a manifest holds them).
    public static func finish(_ r: inout Resource) {
        if let kind = kubernetesKinds[r.type] {
            r.attributes = manifest(r.attributes)
            KubernetesObjects.finish(&r, kind: kind, namespace: r.attributes["metadata"]["namespace"].string ?? "default")
            return
        }
        r.setTags(tagSets(r))
        r.sizes = sizes(r)
    }

    /// What the plan's prior state holds: every resource that exists before the change, finished from its
    /// `before` attributes.
    public static func priorState(of resources: [Resource]) -> [Resource] {
        resources.compactMap { r in
            guard r.input == .terraformPlan, r.before != .null, [.update, .noOp, .delete, .replace, .forget].contains(r.action) else { return nil }
            var b = Resource(address: r.previousAddress ?? r.address, type: r.type, name: r.name, provider: r.provider,
                             providerName: r.providerName, region: r.region, regionAssumed: r.regionAssumed, action: .noOp,
                             attributes: r.before, location: r.location, references: r.references, moduleAddress: r.moduleAddress,
                             input: r.input)
            finish(&b)
            return b
        }
    }

    /// AWS: `tags_all` (tags plus the provider's `default_tags`) over `tags`; Google: `terraform_labels`
    /// (labels plus `default_labels`) over `labels`; Azure and others: `tags`. nil when the type has none.
    static func tagSets(_ r: Resource) -> [TagSet]? {
        guard case .object(let members) = r.attributes else { return nil }
        let noun = r.provider == .gcp ? "label" : "tag"
        let howToSet = r.provider == .aws ? "set it in tags (or the provider's default_tags)" : nil
        // Google's `tags` are network tags (a list), not key-value metadata
        let places = r.provider == .gcp ? [("terraform_labels", "labels")] : [("tags_all", "tags"), ("terraform_labels", "labels")]
        for (all, own) in places where members[all] != nil || members[own] != nil {
            var set = TagSet(place: "", noun: noun, howToSet: howToSet, members[all] ?? .null)
            if let o = members[own] {
                let own = TagSet(place: "", noun: noun, howToSet: howToSet, o)
                if members[all] == nil || members[all] == .null { set = own } else { set.merge(own) }
            }
            return [set]
        }
        return nil
    }

    /// Instance types or sizes: EC2, RDS, ElastiCache, OpenSearch, EKS node groups, Google machine types
    /// (also a node pool's `node_config`), Azure VM sizes, EMR's `cluster_config`.
    static func sizes(_ r: Resource) -> [String] {
        let a = r.attributes
        guard case .object = a else { return [] }
        var out: [String] = []
        for key in sizeAttributes { if let t = a[key].nonEmptyString { out.append(t) } }
        if r.type.hasPrefix("azurerm_"), r.type.contains("virtual_machine"), let t = a["size"].nonEmptyString { out.append(t) }
        for v in a["instance_types"].array { if let t = v.nonEmptyString { out.append(t) } }
        if let t = a["node_config"].block["machine_type"].nonEmptyString { out.append(t) }
        if let t = a["cluster_config"].block["instance_type"].nonEmptyString { out.append(t) }
        return out
    }

    // MARK: - kubernetes_* resources as Kubernetes objects

    /// The `kubernetes_*` types that declare workloads, claims and services, and their kinds.
    public static let kubernetesKinds: [String: String] = [
        "kubernetes_deployment": "Deployment", "kubernetes_deployment_v1": "Deployment",
        "kubernetes_stateful_set": "StatefulSet", "kubernetes_stateful_set_v1": "StatefulSet",
        "kubernetes_daemonset": "DaemonSet", "kubernetes_daemon_set_v1": "DaemonSet",
        "kubernetes_replication_controller": "ReplicationController", "kubernetes_replication_controller_v1": "ReplicationController",
        "kubernetes_pod": "Pod", "kubernetes_pod_v1": "Pod", "kubernetes_job": "Job", "kubernetes_job_v1": "Job",
        "kubernetes_cron_job": "CronJob", "kubernetes_cron_job_v1": "CronJob",
        "kubernetes_persistent_volume_claim": "PersistentVolumeClaim", "kubernetes_persistent_volume_claim_v1": "PersistentVolumeClaim",
        "kubernetes_service": "Service", "kubernetes_service_v1": "Service",
    ]

    /// Nested blocks that are objects in the Kubernetes API (the provider gives them as one-element lists).
    static let objectBlocks: Set<String> = ["metadata", "spec", "template", "resources", "selector", "job_template", "affinity",
                                            "node_affinity", "required_during_scheduling_ignored_during_execution", "security_context",
                                            "strategy", "update_strategy"]
    /// Lists whose Kubernetes names are plural.
    static let renamed: [String: String] = ["container": "containers", "init_container": "initContainers",
                                            "volume_claim_template": "volumeClaimTemplates", "node_selector_term": "nodeSelectorTerms",
                                            "match_expressions": "matchExpressions", "port": "ports", "volume": "volumes"]

    /// Maps whose keys are the user's (resource names, labels): kept as they are.
    static let userMaps: Set<String> = ["requests", "limits", "labels", "annotations", "node_selector", "overhead"]

    /// The provider's attribute tree (snake_case, nested blocks as one-element lists) as the object the
    /// manifest would hold.
    static func manifest(_ v: Value, key: String = "") -> Value {
        switch v {
        case .object(let members):
            if userMaps.contains(key) { return v }
            var out = Members(reservingCapacity: members.count)
            for (k, child) in members {
                var converted = manifest(child, key: k)
                if objectBlocks.contains(k), case .array(let items) = converted { converted = items.first ?? .null }
                out.append(renamed[k] ?? camel(k), converted)
            }
            return .object(out)
        case .array(let items):
            return .array(items.map { manifest($0, key: key) })
        default:
            // the provider gives replicas as a string
            if key == "replicas" || key == "parallelism", let s = v.string, Money.isDecimalLiteral(s) { return .number(s) }
            return v
        }
    }

    static func camel(_ s: String) -> String {
        guard s.contains("_") else { return s }
        var out = ""
        var upper = false
        for ch in s {
            if ch == "_" { upper = true; continue }
            out.append(upper ? Character(ch.uppercased()) : ch)
            upper = false
        }
        return out
    }
}
