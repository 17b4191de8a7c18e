import FoundationEssentials
import Synchronization
/// Turns a resource into usage lines: quantities and the price keys they need. Never dollars.
///
/// Add a resource type = add one pricer file (and its golden test), then list it in `PricerRegistry`.
public protocol Pricer: Sendable {
    /// Terraform types (`aws_instance`) or Kubernetes kinds (`k8s:Deployment`) this pricer handles.
    var resourceTypes: [String] { get }
    /// Top-level attributes the pricer reads; the plan reader decodes only these.
    var attributes: Set<String> { get }
    /// The usage-file keys it reads; only these reach it, and a usage file that names another key for
    /// its types gets a warning with the nearest of these.
    var usageKeys: [UsageKey] { get }
    /// Attributes it reads from other resource types it follows (launch templates, task definitions).
    var relatedAttributes: [String: Set<String>] { get }
    func usage(of resource: Resource, context: PricingContext) -> PricedUsage
}

extension Pricer {
    public var relatedAttributes: [String: Set<String>] { [:] }
}

/// What a pricer may consult besides the resource: the usage file and the other resources of the run.
public struct PricingContext: Sendable {
    public var usage: UsageValues
    /// The date lifecycle rules are judged at (end of standard support): the price book's effective date,
    /// so the same inputs give the same output on any day.
    public var asOf: String
    /// How Kubernetes requests are priced.
    public var profile: ClusterProfile
    let index: ResourceIndex

    public init(usage: UsageValues = UsageValues(), resources: [Resource] = [], asOf: String, profile: ClusterProfile = .openCostDefault) {
        self.usage = usage
        self.index = ResourceIndex(resources)
        self.asOf = asOf
        self.profile = profile
    }

    init(usage: UsageValues, index: ResourceIndex, asOf: String, profile: ClusterProfile) {
        self.usage = usage
        self.index = index
        self.asOf = asOf
        self.profile = profile
    }

    /// Every resource of a type in this run (HorizontalPodAutoscalers, LimitRanges …).
    public func resources(ofType type: String) -> [Resource] { index.all(type: type) }

    /// Follows a configuration reference (`aws_launch_template.web`) from `resource`'s module.
    public func referenced(_ type: String, from resource: Resource, attribute: String) -> Resource? {
        for ref in resource.references[attribute] ?? [] {
            let parts = ConfigIndex.splitSegments(ref)
            guard parts.count >= 2, parts[0] == type else { continue }
            // one instance named (`azurerm_service_plan.plan["a"]`, from `each.value` over its instances): that one
            if ref.contains("["), let r = index.exact(resource.moduleAddress.isEmpty ? ref : "\(resource.moduleAddress).\(ref)") { return r }
            let base = "\(parts[0]).\(parts[1])"
            let address = resource.moduleAddress.isEmpty ? base : "\(resource.moduleAddress).\(base)"
            if let r = index.first(configAddress: address) { return r }
        }
        return nil
    }

    /// Finds a resource of `type` whose `attribute` (id, name, arn) equals `value`.
    public func find(_ type: String, where attribute: String, equals value: String) -> Resource? {
        index.find(type: type, attribute: attribute, value: value)
    }
}

/// The run's resources by configuration address and by type, built on first use (only pricers that
/// follow references, such as autoscaling groups, ask for it).
final class ResourceIndex: Sendable {
    private let resources: [Resource]
    /// By type, made at once: every pricer of a run may ask (a workload for its autoscaler), from two threads.
    private let byType: [String: [Resource]]
    /// By configuration address (`module.x.aws_instance.web`), made when a pricer first asks.
    private let byConfigAddress = Mutex<[String: [Resource]]?>(nil)

    init(_ resources: [Resource]) {
        self.resources = resources
        var byType: [String: [Resource]] = [:]
        for r in resources { byType[r.type, default: []].append(r) }
        self.byType = byType
    }

    func first(configAddress: String) -> Resource? {
        byConfigAddress.withLock { table in
            if table == nil {
                var made: [String: [Resource]] = [:]
                for r in resources { made[ConfigIndex.stripKeys(r.address), default: []].append(r) }
                table = made
            }
            return table?[configAddress]?.first
        }
    }

    func all(type: String) -> [Resource] { byType[type] ?? [] }

    /// The resource at exactly this address (instance key included).
    func exact(_ address: String) -> Resource? {
        let parts = ConfigIndex.splitSegments(address)
        guard let type = parts.dropLast().last else { return nil }
        return byType[type]?.first { $0.address == address }
    }

    func find(type: String, attribute: String, value: String) -> Resource? {
        byType[type]?.first { $0.attributes[attribute].string == value }
    }
}

/// Quantities every pricer needs: hours a month, usage values, attribute numbers, scaling, and the
/// resource's region.
enum Quantities {
    static let hoursPerMonth = Money.hoursPerMonth

    /// Hours a month: 730, or the usage file's `monthly_hrs`.
    static func monthlyHours(_ context: PricingContext) -> Decimal {
        context.usage[.monthlyHrs] ?? Money.hoursPerMonth
    }

    /// GB processed (NAT gateways, load balancers, firewalls, endpoints): usage `monthly_data_processed_gb`.
    static func dataProcessed(_ key: String, _ context: PricingContext) -> UsageLine {
        UsageLine("Data processed", unit: "GB", quantity: usage(.monthlyDataProcessedGB, context), priceKey: key, usageBased: true)
    }

    /// A thing billed by the hour that also bills the GB it processes.
    static func hoursAndData(_ name: String, hourKey: String, dataKey: String, context: PricingContext) -> PricedUsage {
        PricedUsage(lines: [UsageLine(name, unit: "hour", quantity: .value(monthlyHours(context)), priceKey: hourKey),
                            dataProcessed(dataKey, context)])
    }

    /// The resource's region, else `fallback` (its cluster's, its server's), else a placeholder that finds
    /// no price, with the reason as an assumption. (The plan reader gives every AWS resource a region:
    /// the run's default when the plan has none, marked as assumed.)
    static func region(_ r: Resource, _ out: inout PricedUsage, missing: String = "region", fallback: String? = nil) -> String {
        if let region = r.region ?? fallback { return region }
        out.assume("\(missing) not in the plan (unknown until apply or not set): its prices show as not found")
        return unknownRegion
    }

    /// The region of a resource that must have one (every AWS resource does), or the placeholder that
    /// finds no price; never a guessed region.
    static func region(_ r: Resource) -> String { r.region ?? unknownRegion }

    static let unknownRegion = "unknown-region"

    /// A quantity from an attribute: its number, or unknown until apply when Terraform does not know it yet.
    static func number(_ v: Value, attribute: String) -> Quantity? {
        switch v {
        case .unknown, .sensitive: return .unknownUntilApply(attribute: attribute)
        default: return v.decimal.map { .value($0) }
        }
    }

    /// A usage quantity: the usage file's value, or "depends on usage".
    static func usage(_ key: UsageKey, _ context: PricingContext, times factor: Decimal = 1) -> Quantity {
        if let v = context.usage[key] { return .value(v * factor) }
        return .usageNotGiven
    }

    static func scaled(_ q: Quantity, by factor: Decimal) -> Quantity {
        if case .value(let v) = q { return .value(FastDecimal.multiply(v, factor)) }
        return q
    }

    /// True when a string attribute is unknown (or hidden as sensitive).
    static func isUnknown(_ v: Value) -> Bool { v.isUnknown || v.isSensitive }
}
