import FoundationEssentials

/// What a pod asks the scheduler for, computed the way Kubernetes computes it.
struct PodRequests {
    var cpu: Decimal = 0                  // cores
    var memoryGiB: Decimal = 0
    var gpus: [String: Decimal] = [:]     // nvidia.com/gpu, amd.com/gpu, google.com/tpu
    var withoutRequests: [String] = []    // containers with neither a CPU nor a memory request
    /// A quantity finer than a thousandth was left out (`250u` CPU): reported as an assumption.
    var inexact = false
    /// The requests add up past 64 bits of thousandths (about 8 EB of memory): the pod cannot be priced.
    var overflow: String?

    static let gpuResources = ["nvidia.com/gpu", "amd.com/gpu", "google.com/tpu"]
    /// 1 / 2^30, exact: multiplying is much cheaper than dividing a Decimal.
    static let bytesToGiB = Decimal(string: "0.000000000931322574615478515625")!

    /// Resource names with amounts in thousandths. A container names two or three resources, so a short
    /// list searched in order beats a hash table (no hashing, one allocation).
    struct Amounts {
        private(set) var entries: [(name: String, milli: Int64)] = []

        subscript(name: String) -> Int64? {
            for e in entries where e.name == name { return e.milli }
            return nil
        }

        /// Sets an amount; a name given again keeps its last amount.
        mutating func set(_ name: String, _ milli: Int64) {
            if let i = entries.firstIndex(where: { $0.name == name }) { entries[i].milli = milli } else { entries.append((name, milli)) }
        }
    }

    /// LimitRange defaults for containers in a namespace.
    struct Defaults {
        var requestMilli = Amounts()
        var limitMilli = Amounts()
    }

    static func defaults(namespace: String, context: PricingContext) -> Defaults {
        defaults(namespace: namespace, limitRanges: context.resources(ofType: "k8s:LimitRange"))
    }

    static func defaults(namespace: String, limitRanges: [Resource]) -> Defaults {
        var d = Defaults()
        for lr in limitRanges where lr.namespace == namespace {
            for item in lr.attributes["spec"]["limits"].array where (item["type"].string ?? "Container") == "Container" {
                for (k, v) in item["defaultRequest"].objectMembers { if let q = v.string.flatMap(KubeQuantity.milli) { d.requestMilli.set(k, q) } }
                for (k, v) in item["default"].objectMembers { if let q = v.string.flatMap(KubeQuantity.milli) { d.limitMilli.set(k, q) } }
            }
        }
        return d
    }

    /// A container's requests and limits, each quantity read once, in exact thousandths.
    struct Container {
        var name: String
        var sidecar: Bool
        var requests = Amounts()
        var limits = Amounts()
        /// A quantity finer than a thousandth (or enormous) was met and left out.
        var inexact = false

        init(_ c: Value) {
            name = c["name"].string ?? "?"
            sidecar = c["restartPolicy"].string == "Always"
            let res = c["resources"]
            for (k, v) in res["requests"].objectMembers {
                guard let t = v.string else { continue }
                if let q = KubeQuantity.milli(t) { requests.set(k, q) } else if KubeQuantity.isQuantity(t) { inexact = true }
            }
            for (k, v) in res["limits"].objectMembers {
                guard let t = v.string else { continue }
                if let q = KubeQuantity.milli(t) { limits.set(k, q) } else if KubeQuantity.isQuantity(t) { inexact = true }
            }
        }

        /// The effective request: its request, else the LimitRange default request, else its limit (or the
        /// LimitRange default limit), since Kubernetes sets a missing request to the limit.
        func request(_ resource: String, _ d: Defaults) -> Int64? {
            requests[resource] ?? d.requestMilli[resource] ?? limits[resource] ?? d.limitMilli[resource]
        }
    }

    /// max(the largest init container, counting the sidecars started before it; app containers + sidecars) + overhead,
    /// in exact integer thousandths; each total becomes a Decimal once.
    static func compute(spec: Value, defaults d: Defaults) -> PodRequests {
        var out = PodRequests()
        let inits = spec["initContainers"].array.map(Container.init)
        let apps = spec["containers"].array.map(Container.init)
        var names = ["cpu", "memory"]
        for list in [apps, inits] {
            for c in list {
                for e in c.requests.entries + c.limits.entries
                where !names.contains(e.name) && (gpuResources.contains(e.name) || e.name.hasSuffix("/gpu")) { names.append(e.name) }
            }
        }
        let overhead = spec["overhead"]
        var totals = Amounts()
        // sums checked: each amount fits 64 bits, but two of 5Pi do not
        var overflowed = false
        func plus(_ a: Int64, _ b: Int64) -> Int64 {
            let (s, o) = a.addingReportingOverflow(b)
            if o || s < 0 { overflowed = true; return 0 }
            return s
        }
        for name in names {
            var sidecars: Int64 = 0, initMax: Int64 = 0
            for ic in inits {
                let v = ic.request(name, d) ?? 0
                if v < 0 { out.overflow = "container \(Limits.echo(ic.name)) requests a negative \(Limits.echo(name))" }
                if ic.sidecar { sidecars = plus(sidecars, v); initMax = max(initMax, sidecars) } else { initMax = max(initMax, plus(sidecars, v)) }
            }
            var app: Int64 = 0
            for c in apps {
                let v = c.request(name, d) ?? 0
                if v < 0 { out.overflow = "container \(Limits.echo(c.name)) requests a negative \(Limits.echo(name))" }
                app = plus(app, v)
            }
            let extra = overhead.isNull ? 0 : overhead[name].string.flatMap(KubeQuantity.milli) ?? 0
            totals.set(name, plus(max(initMax, plus(app, sidecars)), max(extra, 0)))
            if overflowed {
                out.overflow = "the pod's \(Limits.echo(name)) requests add up to more than 2^63 thousandths; costgate prices pods up to about 9 EB of memory or 9 × 10^15 CPUs"
                totals.set(name, 0)
                overflowed = false
            }
        }
        out.cpu = KubeQuantity.decimal(totals["cpu"] ?? 0, exponent: -3)
        out.memoryGiB = KubeQuantity.gibibytes(milliBytes: totals["memory"] ?? 0)
            ?? KubeQuantity.decimal(totals["memory"] ?? 0, exponent: -3) * bytesToGiB
        for name in names where name != "cpu" && name != "memory" {
            if let n = totals[name], n > 0 { out.gpus[name] = KubeQuantity.decimal(n, exponent: -3) }
        }
        for c in apps where c.request("cpu", d) == nil && c.request("memory", d) == nil { out.withoutRequests.append(c.name) }
        for c in inits where c.sidecar && c.request("cpu", d) == nil && c.request("memory", d) == nil { out.withoutRequests.append(c.name) }
        out.inexact = apps.contains(where: \.inexact) || inits.contains(where: \.inexact)
        return out
    }

