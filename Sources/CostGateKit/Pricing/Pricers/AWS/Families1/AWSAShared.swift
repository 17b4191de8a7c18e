import FoundationEssentials

/// Usage keys the aws-a family pricers read (Infracost's key names).
enum AWSAKeys {
    static let monthlyRequests = UsageKey("monthly_requests", unit: "requests", "requests a month")
    static let monthlyDataProcessedGB = UsageKey("monthly_data_processed_gb", unit: "GB", "GB processed a month")
    static let backupStorageGB = UsageKey("backup_storage_gb", unit: "GB", "backup storage held, in GB")
    static let monthlyHandlerOperations = UsageKey("monthly_handler_operations", unit: "operations",
                                                   "non-free handler operations a month (outside the AWS::, Alexa:: and Custom:: namespaces)")
    static let monthlyDurationSecs = UsageKey("monthly_duration_secs", unit: "seconds",
                                              "seconds a month of non-free handler operations above 30 seconds")
    static let monthlyRuleEvaluations = UsageKey("monthly_rule_evaluations", unit: "evaluations", "rule evaluations a month")
}

extension Components {
    /// A usage quantity (`key` × `factor`) split into consecutive tiers of the given sizes (the last has none: the
    /// rest). Lines for the tiers the quantity reaches; without usage only the first tier, as "depends on usage".
    mutating func awsaTiered(_ key: UsageKey, unit: String, times factor: Decimal = 1, tiers: [(name: String, size: Decimal?)]) {
        guard let total = context.usage[key].map({ $0 * factor }) else {
            if let first = tiers.first { usage(first.name, unit: unit, key, times: factor) }
            return
        }
        var left = total
        for tier in tiers where left > 0 {
            let q = tier.size.map { Swift.min($0, left) } ?? left
            line(tier.name, unit: unit, quantity: .value(q), usageBased: true)
            left -= q
        }
    }

    /// A string attribute, nil when unset, empty or unknown.
    func awsaString(_ attribute: String) -> String? {
        let v = resource.attributes[attribute]
        return Quantities.isUnknown(v) ? nil : v.nonEmptyString
    }
}

/// The smallest whole number not below `d` (d ≥ 0).
func awsaCeiling(_ d: Decimal) -> Decimal {
    let nearest = Money.rounded(d, scale: 0)
    return nearest < d ? nearest + 1 : nearest
}

/// The largest whole number not above `d` (d ≥ 0).
func awsaFloor(_ d: Decimal) -> Decimal {
    let nearest = Money.rounded(d, scale: 0)
    return nearest > d ? nearest - 1 : nearest
}
