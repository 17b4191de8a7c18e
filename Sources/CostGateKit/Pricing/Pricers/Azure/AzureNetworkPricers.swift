import FoundationEssentials
/// `azurerm_public_ip`: an hourly charge by SKU (Basic, Standard), allocation (static, dynamic) and tier (regional, global).
struct AzurePublicIPPricer: Pricer {
    let resourceTypes = ["azurerm_public_ip"]
    let attributes: Set<String> = ["sku", "allocation_method", "sku_tier"]
    let usageKeys: [UsageKey] = [.monthlyHrs]

    func usage(of r: Resource, context: PricingContext) -> PricedUsage {
        var out = PricedUsage()
        let region = Azure.region(r, &out)
        let a = r.attributes
        let allocation = (a["allocation_method"].nonEmptyString ?? "Static").lowercased()
        // Standard SKU addresses are static only: a dynamic address without a SKU is a Basic one
        let sku = (a["sku"].nonEmptyString ?? (allocation == "dynamic" ? "Basic" : "Standard")).lowercased()
        if a["sku"].isNull {
            out.assume(allocation == "dynamic" ? "sku not set: Basic (Standard addresses cannot be dynamic)" : "sku not set: Standard, the azurerm 4.x default")
        }
        let global = a["sku_tier"].string == "Global"
        out.add(UsageLine("IP address (\(allocation), \(global ? "global" : "regional"), \(sku))", unit: "hour",
                          quantity: .value(Quantities.monthlyHours(context)),
                          priceKey: "azure/public-ip/\(region)/\(sku)-\(allocation)\(global ? "-global" : "")"))
        return out
    }
}

/// `azurerm_lb`: Standard load balancers bill data processed (usage); rules are priced by `azurerm_lb_rule`. Basic is free.
struct AzureLoadBalancerPricer: Pricer {
    let resourceTypes = ["azurerm_lb"]
    let attributes: Set<String> = ["sku"]
    let usageKeys: [UsageKey] = [.monthlyDataProcessedGB]

    func usage(of r: Resource, context: PricingContext) -> PricedUsage {
        var out = PricedUsage()
        let region = Azure.region(r, &out)
        let sku = r.attributes["sku"].nonEmptyString ?? "Basic"
        guard sku != "Basic" else {
            out.assume("Basic load balancer: no charge (retired by Azure in September 2025)")
            return out
        }
        out.add(Quantities.dataProcessed("azure/lb/\(region)/standard/data", context))
        return out
    }
}

/// `azurerm_lb_rule`, `azurerm_lb_outbound_rule`: rule hours on a Standard load balancer (free on Basic).
struct AzureLoadBalancerRulePricer: Pricer {
    let resourceTypes = ["azurerm_lb_rule", "azurerm_lb_outbound_rule"]
    let attributes: Set<String> = ["loadbalancer_id"]
    let usageKeys: [UsageKey] = [.monthlyHrs]

    func usage(of r: Resource, context: PricingContext) -> PricedUsage {
        var out = PricedUsage()
        let lb = context.referenced("azurerm_lb", from: r, attribute: "loadbalancer_id")
        if let lb, (lb.attributes["sku"].nonEmptyString ?? "Basic") == "Basic" {
            out.assume("rule of a Basic load balancer: no charge")
            return out
        }
        let region = Azure.region(r, &out, fallback: lb?.region)
        out.add(UsageLine("Rule usage", unit: "hour", quantity: .value(Quantities.monthlyHours(context)), priceKey: "azure/lb/\(region)/standard/rule"))
        out.assume("each rule at the per-rule price; Azure bundles the first five rules of a load balancer at a fixed hourly price that is not in the price book")
        return out
    }
}

/// `azurerm_nat_gateway`: hours plus GB processed (usage).
struct AzureNATGatewayPricer: Pricer {
    let resourceTypes = ["azurerm_nat_gateway"]
    let attributes: Set<String> = ["sku_name"]
    let usageKeys: [UsageKey] = [.monthlyHrs, .monthlyDataProcessedGB]

