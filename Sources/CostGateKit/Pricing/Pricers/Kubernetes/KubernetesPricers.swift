import FoundationEssentials

/// Deployments, StatefulSets, DaemonSets, ReplicaSets, ReplicationControllers, Pods, Jobs and CronJobs:
/// replicas × the pod's effective requests (CPU, memory, GPUs), plus StatefulSet volume claim templates.
struct KubeWorkloadPricer: Pricer {
    let resourceTypes = KubernetesObjects.workloadKinds.map { "k8s:\($0)" }
    let attributes: Set<String> = []
    let usageKeys: [UsageKey] = [.runDurationMinutes, .monthlyRuns, .monthlyHrs]

    func usage(of r: Resource, context: PricingContext) -> PricedUsage {
        let kind = r.kind ?? ""
        let obj = r.attributes
        let namespace = r.namespace ?? ""
        let profile = context.profile
        var out = PricedUsage()
        let spec = KubernetesObjects.podSpec(kind: kind, object: obj)
        let pod = PodRequests.compute(spec: spec, defaults: PodRequests.defaults(namespace: namespace, context: context))
        if let o = pod.overflow { out.reject(o) }

        // how many pods, for how long
        var replicas: Decimal = 1
        var hours: Quantity = .value(AWS.monthlyHours(context))
        switch kind {
        case "Pod":
            break
        case "DaemonSet":
            replicas = Decimal(profile.nodes)
            out.assume("a DaemonSet runs one pod on every node: \(profile.nodes) nodes in cluster profile \(profile.name)")
        case "Job", "CronJob":
            let jobSpec = kind == "CronJob" ? obj["spec"]["jobTemplate"]["spec"] : obj["spec"]
            replicas = Limits.count(jobSpec["parallelism"], "parallelism", into: &out) ?? 1
            let annotation = obj["metadata"]["annotations"]["costgate.dev/run-duration-minutes"].decimal
            let minutes = context.usage[.runDurationMinutes] ?? annotation
            var runs: Decimal? = context.usage[.monthlyRuns]
            if runs == nil {
                if kind == "CronJob" {
                    runs = obj["spec"]["schedule"].string.flatMap(CronSchedule.runsPerMonth)
                    if runs == nil { out.assume("the schedule \"\(obj["spec"]["schedule"].string ?? "")\" is not a cron expression costgate reads") }
                } else {
                    runs = 1
                    out.assume("a Job runs once: counted as one run a month (set monthly_runs)")
                }
            }
            if let runs, let minutes {
                hours = .value(runs * minutes / 60)
            } else {
                hours = .usageNotGiven
                if minutes == nil {
                    out.assume("run duration not given: set run_duration_minutes in the usage file or the costgate.dev/run-duration-minutes annotation")
                }
            }
        default:
            if let n = Limits.count(obj["spec"]["replicas"], "replicas", into: &out) { replicas = n }
        }
        if ["Deployment", "StatefulSet", "ReplicaSet", "ReplicationController"].contains(kind),
           let hpa = context.resources(ofType: "k8s:HorizontalPodAutoscaler").first(where: {
               $0.namespace == r.namespace && $0.attributes["spec"]["scaleTargetRef"]["name"].string == (obj["metadata"]["name"].string ?? r.name)
                   && ($0.attributes["spec"]["scaleTargetRef"]["kind"].string ?? kind) == kind
           }) {
            let minReplicas = Limits.count(hpa.attributes["spec"]["minReplicas"], "\(hpa.address) minReplicas", into: &out) ?? 1
            let maxReplicas = Limits.count(hpa.attributes["spec"]["maxReplicas"], "\(hpa.address) maxReplicas", into: &out) ?? minReplicas
            replicas = minReplicas
            out.ceiling = maxReplicas / max(minReplicas, 1)
            out.assume("\(hpa.address) scales it from \(Money.plain(minReplicas)) to \(Money.plain(maxReplicas)) replicas: priced at the minimum")
        }
        let usageBased = kind == "Job" || kind == "CronJob"
        let podHours = Quantities.scaled(hours, by: replicas)
        let n = Money.plain(replicas)

        if let node = profile.node {
            // a share of the node's price, split between CPU and memory in OpenCost's default ratio
            let r = ClusterProfile.cpuToMemoryRatio
            let denominator = r * node.vcpus + node.memoryGiB
            out.add(UsageLine("CPU requests (\(n) × \(Money.plain(pod.cpu)) vCPU, share of \(node.instanceType) nodes)", unit: "hour",
                              quantity: Quantities.scaled(podHours, by: pod.cpu * r / denominator), priceKey: node.priceKey, usageBased: usageBased))
            out.add(UsageLine("Memory requests (\(n) × \(Self.gib(pod.memoryGiB)) GiB, share of \(node.instanceType) nodes)", unit: "hour",
                              quantity: Quantities.scaled(podHours, by: pod.memoryGiB / denominator), priceKey: node.priceKey, usageBased: usageBased))
        } else {
            out.add(UsageLine("CPU requests (\(n) × \(Money.plain(pod.cpu)) vCPU)", unit: "vCPU-hour",
                              quantity: Quantities.scaled(podHours, by: pod.cpu), priceKey: profile.cpuKey, usageBased: usageBased))
            out.add(UsageLine("Memory requests (\(n) × \(Self.gib(pod.memoryGiB)) GiB)", unit: "GiB-hour",
                              quantity: Quantities.scaled(podHours, by: pod.memoryGiB), priceKey: profile.memoryKey, usageBased: usageBased))
        }
        for (resource, count) in pod.gpus.sorted(by: { $0.key < $1.key }) {
            let model = PodRequests.acceleratorModel(spec: spec)
            let isTPU = resource == "google.com/tpu"
            let key = isTPU ? "\(profile.gpuKey.split(separator: "/").dropLast().joined(separator: "/"))/tpu" : profile.gpuKey
            out.add(UsageLine("\(isTPU ? "TPU chips" : "GPUs") (\(n) × \(Money.plain(count)) \(resource)\(model.map { ", " + $0 } ?? ""))",
                              unit: isTPU ? "TPU-hour" : "GPU-hour", quantity: Quantities.scaled(podHours, by: count), priceKey: key, usageBased: usageBased))
            if let model, !isTPU { out.assume("GPU model \(model) from the node selector; profile \(profile.name) has one GPU price for every model") }
        }
        if pod.inexact { out.assume("a quantity finer than a thousandth (such as 250u) was left out of the pod's requests") }
        if !pod.withoutRequests.isEmpty {
            out.add(UsageLine("Containers without requests (\(pod.withoutRequests.joined(separator: ", ")))", unit: "pod-hour",
                              quantity: .notDeclared(reason: "no requests"), priceKey: profile.cpuKey))
            out.assume("containers \(pod.withoutRequests.joined(separator: ", ")) declare no CPU or memory requests: cost unknown")
            out.containersWithoutRequests = pod.withoutRequests
        }
        if kind == "StatefulSet" {
            for t in obj["spec"]["volumeClaimTemplates"].array {
                out.append(KubeStorage.claim(spec: t["spec"], name: "Volume claim template \(t["metadata"]["name"].string ?? "?") (\(n) ×)",
                                             copies: replicas, context: context))
            }
        }
        return out
    }

