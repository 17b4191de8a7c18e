import FoundationEssentials
import Dispatch
import Synchronization
/// The options of one run.
public struct EstimateOptions: Sendable {
    public var usage: UsageFile
    public var pricebooks: PriceBookSet
    public var view: PriceView
    public var defaultRegion: String
    public var regionWasGiven: Bool
    public var profile: ClusterProfile
    /// JSON files that are not plans are passed over instead of rejected (a hook given every staged .json).
    public var skipOtherFiles = false
    /// Mapping rules to the user's price book (`custom_prices` in .costgate.yml).
    public var customPrices: [CustomPriceRule] = []
    /// Values for Terraform source's variables (`--var-file`, then `--var`), over its tfvars files.
    public var terraformVariables: [HCLReader.Assignment] = []

    public init(usage: UsageFile = UsageFile(), pricebooks: PriceBookSet, view: PriceView = .list,
                defaultRegion: String = "us-east-1", regionWasGiven: Bool = false, profile: ClusterProfile = .openCostDefault) {
        self.usage = usage
        self.pricebooks = pricebooks
        self.view = view
        self.defaultRegion = defaultRegion
        self.regionWasGiven = regionWasGiven
        self.profile = profile
    }
}

/// Runs price → value over the resources the readers produced.
public struct Estimator: Sendable {
    public let registry: PricerRegistry

    public init(registry: PricerRegistry = .standard) { self.registry = registry }

    /// The plan reader configured to decode only what this registry's pricers read.
    public func planReader(defaultRegion: String, regionWasGiven: Bool, customPrices: [CustomPriceRule] = []) -> PlanReader {
        let registry = self.registry
        return PlanReader(options: .init(defaultRegion: defaultRegion, regionWasGiven: regionWasGiven)) { type in
            var set = registry.attributes(for: type)
            for rule in customPrices where rule.matches(type) { if let a = rule.attribute { set.insert(a) } }
            return set
        }
    }

    public func estimate(_ resources: [Resource], inputs: [String], options: EstimateOptions) throws -> Estimate {
        let started = ContinuousClock().now
        defer { Timings.report("price+value", since: started) }
        try Limits.check(resourceCount: resources.count)
        let index = ResourceIndex(resources)
        // sorted through their positions: comparing addresses, not moving whole resources around
        let sorted = resources.indices.sorted { resources[$0].address < resources[$1].address }.map { resources[$0] }
        // lifecycle rules are judged at the AWS book's effective date, so the same inputs price the same on any day
        let asOf = sorted.contains { $0.provider == .aws } ? (try options.pricebooks.book(for: "aws/")?.effectiveDate ?? "9999-12-31") : "9999-12-31"

        // Each resource is priced on its own: a large run is split in two, one half per core, each half
        // gathering its own results, and the halves are joined in address order (the same as one pass).
        let parts = Mutex<[Int: Result<PricedShare, any Error>]>([:])
        TwoCores.run(sorted.count) { range, half in
            let strings = Interner()
            var part = PricedShare()
            do {
                for r in sorted[range] {
                    switch try self.price(r, index: index, asOf: asOf, options: options, strings: strings) {
                    case nil: break
                    case .skipped(let s)?: part.skipped.append(s)
                    case .priced(let cost, let regionAssumed)?:
                        if regionAssumed { part.assumed += 1 }
                        for c in cost.components {
                            part.books.insert(String(c.priceKey.prefix { $0 != "/" }))
                            if c.status == .priceNotFound {
                                part.warnings.append("price not found: \(c.priceKey) (\(cost.address): \(c.name)); left out of the total")
                            }
                        }
                        part.priced.append(cost)
                    }
                }
                parts.withLock { $0[half] = .success(part) }
            } catch {
                parts.withLock { $0[half] = .failure(error) }
            }
        }
        var all = PricedShare()
        for half in parts.withLock({ $0.keys.sorted() }) {
            // the first error in address order is the one reported
            let part = try parts.withLock { $0.removeValue(forKey: half) }!.get()
            all.priced += part.priced
            all.skipped += part.skipped
            all.warnings += part.warnings
            all.assumed += part.assumed
            all.books.formUnion(part.books)
        }
        var runNotes: [String] = []
        if all.priced.contains(where: { $0.namespace != nil }) {
            runNotes.append("Kubernetes requests priced with cluster profile \(options.profile.name)")
        }
        if all.assumed > 0 {
            runNotes.append("\(all.assumed) resource(s) had no region in the plan; \(options.defaultRegion) was used\(options.regionWasGiven ? " (--region)" : " (the default; set --region)")")
        }
        // The books this estimate's prices came from (a book set shared by several runs may hold more).
        return Estimate(currency: "USD", pricebooks: options.pricebooks.usedBooks.filter { all.books.contains($0.id) }, inputs: inputs,
                        resources: all.priced, skipped: all.skipped, assumptions: runNotes, warnings: all.warnings)
    }

