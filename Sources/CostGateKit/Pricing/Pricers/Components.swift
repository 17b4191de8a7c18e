import FoundationEssentials
/// Component price keys: the price of "component C of resource type T in region R, per unit U", as the cited
/// Infracost golden facts give it (`pricebooks/tools/pricebook.py`, `component_key`):
/// `PROVIDER/tf/TYPE/REGION/slug(C)/slug(U)`, for example
/// `azure/tf/azurerm_key_vault_key/eastus/hsm-protected-keys/month`. A pricer that names its component as the
/// facts do finds the price; any other component, size or region has no price (price not found), never a guess.
public enum PriceKeys {
    /// Lower-case ASCII letters, digits and dots; every other run of characters is one hyphen, none at the ends
    /// (the same rule as the builders' `slug`).
    public static func slug(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var dash = false
        for var c in text.utf8 {
            if c >= 65 && c <= 90 { c += 32 }
            if (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c == 46 {
                if dash && !out.isEmpty { out.append(45) }
                out.append(c)
                dash = false
            } else {
                dash = true
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The book id part of a key for a resource's cloud.
    public static func provider(_ p: CloudProvider) -> String {
        switch p {
        case .aws: return "aws"
        case .azure: return "azure"
        case .gcp: return "gcp"
        case .kubernetes: return "k8s"
        case .other: return "other"
        }
    }

    public static func component(_ provider: CloudProvider, type: String, region: String, component: String, unit: String) -> String {
        "\(Self.provider(provider))/tf/\(type)/\(region.lowercased())/\(slug(component))/\(slug(unit))"
    }
}

/// Builds one resource's usage lines priced by component keys: the common shapes (an hourly charge, a
/// monthly fee, a usage-file quantity, an attribute's quantity) in one line each.
public struct Components {
    public let resource: Resource
    public let context: PricingContext
    /// The region the keys name (the resource's, or the placeholder that finds no price).
    public var region: String
    /// The resource type the keys name (a pricer for several types may price them under one type's facts).
    public var keyType: String
    public private(set) var out = PricedUsage()

    public init(_ resource: Resource, _ context: PricingContext, region: String? = nil, keyType: String? = nil) {
        self.resource = resource
        self.context = context
        self.keyType = keyType ?? resource.type
        var tmp = PricedUsage()
        self.region = region ?? Quantities.region(resource, &tmp, fallback: Self.resourceGroupRegion(resource, context))
        out.assumptions.append(contentsOf: tmp.assumptions)
    }

    /// An Azure resource without a `location` is where its resource group is (as Azure places it): the group the
    /// configuration refers to, else the one whose name the plan gives.
    static func resourceGroupRegion(_ r: Resource, _ context: PricingContext) -> String? {
        guard r.provider == .azure, r.region == nil else { return nil }
        if let rg = context.referenced("azurerm_resource_group", from: r, attribute: "resource_group_name"), let region = rg.region { return region }
        if let name = r.attributes["resource_group_name"].nonEmptyString, !Quantities.isUnknown(r.attributes["resource_group_name"]),
           let rg = context.find("azurerm_resource_group", where: "name", equals: name) { return rg.region }
        return nil
    }

    /// The price key of a component (`keyName` when the facts name it differently from the line).
    public func key(_ name: String, unit: String) -> String {
        PriceKeys.component(resource.provider, type: keyType, region: region, component: name, unit: unit)
    }

    /// A line with any quantity.
    public mutating func line(_ name: String, unit: String, quantity: Quantity, keyName: String? = nil, keyUnit: String? = nil,
                              usageBased: Bool = false) {
        out.add(UsageLine(name, unit: unit, quantity: quantity, priceKey: key(keyName ?? name, unit: keyUnit ?? unit), usageBased: usageBased))
    }

    /// Billed by the hour while it exists: `count` × the month's hours (730, or the usage file's `monthly_hrs`).
    public mutating func hours(_ name: String, count: Quantity = .value(1), unit: String = "hour", keyName: String? = nil) {
        line(name, unit: unit, quantity: Quantities.scaled(count, by: Quantities.monthlyHours(context)), keyName: keyName)
    }

    /// A monthly fee for `count` of them.
    public mutating func monthly(_ name: String, count: Quantity = .value(1), unit: String = "month", keyName: String? = nil) {
        line(name, unit: unit, quantity: count, keyName: keyName)
    }

    /// A quantity from the usage file (`key` × `factor`), "depends on usage" without it.
    public mutating func usage(_ name: String, unit: String, _ key: UsageKey, times factor: Decimal = 1, keyName: String? = nil) {
        line(name, unit: unit, quantity: Quantities.usage(key, context, times: factor), keyName: keyName, usageBased: true)
    }

    /// A number from an attribute (unknown until apply when Terraform does not know it yet), else `default`.
    public func number(_ attribute: String, default value: Decimal? = nil) -> Quantity? {
        let v = resource.attributes[attribute]
        if v.isNull { return value.map { .value($0) } }
        return Quantities.number(v, attribute: attribute) ?? value.map { .value($0) }
    }

    public mutating func assume(_ text: String) { out.assume(text) }
    public mutating func reject(_ text: String) { out.reject(text) }
    public mutating func append(_ other: PricedUsage) { out.append(other) }
}

/// A pricer written as one function over `Components`: for families whose lines are the common shapes.
public struct ComponentPricer: Pricer {
    public let resourceTypes: [String]
    public let attributes: Set<String>
    public let usageKeys: [UsageKey]
    public let relatedAttributes: [String: Set<String>]
    let body: @Sendable (inout Components) -> Void

    public init(_ types: [String], attributes: Set<String> = [], usage: [UsageKey] = [], related: [String: Set<String>] = [:],
                _ body: @escaping @Sendable (inout Components) -> Void) {
        self.resourceTypes = types
        let azure = types.contains { $0.hasPrefix("azurerm_") }
        // Azure resources may take their region from their resource group
        self.attributes = azure ? attributes.union(["location", "resource_group_name"]) : attributes
        self.usageKeys = usage
        self.relatedAttributes = azure ? related.merging(["azurerm_resource_group": ["name", "location"]]) { $0.union($1) } : related
        self.body = body
    }

    public func usage(of resource: Resource, context: PricingContext) -> PricedUsage {
        var c = Components(resource, context)
        body(&c)
        return c.out
    }
}
