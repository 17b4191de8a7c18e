import FoundationEssentials

/// What the Kubernetes reader knows about objects, and how it finishes a `Resource` made from one (a
/// manifest's, or a Terraform `kubernetes_*` resource's turned into the same object).
public enum KubernetesObjects {
    /// Kinds that run pods.
    public static let workloadKinds: Set<String> = ["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController",
                                                    "Pod", "Job", "CronJob"]

    static let clusterScoped: Set<String> = ["Namespace", "ClusterRole", "ClusterRoleBinding", "CustomResourceDefinition",
                                             "StorageClass", "PersistentVolume", "PriorityClass", "PodSecurityPolicy",
                                             "IngressClass", "MutatingWebhookConfiguration", "ValidatingWebhookConfiguration",
                                             "APIService", "Node", "RuntimeClass", "CSIDriver"]

    /// The pod template of a workload kind (the object itself for a Pod).
    static func podTemplate(kind: String, object: Value) -> Value {
        switch kind {
        case "Pod": return object
        case "CronJob": return object["spec"]["jobTemplate"]["spec"]["template"]
        default: return object["spec"]["template"]
        }
    }

    /// The pod spec of a workload kind.
    public static func podSpec(kind: String, object: Value) -> Value { podTemplate(kind: kind, object: object)["spec"] }

    /// Node-selector labels that name an instance type.
    static let instanceTypeLabels = ["node.kubernetes.io/instance-type", "beta.kubernetes.io/instance-type"]

    /// The annotation by which an object's author waives policies on it.
    static let skipAnnotation = "costgate.dev/skip"

    /// Sets kind and namespace, the labels (the object's and, for workloads, the pod template's), the
    /// instance types a pod's node selector asks for, and the policies its annotation waives.
    static func finish(_ r: inout Resource, kind: String, namespace: String?) {
        let a = r.attributes
        r.kind = kind
        r.namespace = namespace
        var sets = [TagSet(place: "", noun: "label", a["metadata"]["labels"])]
        if workloadKinds.contains(kind) {
            let template = podTemplate(kind: kind, object: a)
            if kind != "Pod" { sets.append(TagSet(place: "pod template", noun: "label", template["metadata"]["labels"])) }
            let selector = template["spec"]["nodeSelector"]
            r.sizes = instanceTypeLabels.compactMap { selector[$0].nonEmptyString }
        }
        r.setTags(sets)
        if let text = a["metadata"]["annotations"][skipAnnotation].string {
            let names = text.split(separator: ",").map { String($0).trimmingSpaces() }.filter { !$0.isEmpty }
            if !names.isEmpty { r.waiver = Resource.Waiver(policies: names, reason: "annotation \(skipAnnotation) on the object") }
        }
    }
}
