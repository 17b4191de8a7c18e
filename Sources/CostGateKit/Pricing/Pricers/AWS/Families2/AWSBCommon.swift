import FoundationEssentials
/// Shared shapes of the aws-b families: tiered usage (Infracost's tier buckets) and lines whose price key
/// carries what differs between test resources (a rule module's `/name=value` suffix).
extension Components {
    /// A line priced under the component key plus `/suffix` (rule-module keys such as `mode=provisioned`).
    mutating func keyed(_ name: String, unit: String, quantity: Quantity, suffix: String, keyName: String? = nil, usageBased: Bool = false) {
        append(PricedUsage(lines: [UsageLine(name, unit: unit, quantity: quantity,
                                             priceKey: key(keyName ?? name, unit: unit) + "/" + suffix, usageBased: usageBased)]))
    }

    /// A usage quantity split into consecutive tiers of the given sizes (the last tier takes the rest).
    /// Without the usage value only the first tier is shown, as depending on usage; tiers past the first
    /// are shown only when they hold something.
    mutating func tiered(_ names: [String], unit: String, _ key: UsageKey, times factor: Decimal = 1, sizes: [Decimal]) {
        guard let total = context.usage[key].map({ $0 * factor }) else {
            line(names[0], unit: unit, quantity: .usageNotGiven, usageBased: true)
            return
        }
        for (i, amount) in AWSB.tiers(total, sizes: sizes).enumerated() where i == 0 || amount > 0 {
            line(names[i], unit: unit, quantity: .value(amount), usageBased: true)
        }
    }
}

/// Usage keys more than one aws-b family reads (Infracost's names).
enum AWSBKeys {
    static let memoryMB = UsageKey("memory_mb", unit: "MB", "memory a workflow or function runs with")
}

enum AWSB {
    /// Splits `total` into tiers of the given sizes; the last tier takes what is left (Infracost's tier buckets).
    static func tiers(_ total: Decimal, sizes: [Decimal]) -> [Decimal] {
        var rest = max(total, 0)
        var out: [Decimal] = []
        for size in sizes {
            let here = min(rest, size)
            out.append(here)
            rest -= here
        }
        out.append(rest)
        return out
    }

    /// The first block of a nested block attribute (`[ {...} ]` or an object), `.null` when absent.
    static func block(_ v: Value, _ path: String...) -> Value {
        var cur = v
        for p in path { cur = cur[p].block }
        return cur
    }
}