    func usage(of r: Resource, context: PricingContext) -> PricedUsage {
        var out = PricedUsage()
        let region = Azure.region(r, &out)
        out.append(Quantities.hoursAndData("NAT gateway", hourKey: "azure/nat-gateway/\(region)/hours", dataKey: "azure/nat-gateway/\(region)/data",
                                  context: context))
        return out
    }
}

/// `azurerm_firewall`: deployment hours by tier (in a virtual network or a secured virtual hub) plus GB processed.
struct AzureFirewallPricer: Pricer {
    let resourceTypes = ["azurerm_firewall"]
    let attributes: Set<String> = ["sku_name", "sku_tier"]
    let usageKeys: [UsageKey] = [.monthlyHrs, .monthlyDataProcessedGB]

    func usage(of r: Resource, context: PricingContext) -> PricedUsage {
        var out = PricedUsage()
        let region = Azure.region(r, &out)
        let tier = (r.attributes["sku_tier"].nonEmptyString ?? "Standard").lowercased()
        let hub = r.attributes["sku_name"].string == "AZFW_Hub"
        out.add(UsageLine("Deployment (\(tier.capitalized)\(hub ? ", secured virtual hub" : ""))", unit: "hour",
                          quantity: .value(Quantities.monthlyHours(context)), priceKey: "azure/firewall/\(region)/\(tier)\(hub ? "-hub" : "")"))
        out.add(Quantities.dataProcessed("azure/firewall/\(region)/\(tier)/data", context))
        return out
    }
}

/// `azurerm_application_gateway`: v2 gateways bill fixed hours plus capacity units: the 10 per instance that a fixed
/// instance count or the autoscale minimum reserves, or the usage file's average `capacity_units` when more.
struct AzureApplicationGatewayPricer: Pricer {
    let resourceTypes = ["azurerm_application_gateway"]
    let attributes: Set<String> = ["sku", "autoscale_configuration"]
    let usageKeys: [UsageKey] = [.capacityUnits, .monthlyHrs]

    func usage(of r: Resource, context: PricingContext) -> PricedUsage {
        var out = PricedUsage()
        let region = Azure.region(r, &out)
        let sku = r.attributes["sku"].block
        let tier = sku["tier"].nonEmptyString ?? sku["name"].nonEmptyString ?? "Standard_v2"
        let key: String
        switch tier {
        case "Standard_v2": key = "standard-v2"
        case "WAF_v2": key = "waf-v2"
        case "Basic": key = "basic"
        default: key = tier.lowercased().replacing("_", with: "-") + "/" + (sku["name"].nonEmptyString ?? "?").lowercased()
        }
        let hours = Quantities.monthlyHours(context)
        out.add(UsageLine("Gateway usage (\(tier))", unit: "hour", quantity: .value(hours),
                          priceKey: "azure/application-gateway/\(region)/\(key)"))
        guard tier.hasSuffix("_v2") else { return out }
        // Azure bills 10 capacity units per instance that the manual instance count or the autoscale minimum
        // reserves, whatever the traffic; consumption above that is billed too ("Understanding pricing", Instance Count)
        let autoscale = r.attributes["autoscale_configuration"].block
        let instances = autoscale.isNull ? sku["capacity"].decimal : autoscale["min_capacity"].decimal
        let reserved = (instances ?? 0) * 10
        let units: Quantity
        if let cu = context.usage[.capacityUnits] {
            units = .value(Swift.max(cu, reserved) * hours)
            if cu < reserved { out.assume("capacity units: \(Money.plain(reserved)) reserved by \(Money.plain(instances ?? 0)) instances (10 each) exceed the usage file's \(Money.plain(cu))") }
        } else if reserved > 0 {
            units = .value(reserved * hours)
            out.assume("capacity units: \(Money.plain(reserved)) reserved by \(Money.plain(instances ?? 0)) \(autoscale.isNull ? "instances" : "minimum instances") (10 each); set capacity_units for the average in use when higher")
        } else {
            units = .usageNotGiven
        }
        out.add(UsageLine("Capacity units", unit: "CU-hour", quantity: units,
                          priceKey: "azure/application-gateway/\(region)/\(key)/capacity-units", usageBased: true))
        return out
    }
}