    /// The accelerator model a pod selects: GKE's node label in nodeSelector or node affinity.
    static func acceleratorModel(spec: Value) -> String? {
        let labels = ["cloud.google.com/gke-accelerator", "cloud.google.com/gke-tpu-accelerator", "karpenter.k8s.aws/instance-gpu-name",
                      "nvidia.com/gpu.product"]
        for l in labels { if let m = spec["nodeSelector"][l].string { return m } }
        for term in spec["affinity"]["nodeAffinity"]["requiredDuringSchedulingIgnoredDuringExecution"]["nodeSelectorTerms"].array {
            for e in term["matchExpressions"].array where labels.contains(e["key"].string ?? "") {
                if let v = e["values"].array.first?.string { return v }
            }
        }
        return nil
    }
}

/// Runs per month of a cron schedule, averaged over a 730-hour month.
enum CronSchedule {
    static let daysPerMonth = Money.hoursPerMonth / 24

    static func runsPerMonth(_ schedule: String) -> Decimal? {
        let s = schedule.trimmingSpaces()
        switch s {
        case "@yearly", "@annually": return Decimal(1) / 12
        case "@monthly": return 1
        case "@weekly": return daysPerMonth / 7
        case "@daily", "@midnight": return daysPerMonth
        case "@hourly": return Money.hoursPerMonth
        default: break
        }
        var fields = s.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        if fields.first?.hasPrefix("CRON_TZ=") == true || fields.first?.hasPrefix("TZ=") == true { fields.removeFirst() }
        guard fields.count == 5,
              let minutes = count(fields[0], 0, 59), let hours = count(fields[1], 0, 23),
              let dom = count(fields[2], 1, 31), let months = count(fields[3], 1, 12, names: monthNames),
              let dow = count(fields[4], 0, 7, names: dayNames) else { return nil }
        let perDay = Decimal(minutes) * Decimal(hours)
        let domFraction = Decimal(dom) / Decimal(string: "30.4375")!
        let dowFraction = Decimal(min(dow, 7)) / 7
        var days: Decimal
        switch (fields[2] == "*", fields[4] == "*") {
        case (true, true): days = 1
        case (false, true): days = domFraction
        case (true, false): days = dowFraction
        case (false, false): days = 1 - (1 - min(domFraction, 1)) * (1 - dowFraction)   // cron runs when either matches
        }
        return perDay * daysPerMonth * min(days, 1) * Decimal(months) / 12
    }

    static let monthNames = ["JAN": 1, "FEB": 2, "MAR": 3, "APR": 4, "MAY": 5, "JUN": 6, "JUL": 7, "AUG": 8, "SEP": 9, "OCT": 10, "NOV": 11, "DEC": 12]
    static let dayNames = ["SUN": 0, "MON": 1, "TUE": 2, "WED": 3, "THU": 4, "FRI": 5, "SAT": 6]

    /// How many values a cron field matches within [lo, hi].
    static func count(_ field: String, _ lo: Int, _ hi: Int, names: [String: Int] = [:]) -> Int? {
        var matched = Set<Int>()
        for part in field.split(separator: ",") {
            var range = String(part)
            var step = 1
            if let slash = range.firstIndex(of: "/") {
                let digits = range[range.index(after: slash)...]
                guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
                // a step past the field's range matches its start only (`1/9223372036854775807`: minute 1)
                let n = digits.count > 4 ? hi - lo + 1 : Int(digits)!
                guard n > 0 else { return nil }
                step = min(n, hi - lo + 1)
                range = String(range[..<slash])
            }
            func value(_ t: Substring) -> Int? { Int(t) ?? names[t.uppercased()] }
            var a = lo, b = hi
            if range == "*" || range == "?" {
            } else if let dash = range.firstIndex(of: "-") {
                guard let x = value(range[..<dash]), let y = value(range[range.index(after: dash)...]) else { return nil }
                a = x; b = y
            } else {
                guard let x = value(Substring(range)) else { return nil }
                a = x; b = step > 1 ? hi : x
            }
            guard a >= lo, b <= hi, a <= b else { return nil }
            var v = a
            while v <= b { matched.insert(v == 7 && hi == 7 ? 0 : v); v += step }
        }
        return matched.count
    }
}
