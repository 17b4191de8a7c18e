import FoundationEssentials

/// Terraform's `kubernetes_*` workloads, claims and services, priced by the Kubernetes pricers: the
/// provider's attribute tree (snake_case, nested blocks as one-element lists) is turned into the object
/// the manifest would hold.
struct KubeTerraformPricer: Pricer {
    static let kinds: [String: String] = [
        "kubernetes_deployment": "Deployment", "kubernetes_deployment_v1": "Deployment",
        "kubernetes_stateful_set": "StatefulSet", "kubernetes_stateful_set_v1": "StatefulSet",
        "kubernetes_daemonset": "DaemonSet", "kubernetes_daemon_set_v1": "DaemonSet",
        "kubernetes_replication_controller": "ReplicationController", "kubernetes_replication_controller_v1": "ReplicationController",
        "kubernetes_pod": "Pod", "kubernetes_pod_v1": "Pod", "kubernetes_job": "Job", "kubernetes_job_v1": "Job",
        "kubernetes_cron_job": "CronJob", "kubernetes_cron_job_v1": "CronJob",
        "kubernetes_persistent_volume_claim": "PersistentVolumeClaim", "kubernetes_persistent_volume_claim_v1": "PersistentVolumeClaim",
        "kubernetes_service": "Service", "kubernetes_service_v1": "Service",
    ]
    let resourceTypes = Array(kinds.keys)
    let attributes: Set<String> = ["metadata", "spec"]

    func usage(of r: Resource, context: PricingContext) -> PricedUsage {
        let kind = Self.kinds[r.type]!
        let object = Self.manifest(r.attributes)
        var k = r
        k.type = "k8s:\(kind)"
        k.attributes = object
        k.name = object["metadata"]["name"].string ?? r.name
        k.moduleAddress = object["metadata"]["namespace"].string ?? "default"
        switch kind {
        case "PersistentVolumeClaim": return KubePVCPricer().usage(of: k, context: context)
        case "Service": return KubeServicePricer().usage(of: k, context: context)
        default: return KubeWorkloadPricer().usage(of: k, context: context)
        }
    }

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
