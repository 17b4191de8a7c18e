import FoundationEssentials
/// `aws_instance`: on-demand hours by type, OS and tenancy; root and EBS block devices; T-family CPU credits as usage.
struct InstancePricer: Pricer {
    let resourceTypes = ["aws_instance"]
    let attributes: Set<String> = ["instance_type", "tenancy", "root_block_device", "ebs_block_device", "credit_specification", "instance_state"]
    let usageKeys: [UsageKey] = [.operatingSystem, .monthlyHrs, .monthlyCPUCreditHrs, .rootVolumeSizeGB, .monthlyStandardIORequests]

    func usage(of r: Resource, context: PricingContext) -> PricedUsage {
        let region = Quantities.region(r)
        let a = r.attributes
        var out = PricedUsage()
        let tenancy = a["tenancy"].nonEmptyString ?? "default"
        let os = AWS.os(context)
        if context.usage.text(.operatingSystem) == nil {
            out.assume("operating system not in the plan: assumed Linux (set operating_system: windows in the usage file)")
        }
        if tenancy == "host" {
            out.assume("host tenancy: the instance runs on a Dedicated Host billed by aws_ec2_host, so no instance hours are counted here")
        } else {
            out.append(AWS.instanceLines(region: region, instanceType: a["instance_type"], os: os,
                                         tenancy: tenancy == "dedicated" ? "dedicated" : "shared",
                                         count: .value(1), hours: AWS.monthlyHours(context)))
        }
        out.append(AWS.blockDevices(region: region, root: a["root_block_device"], ebs: a["ebs_block_device"].array,
                                    count: .value(1), context: context))
        out.append(AWS.cpuCreditLines(region: region, instanceType: a["instance_type"].nonEmptyString,
                                      creditSpec: a["credit_specification"], os: os, count: .value(1), context: context))
        return out
    }
}
