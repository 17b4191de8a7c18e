import FoundationEssentials

/// Where the base of a comparison comes from.
public enum BaseSource: Sendable, Equatable {
    /// No comparison (estimate).
    case none
    /// A plan's own prior state: what is deployed → what will be. Manifests have none (all added).
    case priorState
    /// The same input paths read at a git ref.
    case gitRef(String)
    /// An earlier costgate JSON report, or another plan or manifest file.
    case file(String)
}

/// One project to price: a name (nil for the paths on the command line), its inputs and options.
public struct ProjectSpec: Sendable {
    public var name: String?
    public var paths: [String]
    public var options: EstimateOptions

    public init(name: String?, paths: [String], options: EstimateOptions) {
        self.name = name
        self.paths = paths
        self.options = options
    }
}

/// One project's head, its comparison with the base, and what policies judge.
public struct ProjectOutcome: Sendable {
    public var name: String?
    public var head: Estimate
    public var diff: CostDiff?
    public var subject: PolicySubject
}

/// read → price → value for every project, then compare each with the base.
public struct BaseComparison: Sendable {
    public var projects: [ProjectSpec]
    public var base: BaseSource
    public var estimator: Estimator

    public init(projects: [ProjectSpec], base: BaseSource, estimator: Estimator = Estimator()) {
        self.projects = projects
        self.base = base
        self.estimator = estimator
    }

    /// What the base is, in words, for reports.
    public private(set) var baseDescription: String?

    public mutating func run() throws -> [ProjectOutcome] {
        var gitRef: GitRef?
        var report: (pricebooks: [PriceBookRef], byProject: [String: [ResourceCost]])?
        switch base {
        case .none: baseDescription = nil
        case .priorState: baseDescription = "the plans' prior state (what is deployed now)"
        case .gitRef(let name):
            let ref = try GitRef.resolve(name)
            gitRef = ref
            baseDescription = "\(name) (\(ref.commit.prefix(12)))"
        case .file(let path):
            if ReportInput.isReport(path: path) {
                report = try ReportInput.read(path: path)
                baseDescription = "the costgate report \(path)"
            } else {
                guard projects.count == 1 else {
                    throw CostGateError("--base with a plan or manifest needs a single project; use --base-ref, or a costgate JSON report",
                                        at: SourceLocation(file: path))
                }
                baseDescription = path
            }
        }
        let outcomes = try projects.map { try run($0, gitRef: gitRef, report: report) }
        if base == .priorState { baseDescription = Self.priorStateDescription(outcomes) }
        return outcomes
    }

