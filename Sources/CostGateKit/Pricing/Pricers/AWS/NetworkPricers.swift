import FoundationEssentials
/// `aws_eip`: a public IPv4 address is billed by the hour whether attached or idle (since February 2024).
struct EIPPricer: Pricer {
    let resourceTypes = ["aws_eip"]
    let attributes: Set<String> = ["domain", "vpc"]
    let usageKeys: [UsageKey] = [.monthlyHrs]

    func usage(of r: Resource, context: PricingContext) -> PricedUsage {
        PricedUsage(lines: [UsageLine("Public IPv4 address", unit: "hour", quantity: .value(AWS.monthlyHours(context)),
                                      priceKey: "aws/ec2/\(Quantities.region(r))/public-ipv4")])
    }
}

/// `aws_nat_gateway`: hours, plus GB processed (usage).
struct NATGatewayPricer: Pricer {
    let resourceTypes = ["aws_nat_gateway"]
    let attributes: Set<String> = []
    let usageKeys: [UsageKey] = [.monthlyHrs, .monthlyDataProcessedGB]

    func usage(of r: Resource, context: PricingContext) -> PricedUsage {
        let region = Quantities.region(r)
        return Quantities.hoursAndData("NAT gateway", hourKey: "aws/vpc/\(region)/nat-gateway", dataKey: "aws/vpc/\(region)/nat-gateway-data", context: context)
    }
}

/// `aws_lb`, `aws_alb`: hours plus capacity units (LCU for application, NLCU for network load balancers).
struct LoadBalancerPricer: Pricer {
    let resourceTypes = ["aws_lb", "aws_alb"]
    let attributes: Set<String> = ["load_balancer_type"]
    let usageKeys: [UsageKey] = [.capacityUnits, .monthlyHrs]

    func usage(of r: Resource, context: PricingContext) -> PricedUsage {
        let region = Quantities.region(r)
        let kind = r.attributes["load_balancer_type"].nonEmptyString ?? "application"
        let name = ["application": "Application", "network": "Network", "gateway": "Gateway"][kind] ?? kind
        let unit = kind == "network" ? "NLCU-hour" : "LCU-hour"
        return PricedUsage(lines: [
            UsageLine("\(name) load balancer", unit: "hour", quantity: .value(AWS.monthlyHours(context)),
                      priceKey: "aws/elb/\(region)/\(kind)/hours"),
            UsageLine("Capacity units", unit: unit, quantity: Quantities.usage(.capacityUnits, context, times: Money.hoursPerMonth),
                      priceKey: "aws/elb/\(region)/\(kind)/lcu", usageBased: true),
        ])
    }
}

/// `aws_elb`: classic load balancer hours plus GB processed (usage).
struct ClassicELBPricer: Pricer {
    let resourceTypes = ["aws_elb"]
    let attributes: Set<String> = []
    let usageKeys: [UsageKey] = [.monthlyHrs, .monthlyDataProcessedGB]

    func usage(of r: Resource, context: PricingContext) -> PricedUsage {
        let region = Quantities.region(r)
        return Quantities.hoursAndData("Classic load balancer", hourKey: "aws/elb/\(region)/classic/hours",
                                dataKey: "aws/elb/\(region)/classic/data", context: context)
    }
}

/// `aws_vpc_endpoint`: interface and Gateway Load Balancer endpoints bill per AZ-hour and per GB (interface data in
/// 1 PB / 4 PB / beyond tiers); gateway endpoints are free.
struct VPCEndpointPricer: Pricer {
    let resourceTypes = ["aws_vpc_endpoint"]
    let attributes: Set<String> = ["vpc_endpoint_type", "subnet_ids"]
    let usageKeys: [UsageKey] = [.monthlyHrs, .monthlyDataProcessedGB]

    func usage(of r: Resource, context: PricingContext) -> PricedUsage {
        let region = Quantities.region(r)
        let kind = (r.attributes["vpc_endpoint_type"].nonEmptyString ?? "Gateway").lowercased()
        var out = PricedUsage()
        guard kind != "gateway" else {
            out.assume("gateway endpoints (S3, DynamoDB) have no hourly or data charge")
            return out
        }
        let subnets = r.attributes["subnet_ids"]
        let azs: Quantity
        if Quantities.isUnknown(subnets) {
            azs = .unknownUntilApply(attribute: "subnet_ids")
        } else {
            let n = subnets.array.count
            azs = .value(Decimal(max(n, 1)))
            if n == 0 { out.assume("no subnet_ids: one availability zone assumed") }
        }
        out.add(UsageLine("Endpoint (\(kind == "interface" ? "Interface" : "GatewayLoadBalancer"), per AZ)", unit: "hour",
                          quantity: Quantities.scaled(azs, by: AWS.monthlyHours(context)), priceKey: "aws/vpc/\(region)/endpoint/\(kind)"))
        // Interface endpoints bill data processed in tiers a month (AWS PrivateLink pricing): first 1 PB, next 4 PB, over 5 PB.
        if kind == "interface", let gb = context.usage[.monthlyDataProcessedGB], gb > 1_000_000 {
            out.add(UsageLine("Data processed (first 1PB)", unit: "GB", quantity: .value(1_000_000),
                              priceKey: "aws/vpc/\(region)/endpoint/interface-data", usageBased: true))
            out.add(UsageLine("Data processed (next 4PB)", unit: "GB", quantity: .value(min(gb, 5_000_000) - 1_000_000),
                              priceKey: AWS.key(r, region, "Data processed (next 4PB)", "GB"), usageBased: true))
            if gb > 5_000_000 {
                out.add(UsageLine("Data processed (over 5PB)", unit: "GB", quantity: .value(gb - 5_000_000),
                                  priceKey: AWS.key(r, region, "Data processed (over 5PB)", "GB"), usageBased: true))
            }
        } else {
            out.add(Quantities.dataProcessed("aws/vpc/\(region)/endpoint/\(kind)-data", context))
        }
        return out
    }
}

/// `aws_route53_zone`: a monthly fee per hosted zone; queries are usage.
struct Route53ZonePricer: Pricer {
    let resourceTypes = ["aws_route53_zone"]
    let attributes: Set<String> = []
    let usageKeys: [UsageKey] = []

    func usage(of r: Resource, context: PricingContext) -> PricedUsage {
        PricedUsage(lines: [UsageLine("Hosted zone", unit: "month", quantity: .value(1), priceKey: "aws/route53/global/hosted-zone")])
    }
}
