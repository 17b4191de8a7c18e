import FoundationEssentials

/// The tags (or labels) in one place on a resource.
public struct TagSet: Sendable, Equatable {
    /// Where they are, for messages: "" for the resource itself, "pod template" for a workload's pods.
    public var place: String
    public var known: [String: String] = [:]
    /// Keys whose value Terraform will only know after apply.
    public var unknown: Set<String> = []
    /// Keys whose value is sensitive (never printed, never compared).
    public var sensitive: Set<String> = []
    /// The whole map is unknown until apply (`tags_all` with default tags computed at apply).
    public var wholeUnknown = false

    public func has(_ key: String) -> Bool { known[key] != nil || unknown.contains(key) || sensitive.contains(key) }

    init(place: String, _ v: Value) {
        self.place = place
        switch v {
        case .object(let m):
            for (k, value) in m {
                switch value {
                case .unknown: unknown.insert(k)
                case .sensitive: sensitive.insert(k)
                case .null: continue
                default: if let s = value.string { known[k] = s }
                }
            }
        case .unknown: wholeUnknown = true
        case .sensitive: wholeUnknown = true
        default: break
        }
    }

    /// `tags_all` over `tags`: known values from either, the unknown ones marked.
    mutating func merge(_ other: TagSet) {
        for (k, v) in other.known where !has(k) { known[k] = v }
        unknown.formUnion(other.unknown.filter { known[$0] == nil })
        sensitive.formUnion(other.sensitive.filter { known[$0] == nil })
    }
}

extension Resource {
    /// The places a resource carries tags or labels; nil when it cannot carry any (no tags attribute).
    ///
    /// - AWS: `tags_all` (tags plus the provider's `default_tags`) over `tags`.
    /// - Google: `terraform_labels` (labels plus `default_labels`) over `labels`. Azure and others: `tags`.
    /// - Kubernetes manifests: the object's labels and, for workloads, the pod template's labels.
    /// - Terraform `kubernetes_*`: `metadata.labels` and `spec.template.metadata.labels`.
    public var tagSets: [TagSet]? {
        let a = attributes
        if provider == .kubernetes && type.hasPrefix("k8s:") {
            var out = [TagSet(place: "", a["metadata"]["labels"])]
            let kind = String(type.dropFirst(4))
            if KubernetesReader.workloadKinds.contains(kind) && kind != "Pod" {
                let template = kind == "CronJob" ? a["spec"]["jobTemplate"]["spec"]["template"] : a["spec"]["template"]
                out.append(TagSet(place: "pod template", template["metadata"]["labels"]))
            }
            return out
        }
        guard case .object(let members) = a else { return nil }
        if members["metadata"] != nil, type.hasPrefix("kubernetes_") {
            var out = [TagSet(place: "", a["metadata"].block["labels"])]
            let template = a["spec"].block["template"].block
            if template != .null { out.append(TagSet(place: "pod template", template["metadata"].block["labels"])) }
            return out
        }
        for (all, own) in [("tags_all", "tags"), ("terraform_labels", "labels")] where members[all] != nil || members[own] != nil {
            var set = TagSet(place: "", members[all] ?? .null)
            if let o = members[own] {
                let own = TagSet(place: "", o)
                if members[all] == nil || members[all] == .null { set = own } else { set.merge(own) }
            }
            return [set]
        }
        return nil
    }

    /// Every known tag or label, the resource's own first (for scopes and reports). nil = cannot carry tags.
    public var tags: [String: String]? {
        // the common case, fast (a large plan has a hundred thousand resources): Terraform's tags_all,
        // terraform_labels, tags or labels as a plain object of strings
        if !type.hasPrefix("k8s:"), !type.hasPrefix("kubernetes_"), case .object(let members) = attributes {
            for key in ["tags_all", "terraform_labels", "tags", "labels"] {
                guard let v = members[key] else { continue }
                guard case .object(let m) = v else { break }
                var out: [String: String] = [:]
                out.reserveCapacity(m.count)
                for (k, value) in m {
                    guard case .string(let s) = value else { out = [:]; break }
                    out[k] = s
                }
                if out.count == m.count { return out }
                break
            }
        }
        if provider == .kubernetes && type.hasPrefix("k8s:") {
            // the object's labels, then the pod template's (as tagSets gives them), without the sets
            let labels = attributes["metadata"]["labels"].objectMembers
            var out: [String: String] = [:]
            out.reserveCapacity(labels.count + 4)
            for (k, v) in labels where !v.isNull { if let s = v.string { out[k] = s } }
            let kind = type.dropFirst(4)
            if kind != "Pod", KubernetesReader.workloadKinds.contains(String(kind)) {
                let template = kind == "CronJob" ? attributes["spec"]["jobTemplate"]["spec"]["template"] : attributes["spec"]["template"]
                var pod: [String: String] = [:]   // a key given twice keeps its last value, as in the object's
                for (k, v) in template["metadata"]["labels"].objectMembers where !v.isNull { if let s = v.string { pod[k] = s } }
                for (k, s) in pod where out[k] == nil { out[k] = s }
            }
            return out
        }
        guard let sets = tagSets else { return nil }
        var out: [String: String] = [:]
        for s in sets { for (k, v) in s.known where out[k] == nil { out[k] = v } }
        return out
    }

    /// The object's annotation `costgate.dev/skip`: the policies it waives (`*` for all).
    var skippedPolicies: [String] {
        let annotations = type.hasPrefix("k8s:") ? attributes["metadata"]["annotations"] : attributes["metadata"].block["annotations"]
        guard let text = annotations["costgate.dev/skip"].string else { return [] }
        return text.split(separator: ",").map { String($0).trimmingSpaces() }.filter { !$0.isEmpty }
    }

    /// Instance types or sizes the resource asks for (EC2, RDS, ElastiCache, OpenSearch, EKS node groups,
    /// Google machine types, Azure VM sizes, a pod's instance-type node selector).
    var instanceTypes: [String] {
        let a = attributes
        var out: [String] = []
        if type.hasPrefix("k8s:") {
            let kind = String(type.dropFirst(4))
            guard KubernetesReader.workloadKinds.contains(kind) else { return [] }
            let selector = PodRequests.podSpec(kind: kind, object: a)["nodeSelector"]
            for key in ["node.kubernetes.io/instance-type", "beta.kubernetes.io/instance-type"] {
                if let t = selector[key].nonEmptyString { out.append(t) }
            }
            return out
        }
        for key in ["instance_type", "instance_class", "node_type", "machine_type", "vm_size"] {
            if let t = a[key].nonEmptyString { out.append(t) }
        }
        if type.hasPrefix("azurerm_"), type.contains("virtual_machine"), let t = a["size"].nonEmptyString { out.append(t) }
        for v in a["instance_types"].array { if let t = v.nonEmptyString { out.append(t) } }
        if let t = a["node_config"].block["machine_type"].nonEmptyString { out.append(t) }
        if let t = a["cluster_config"].block["instance_type"].nonEmptyString { out.append(t) }
        return out
    }
}
