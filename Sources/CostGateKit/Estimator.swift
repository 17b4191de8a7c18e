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
        let index = ResourceIndex(resources)
        let sorted = resources.sorted(by: { $0.address < $1.address })
        // lifecycle rules are judged at the AWS book's effective date, so the same inputs price the same on any day
        let asOf = sorted.contains { $0.provider == .aws } ? (try options.pricebooks.book(for: "aws/")?.effectiveDate ?? "9999-12-31") : "9999-12-31"

        // Each resource is priced on its own: a large run is split in two, one half per core, and the halves
        // are put back in address order (the output is the same as one pass's).
        var outcomes = [Outcome?](repeating: nil, count: sorted.count)
        let chunks = sorted.count >= 2_000 ? 2 : 1
        let size = (sorted.count + chunks - 1) / max(chunks, 1)
        let errors = Mutex<[Int: any Error]>([:])
        outcomes.withUnsafeMutableBufferPointer { out in
            nonisolated(unsafe) let out = out
            let work: @Sendable (Int) -> Void = { chunk in
                let strings = Interner()
                for i in (chunk * size)..<min(sorted.count, (chunk + 1) * size) {
                    do { out[i] = try self.price(sorted[i], index: index, asOf: asOf, options: options, strings: strings) } catch {
                        errors.withLock { $0[i] = error }
                        return
                    }
                }
            }
            if chunks == 1 { work(0) } else { DispatchQueue.concurrentPerform(iterations: chunks, execute: work) }
        }
        if let first = errors.withLock({ $0.min { $0.key < $1.key }?.value }) { throw first }
        var priced: [ResourceCost] = []
        var skipped: [SkippedResource] = []
        var assumed: [String] = []
        for case let outcome? in outcomes {
            switch outcome {
            case .skipped(let s): skipped.append(s)
            case .priced(let cost, let regionAssumed):
                priced.append(cost)
                if regionAssumed { assumed.append(cost.address) }
            }
        }
        var runNotes: [String] = []
        if priced.contains(where: { $0.type.hasPrefix("k8s:") }) {
            runNotes.append("Kubernetes requests priced with cluster profile \(options.profile.name)")
        }
        if !assumed.isEmpty {
            runNotes.append("\(assumed.count) resource(s) had no region in the plan; \(options.defaultRegion) was used\(options.regionWasGiven ? " (--region)" : " (the default; set --region)")")
        }
        var warnings: [String] = []
        for r in priced {
            for c in r.components where c.status == .priceNotFound {
                warnings.append("price not found: \(c.priceKey) (\(r.address): \(c.name)); left out of the total")
            }
        }
        // The books this estimate's prices came from (a book set shared by several runs may hold more).
        let ids = Set(priced.flatMap { $0.components.map { String($0.priceKey.prefix { $0 != "/" }) } })
        return Estimate(currency: "USD", pricebooks: options.pricebooks.usedBooks.filter { ids.contains($0.id) }, inputs: inputs, resources: priced,
                        skipped: skipped, assumptions: runNotes, warnings: warnings)
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
        guard let pricer = registry.pricer(for: r.type) ?? (custom.isEmpty ? nil : CustomOnlyPricer()) else {
            let reason: SkipReason = registry.isFree(r.type) ? .free : .unsupported
            return .skipped(SkippedResource(address: r.address, type: r.type, reason: reason,
                                            detail: reason == .free ? nil : "not supported yet", location: r.location))
        }
        let context = PricingContext(usage: options.usage.values(for: r), index: index, asOf: asOf, profile: options.profile)
        var usage = pricer.usage(of: r, context: context)
        usage.lines += custom
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
        return .priced(ResourceCost(address: r.address, type: r.type, region: r.region, regionAssumed: r.regionAssumed,
                                    action: r.action, components: components, assumptions: notes, location: r.location,
                                    ceiling: usage.ceiling, namespace: r.provider == .kubernetes ? r.moduleAddress : nil,
                                    tags: r.tags), regionAssumed: regionAssumed)
    }
}

/// Stands in for a pricer when only custom mapping rules price a type.
private struct CustomOnlyPricer: Pricer {
    let resourceTypes: [String] = []
    let attributes: Set<String> = []
    func usage(of resource: Resource, context: PricingContext) -> PricedUsage { PricedUsage() }
}
