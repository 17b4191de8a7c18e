import FoundationEssentials

enum AWSComputeServicePricers {
    static let monthlyBuildMins = UsageKey("monthly_build_mins", unit: "minutes", "build minutes a month")
    static let reservedTerm = UsageKey("reserved_instance_term", unit: "1_year|3_year", "the host reservation's term", text: true)
    static let reservedPayment = UsageKey("reserved_instance_payment_option", unit: "all_upfront|partial_upfront|no_upfront",
                                          "the host reservation's payment option", text: true)

    /// `aws_codebuild_project`: build minutes (usage) at the rate of the environment's OS and compute size.
    static let codeBuild = ComponentPricer(["aws_codebuild_project"], attributes: ["environment"], usage: [monthlyBuildMins]) { c in
        let env = c.resource.attributes["environment"].block
        let computeType = env["compute_type"], envType = env["type"]
        guard !Quantities.isUnknown(computeType), !Quantities.isUnknown(envType),
              let compute = computeType.nonEmptyString, let type = envType.nonEmptyString else {
            c.line("Build minutes", unit: "minutes", quantity: .unknownUntilApply(attribute: "environment"), usageBased: true)
            return
        }
        // BUILD_GENERAL1_MEDIUM → general1.medium
        var size = (compute.hasPrefix("BUILD_") ? String(compute.dropFirst(6)) : compute).lowercased()
        if let underscore = size.firstIndex(of: "_") { size.replaceSubrange(underscore...underscore, with: ".") }
        let name: String
        switch type {
        case "WINDOWS_SERVER_2019_CONTAINER", "WINDOWS_CONTAINER", "WINDOWS_SERVER_2022_CONTAINER": name = "Windows (\(size))"
        case "ARM_CONTAINER": name = "Linux (arm1.large)"
        case "LINUX_GPU_CONTAINER": name = "Linux (gpu1.large)"
        default: name = "Linux (\(size))"
        }
        c.usage(name, unit: "minutes", monthlyBuildMins)
    }

    /// `aws_ec2_host`: a dedicated host by the hour, by instance family, on demand or reserved (usage).
    static let dedicatedHost = ComponentPricer(["aws_ec2_host"], attributes: ["instance_type", "instance_family"],
                                               usage: [.monthlyHrs, reservedTerm, reservedPayment]) { c in
        let family = c.awsaString("instance_type").map { String($0.split(separator: ".").first ?? "") } ?? c.awsaString("instance_family")
        guard let family, !family.isEmpty else {
            c.line("EC2 Dedicated Host", unit: "hour", quantity: .unknownUntilApply(attribute: "instance_type"))
            return
        }
        if let term = c.context.usage.text(reservedTerm) {
            let payment = c.context.usage.text(reservedPayment) ?? ""
            // the reservation's term and payment option name the price (the line's name does not)
            c.hours("EC2 Dedicated Host (reserved, \(family))", keyName: "EC2 Dedicated Host (reserved, \(term), \(payment), \(family))")
        } else {
            c.hours("EC2 Dedicated Host (on-demand, \(family))")
        }
    }

    /// `aws_eks_fargate_profile`: one GB of memory and one vCPU for the month (Infracost's baseline for a profile).
    static let fargateProfile = ComponentPricer(["aws_eks_fargate_profile"]) { c in
        c.monthly("Per GB per hour", unit: "GB")
        c.monthly("Per vCPU per hour", unit: "CPU")
    }

    /// `aws_cloudhsm_v2_hsm`: an HSM by the hour.
    static let cloudHSM = ComponentPricer(["aws_cloudhsm_v2_hsm"], usage: [.monthlyHrs]) { c in
        c.hours("HSM usage")
    }
}