    /// What one share of a run's resources gave.
    private struct PricedShare: Sendable {
        var priced: [ResourceCost] = []
        var skipped: [SkippedResource] = []
        var warnings: [String] = []
        var assumed = 0
        var books: Set<String> = []
    }

    private enum Outcome {
        case skipped(SkippedResource)
        case priced(ResourceCost, regionAssumed: Bool)
    }

    /// One resource: skipped with its reason, or its usage lines valued. Nil for data sources (not listed).
    private func price(_ r: Resource, index: ResourceIndex, asOf: String, options: EstimateOptions, strings: Interner) throws -> Outcome? {
        switch r.action {
        case .delete:
            return .skipped(SkippedResource(address: r.address, type: r.type, reason: .deleted,
                                            detail: "the plan deletes it", location: r.location))
        case .forget:
            return .skipped(SkippedResource(address: r.address, type: r.type, reason: .forgotten,
                                            detail: "removed from Terraform state; it keeps running and costing outside this plan",
                                            location: r.location))
        case .read:
            return nil
        default:
            break
        }
        let custom = options.customPrices.filter { $0.matches(r.type) }.map { $0.line(for: r) }
        guard let pricer = registry.pricer(for: r.pricingType) ?? (custom.isEmpty ? nil : CustomOnlyPricer()) else {
            let reason: SkipReason = registry.isFree(r.pricingType) ? .free : .unsupported
            return .skipped(SkippedResource(address: r.address, type: r.type, reason: reason,
                                            detail: reason == .free ? nil : "not supported yet", location: r.location))
        }
        let context = PricingContext(usage: options.usage.values(for: r, keys: pricer.usageKeys), index: index, asOf: asOf, profile: options.profile)
        var usage = pricer.usage(of: r, context: context)
        if (context.usage[.monthlyHrs] ?? Money.hoursPerMonth) == Money.hoursPerMonth {
            // hours of a whole month per unit: the books' full-month rules (sustained use) may apply
            for i in usage.lines.indices where usage.lines[i].unit.hasSuffix("hour") { usage.lines[i].runsFullMonth = true }
        }
        usage.lines += custom
        try Limits.check(usage, of: r)
        if usage.lines.isEmpty {
            // e.g. a gateway VPC endpoint or an ECS service on EC2: nothing of its own to pay for
            return .skipped(SkippedResource(address: r.address, type: r.type, reason: .free,
                                            detail: usage.assumptions.joined(separator: "; "), location: r.location))
        }
        var components = try options.pricebooks.value(usage.lines, view: options.view)
        for i in components.indices {
            components[i].name = strings.intern(components[i].name)
            components[i].priceKey = strings.intern(components[i].priceKey)
        }
        var notes = usage.assumptions.map(strings.intern)
        var regionAssumed = false
        if r.regionAssumed, let region = r.region {
            notes.insert("region not found in the plan: \(region) used\(options.regionWasGiven ? " (--region)" : " (the default; set --region)")", at: 0)
            regionAssumed = true
        }
        var cost = ResourceCost(address: r.address, type: r.type, region: r.region, regionAssumed: r.regionAssumed,
                                action: r.action, components: components, assumptions: notes, location: r.location,
                                ceiling: usage.ceiling, namespace: r.namespace, tags: r.tags)
        cost.containersWithoutRequests = usage.containersWithoutRequests
        return .priced(cost, regionAssumed: regionAssumed)
    }
}

/// Stands in for a pricer when only custom mapping rules price a type.
private struct CustomOnlyPricer: Pricer {
    let resourceTypes: [String] = []
    let attributes: Set<String> = []
    let usageKeys: [UsageKey] = []
    func usage(of resource: Resource, context: PricingContext) -> PricedUsage { PricedUsage() }
}
