import FoundationEssentials

enum AWSDirectoryServicePricer {
    static let additionalControllers = UsageKey("additional_domain_controllers", unit: "controllers",
                                                "domain controllers beyond the two every directory has")
    static let sharedAccounts = UsageKey("shared_accounts", unit: "accounts", "accounts or VPCs a Microsoft AD directory is shared with")

    /// `aws_directory_service_directory`: its two domain controllers and any additional ones (usage) at the
    /// directory's type and size (edition for Microsoft AD) rate, and directory sharing for Microsoft AD (usage).
    static let pricer = ComponentPricer(["aws_directory_service_directory"], attributes: ["type", "size", "edition"],
                                        usage: [additionalControllers, sharedAccounts]) { c in
        let a = c.resource.attributes
        for attribute in ["type", "size", "edition"] where Quantities.isUnknown(a[attribute]) {
            c.line("Directory service", unit: "controllers", quantity: .unknownUntilApply(attribute: attribute))
            return
        }
        let type = a["type"].nonEmptyString ?? "SimpleAD"
        let label = ["SimpleAD": "Simple AD", "ADConnector": "AD Connector", "MicrosoftAD": "Microsoft AD"][type] ?? type
        // Terraform's defaults: Large for Simple AD and AD Connector, Enterprise for Microsoft AD
        let size = type == "MicrosoftAD" ? (a["edition"].nonEmptyString ?? "Enterprise") : (a["size"].nonEmptyString ?? "Large")
        let directory = "Directory service (\(label), \(size))"
        c.monthly(directory, count: .value(2), unit: "controllers")
        if c.context.usage[additionalControllers] != nil {
            // additional controllers are the same product as the directory's own two
            c.usage("Additional domain controllers", unit: "controllers", additionalControllers, keyName: directory)
        }
        if type == "MicrosoftAD", c.context.usage[sharedAccounts] != nil {
            c.usage("Directory sharing", unit: "accounts", sharedAccounts)
        }
    }
}