    private func run(_ p: ProjectSpec, gitRef: GitRef?, report: (pricebooks: [PriceBookRef], byProject: [String: [ResourceCost]])?) throws -> ProjectOutcome {
        let run = Run(paths: p.paths, options: p.options, estimator: estimator)
        let (resources, skipped, files, sourceNotes) = try run.readWithNotes()
        var head = try estimator.estimate(resources, inputs: files, options: p.options)
        head.skipped.append(contentsOf: skipped)
        head.assumptions += sourceNotes
        head.setProject(p.name)
        var moved: [String: String] = [:]
        for r in resources { if let previous = r.previousAddress { moved[r.address] = previous } }

        var baseEstimate: Estimate?
        var changed: Set<String>?
        switch base {
        case .none:
            break
        case .priorState:
            baseEstimate = try estimator.estimate(TerraformResources.priorState(of: resources), inputs: files, options: p.options)
            changed = Set(resources.filter { $0.action != .noOp }.map(\.address))
        case .gitRef, .file:
            if let report {
                let costs = report.byProject[p.name ?? ""] ?? (projects.count == 1 ? report.byProject.values.flatMap { $0 } : [])
                baseEstimate = Estimate(currency: head.currency, pricebooks: report.pricebooks, inputs: [], resources: costs.sorted { $0.address < $1.address },
                                        skipped: [], assumptions: [], warnings: [])
                changed = Self.changed(resources, head: head, baseCosts: costs, moved: moved)
            } else {
                let inputs: [InputFile]
                if let gitRef { inputs = try gitRef.files(for: p.paths) } else if case .file(let path) = base {
                    inputs = try Inputs.expand([path]).map { InputFile(name: $0) }
                } else { inputs = [] }
                var baseResources: [Resource] = []
                var planInputs = inputs
                if let gitRef, let tree = try gitRef.terraformTree() {
                    // Terraform source at the ref, read from a copy of its tree (the HCL reader reads folders)
                    defer { FileIO.removeTree(tree) }
                    let atRef = try p.paths.map { path in try gitRef.relative(path) }.map { $0.isEmpty ? tree : tree + "/" + $0 }
                    if let found = try TerraformSource.read(atRef.filter(FileIO.exists), defaultRegion: p.options.defaultRegion,
                                                            assignments: p.options.terraformVariables) {
                        baseResources += found.resources
                        let folders = Set(found.folders.map { String($0.dropFirst(tree.count)).drop { $0 == "/" } }.map(String.init))
                        planInputs = inputs.filter { f in
                            let path = String(f.name.dropFirst(gitRef.name.count + 1))
                            return !path.hasSuffix(".tf.json") && !folders.contains(FileIO.parent(path) == "." ? "" : FileIO.parent(path))
                        }
                    }
                }
                baseResources += planInputs.isEmpty ? [] : try run.read(planInputs).resources
                if let gitRef {
                    // a plan is usually made in CI, not committed: one that is not in git at the ref is
                    // compared with its own prior state (what is deployed), as without a base
                    let atRef = Set(inputs.map(\.name))
                    var untracked = Set<String>()
                    for f in files where f != "-" {
                        let name = try gitRef.displayName(f)
                        if !atRef.contains(name) { untracked.insert(f) }
                    }
                    let plans = resources.filter { $0.input == .terraformPlan && untracked.contains($0.location?.file ?? "") }
                    if !plans.isEmpty {
                        baseResources += TerraformResources.priorState(of: plans)
                        let names = Set(plans.compactMap { $0.location?.file }).sorted()
                        head.assumptions.append("\(names.joined(separator: ", ")): not in git at \(gitRef.name); compared with the plan's prior state")
                    }
                }
                baseEstimate = try estimator.estimate(baseResources, inputs: inputs.map(\.name), options: p.options)
                changed = Self.changed(resources, baseResources: baseResources, moved: moved)
            }
        }
        baseEstimate?.setProject(p.name)
        let diff = baseEstimate.map { CostDiff(base: $0, head: head, previousAddresses: moved) }
        return ProjectOutcome(name: p.name, head: head, diff: diff,
                              subject: PolicySubject(project: p.name, resources: resources, changed: changed, head: head, base: baseEstimate))
    }

    /// Resources that are new or whose attributes differ from the base's.
    static func changed(_ head: [Resource], baseResources: [Resource], moved: [String: String]) -> Set<String> {
        var base: [String: Resource] = [:]
        for r in baseResources where r.action.existsAfter { base[r.address] = r }
        var out = Set<String>()
        for r in head {
            guard let b = base[r.address] ?? moved[r.address].flatMap({ base[$0] }) else { out.insert(r.address); continue }
            if b.attributes != r.attributes || b.type != r.type { out.insert(r.address) }
        }
        return out
    }

    /// With only a report as the base: new resources, those whose cost or tags moved, and those the plan
    /// creates or updates.
    static func changed(_ head: [Resource], head estimate: Estimate, baseCosts: [ResourceCost], moved: [String: String]) -> Set<String> {
        var base: [String: ResourceCost] = [:]
        for r in baseCosts { base[r.address] = r }
        var headCosts: [String: Decimal] = [:]
        for r in estimate.resources { headCosts[r.address] = r.monthlyCost }
        var out = Set<String>()
        for r in head {
            guard let b = base[r.address] ?? moved[r.address].flatMap({ base[$0] }) else { out.insert(r.address); continue }
            if [.create, .update, .replace].contains(r.action) || b.tags != r.tags || (headCosts[r.address].map { $0 != b.monthlyCost } ?? false) {
                out.insert(r.address)
            }
        }
        return out
    }
}

extension Estimate {
    mutating func setProject(_ name: String?) {
        guard let name else { return }
        for i in resources.indices { resources[i].project = name }
        for i in skipped.indices { skipped[i].project = name }
    }

    /// Several projects' estimates as one: resources in project order, notes and warnings joined.
    public static func merged(_ parts: [Estimate]) -> Estimate {
        guard parts.count != 1 else { return parts[0] }
        var out = Estimate(currency: parts.first?.currency ?? "USD", pricebooks: [], inputs: [], resources: [], skipped: [],
                           assumptions: [], warnings: [])
        for p in parts {
            for b in p.pricebooks where !out.pricebooks.contains(b) { out.pricebooks.append(b) }
            out.inputs += p.inputs
            out.resources += p.resources
            out.skipped += p.skipped
            for a in p.assumptions where !out.assumptions.contains(a) { out.assumptions.append(a) }
            out.warnings += p.warnings
        }
        return out
    }
}
