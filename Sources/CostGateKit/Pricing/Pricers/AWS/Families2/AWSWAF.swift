import FoundationEssentials
/// Usage keys of WAF web ACLs (Infracost's names).
enum AWSWAFKeys {
    static let ruleGroupRules = UsageKey("rule_group_rules", unit: "rules", "rules inside the rule groups the web ACL uses")
    static let managedRuleGroupRules = UsageKey("managed_rule_group_rules", unit: "rules", "rules inside the managed rule groups the web ACL uses")
}

enum AWSWAFFamily {
    static let pricers: [any Pricer] = [webACL, webACLv2]

    /// `aws_waf_web_acl` (WAF Classic): a monthly fee per web ACL, per rule (its own plus the usage's rule-group rules)
    /// and per rule group, plus requests (usage).
    static let webACL = ComponentPricer(["aws_waf_web_acl"], attributes: ["rules"],
                                        usage: [AWSWAFKeys.ruleGroupRules, .monthlyRequests]) { c in
        c.monthly("Web ACL usage")
        let rules = c.resource.attributes["rules"].array
        let own = rules.filter { ["REGULAR", "RATE_BASED"].contains($0["type"].nonEmptyString ?? "REGULAR") }.count
        let groups = rules.filter { $0["type"].nonEmptyString == "GROUP" }.count
        let total = Decimal(own) + (c.context.usage[AWSWAFKeys.ruleGroupRules] ?? 0)
        if total > 0 { c.monthly("Rules", count: .value(total), unit: "rules") }
        if groups > 0 { c.monthly("Rule groups", count: .value(Decimal(groups)), unit: "groups") }
        c.usage("Requests", unit: "1M requests", .monthlyRequests, times: Decimal(1) / 1_000_000)
    }

    /// `aws_wafv2_web_acl`: a monthly fee per web ACL, per rule (its own plus the rules inside rule groups, usage),
    /// per rule group and managed rule group, plus requests (usage).
    static let webACLv2 = ComponentPricer(["aws_wafv2_web_acl"], attributes: ["rule"],
                                          usage: [AWSWAFKeys.ruleGroupRules, AWSWAFKeys.managedRuleGroupRules, .monthlyRequests]) { c in
        c.monthly("Web ACL usage")
        var own = 0, groups = 0, managed = 0
        for rule in c.resource.attributes["rule"].array {
            let statement = rule["statement"].block
            let isGroup = !statement["rule_group_reference_statement"].block.isNull
            let isManaged = !statement["managed_rule_group_statement"].block.isNull
            if isGroup { groups += 1 }
            if isManaged { managed += 1 }
            if !isGroup && !isManaged { own += 1 }
        }
        let u = c.context.usage
        let total = Decimal(own) + (u[AWSWAFKeys.ruleGroupRules] ?? 0) + (u[AWSWAFKeys.managedRuleGroupRules] ?? 0)
        if total > 0 { c.monthly("Rules", count: .value(total), unit: "rules") }
        if groups > 0 { c.monthly("Rule groups", count: .value(Decimal(groups)), unit: "groups") }
        if managed > 0 { c.monthly("Managed rule groups", count: .value(Decimal(managed)), unit: "groups") }
        c.usage("Requests", unit: "1M requests", .monthlyRequests, times: Decimal(1) / 1_000_000)
    }
}