    static func gib(_ d: Decimal) -> String { d.exponent >= -4 ? Money.plain(d) : Money.plain(Money.rounded(d, scale: 4)) }
}

/// A PersistentVolumeClaim: requested storage by storage class.
struct KubePVCPricer: Pricer {
    let resourceTypes = ["k8s:PersistentVolumeClaim"]
    let attributes: Set<String> = []
    let usageKeys: [UsageKey] = [.monthlyHrs]

    func usage(of r: Resource, context: PricingContext) -> PricedUsage {
        KubeStorage.claim(spec: r.attributes["spec"], name: "Storage", copies: 1, context: context)
    }
}

enum KubeStorage {
    static func claim(spec: Value, name: String, copies: Decimal, context: PricingContext) -> PricedUsage {
        var out = PricedUsage()
        let profile = context.profile
        let classValue = spec["storageClassName"]
        if classValue.string == "" {
            out.assume("storageClassName \"\" binds a pre-created PersistentVolume: priced with that volume, not here")
            return out
        }
        let cls = classValue.string
        guard let bytes = spec["resources"]["requests"]["storage"].string.flatMap(KubeQuantity.parse) else {
            out.add(UsageLine("\(name): storage", unit: "GiB-hour", quantity: .notDeclared(reason: "no storage request"),
                              priceKey: profile.storageKey(forClass: cls)))
            return out
        }
        let gib = bytes * PodRequests.bytesToGiB * copies
        let key = profile.storageKey(forClass: cls)
        let label = "\(name) \(KubeWorkloadPricer.gib(gib)) GiB, class \(cls ?? "default")"
        if key.hasPrefix("k8s") {
            let unit = key.hasPrefix("k8sprofile") ? "GiB-month" : "GiB-hour"
            out.add(UsageLine(label, unit: unit, quantity: .value(unit == "GiB-month" ? gib : gib * Money.hoursPerMonth), priceKey: key))
        } else {
            out.add(UsageLine(label, unit: "GB-month", quantity: .value(gib), priceKey: key))
        }
        if cls == nil { out.assume("no storageClassName: the cluster's default class, priced as \(key)") }
        return out
    }
}

/// A Service of type LoadBalancer: one cloud load balancer by the hour. Other Services cost nothing.
struct KubeServicePricer: Pricer {
    let resourceTypes = ["k8s:Service"]
    let attributes: Set<String> = []
    let usageKeys: [UsageKey] = [.monthlyHrs]

    func usage(of r: Resource, context: PricingContext) -> PricedUsage {
        var out = PricedUsage()
        guard r.attributes["spec"]["type"].string == "LoadBalancer" else {
            out.assume("a \(r.attributes["spec"]["type"].string ?? "ClusterIP") Service has no cloud resource of its own")
            return out
        }
        out.add(UsageLine("Load balancer", unit: "hour", quantity: .value(AWS.monthlyHours(context)), priceKey: context.profile.loadBalancerKey))
        return out
    }
}
