import FoundationEssentials
/// `aws_instance`: on-demand hours by type, OS and tenancy; root and EBS block devices; T-family CPU credits as
/// usage; detailed monitoring; the EBS-optimisation fee; settings it leaves out come from its launch template.
struct InstancePricer: Pricer {
    let resourceTypes = ["aws_instance"]
    let attributes: Set<String> = ["instance_type", "tenancy", "root_block_device", "ebs_block_device", "credit_specification", "instance_state",
                                   "monitoring", "ebs_optimized", "launch_template", "id"]
    let usageKeys: [UsageKey] = [.operatingSystem, .monthlyHrs, .monthlyCPUCreditHrs, AWSOldKeys.vcpuCount, .rootVolumeSizeGB, .monthlyStandardIORequests]
    let relatedAttributes: [String: Set<String>] = ["aws_launch_template": LaunchTemplates.attributes,
                                                    "aws_volume_attachment": ["instance_id", "volume_id", "device_name"],
                                                    "aws_ebs_volume": ["id"]]

    func usage(of r: Resource, context: PricingContext) -> PricedUsage {
        let region = Quantities.region(r)
        var a = r.attributes
        var out = PricedUsage()
        var blockDevices = a["ebs_block_device"].array
        if let lt = LaunchTemplates.find(r, attribute: "launch_template", context: context) {
            // What the instance leaves out comes from its launch template (EC2 RunInstances with a template);
            // its own block devices replace the template's of the same device name.
            let t = lt.attributes
            var m = a.objectMembers
            if a["instance_type"].isNull { m["instance_type"] = t["instance_type"] }
            if a["tenancy"].isNull { m["tenancy"] = t["placement"].block["tenancy"] }
            if a["monitoring"].isNull { m["monitoring"] = t["monitoring"].block["enabled"] }
            if a["ebs_optimized"].isNull { m["ebs_optimized"] = t["ebs_optimized"] }
            if a["credit_specification"].isNull { m["credit_specification"] = t["credit_specification"] }
            a = .object(m)
            blockDevices = LaunchTemplates.merged(template: lt, own: blockDevices)
            out.assume("settings not on the instance come from its launch template \(lt.address)")
        }
        // A volume attached with aws_volume_attachment is priced as its own aws_ebs_volume, not again here.
        let attachedDevices = Set(context.resources(ofType: "aws_volume_attachment").filter { att in
            context.referenced("aws_instance", from: att, attribute: "instance_id")?.address == r.address
                || (att.attributes["instance_id"].nonEmptyString.map { $0 == a["id"].nonEmptyString } ?? false)
        }.compactMap { $0.attributes["device_name"].nonEmptyString })
        if !attachedDevices.isEmpty {
            let before = blockDevices.count
            blockDevices.removeAll { attachedDevices.contains($0["device_name"].nonEmptyString ?? "") }
            if blockDevices.count < before {
                out.assume("volumes attached with aws_volume_attachment (\(attachedDevices.sorted().joined(separator: ", "))) are priced as their aws_ebs_volume")
            }
        }
        let tenancy = a["tenancy"].nonEmptyString ?? "default"
        let os = AWS.os(context)
        if context.usage.text(.operatingSystem) == nil {
            out.assume("operating system not in the plan: assumed Linux (set operating_system: windows in the usage file)")
        }
        let hours = AWS.monthlyHours(context)
        if tenancy == "host" {
            out.assume("host tenancy: the instance runs on a Dedicated Host billed by aws_ec2_host, so no instance hours are counted here")
        } else {
            out.append(AWS.instanceLines(region: region, instanceType: a["instance_type"], os: os,
                                         tenancy: tenancy == "dedicated" ? "dedicated" : "shared",
                                         count: .value(1), hours: hours))
        }
        out.append(AWS.monitoringAndEBSOptimized(region: region, instanceType: a["instance_type"].nonEmptyString,
                                                 monitoring: a["monitoring"].bool ?? false, ebsOptimized: a["ebs_optimized"].bool ?? false,
                                                 count: .value(1), hours: hours))
        out.append(AWS.blockDevices(region: region, root: a["root_block_device"], ebs: blockDevices,
                                    count: .value(1), context: context))
        out.append(AWS.cpuCreditLines(region: region, instanceType: a["instance_type"].nonEmptyString,
                                      creditSpec: a["credit_specification"], os: os, count: .value(1), context: context))
        return out
    }
}
