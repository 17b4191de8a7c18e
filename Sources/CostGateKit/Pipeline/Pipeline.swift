import FoundationEssentials

/// What the command line asked for, as given: no setting is resolved yet. The executable fills it from
/// its flags; tests fill it by hand and get exactly what the binary would print.
public struct PipelineOptions: Sendable {
    /// One report to render: a `--format` and its `--out` file (nil: standard output).
    public struct Output: Sendable, Equatable {
        public var format: String
        public var file: String?
        public init(format: String, file: String? = nil) {
            self.format = format
            self.file = file
        }
    }

    /// Plans, manifests or folders; empty: the projects of the configuration.
    public var paths: [String] = []
    public var outputs: [Output] = [Output(format: "table")]
    /// `--config`; nil: `.costgate.yml` found from the working folder up.
    public var configPath: String?
    public var skipOtherFiles = false
    /// `--pricebook` specs (`aws`, `aws@2026.11.0`, a path), after the configuration's pins.
    public var pricebooks: [String] = []
    public var pricebookDir: String?
    public var usage: String?
    public var region: String?
    public var clusterProfile: String?
    public var view = "list"
    public var base: BaseSource = .none
    /// Tagging rules and guardrails judge every resource, not only those the change creates or updates.
    public var checkAll = false
    /// `check`: an error-level finding makes the exit status 1.
    public var judge = false
    /// `--compare-views`: the estimate under several views side by side (no base, no policies).
    public var compareViews: [String]?
    /// Where the GitHub step summary goes (`GITHUB_STEP_SUMMARY`), when a `github` report is asked for.
    public var stepSummaryPath: String?
    /// `check --policies-from-base`: policies and exemptions from the base ref's configuration.
    public var policiesFromBase = false
    /// `--var-file FILE` and `--var NAME=VALUE` for Terraform source, in that order (later wins).
    public var terraformVariables: [HCLReader.Assignment] = []
    /// The width of the terminal standard output prints to (nil: not a terminal and no `COLUMNS`).
    public var terminalWidth: Int?

    public init() {}
}

/// One report to write: its format, where it goes, and what renders it. It is rendered straight into
/// the sink the writer gives (a large plan's JSON report is streamed, never held whole in memory).
public struct RenderedOutput {
    public var format: String
    /// nil: standard output.
    public var file: String?
    let render: (OutputSink) throws -> Void

    /// Streams the report into `sink`.
    public func write(to sink: OutputSink) throws { try render(sink) }

    /// The whole report as text (tests, small outputs).
    public func text() throws -> String {
        let sink = OutputSink()
        try render(sink)
        return sink.text
    }
}

/// What a run gives: everything to write, and the exit status. Nothing is written yet, so a run that
/// fails leaves nothing behind.
public struct PipelineResult {
    public var report: Report?
    public var outputs: [RenderedOutput]
    /// Markdown to append to the GitHub step summary file.
    public var stepSummary: (path: String, text: String)?
    /// 0, or 1 when `judge` is set and an error-level finding remains.
    public var status: Int32
    /// Warnings for standard error (a usage key no pricer reads), each also in the report's warnings.
    public var warnings: [String] = []
    /// What the run built; kept so that the process can exit without freeing it piece by piece.
    let keep: [any Sendable]
}

/// inputs → read → price → value → compare → judge → render: the whole run of `estimate`, `diff` and
/// `check`, from the command line's options to the rendered reports and the exit status. The
/// executable parses flags, calls this, writes, and exits; the golden tests call the same.
public struct Pipeline: Sendable {
    public var options: PipelineOptions
    public var estimator: Estimator

    public init(_ options: PipelineOptions, estimator: Estimator = Estimator()) {
        self.options = options
        self.estimator = estimator
    }

    public func run() throws -> PipelineResult {
        let config = try loadConfig()
        if let views = options.compareViews { return try compare(views: views, config: config) }
        let projects = try projectSpecs(config)
        var comparison = BaseComparison(projects: projects, base: options.base, estimator: estimator)
        let outcomes = try comparison.run()
        var policies = config?.policies ?? [], exemptions = config?.exemptions ?? [], configFindings: [Finding] = []
        if options.policiesFromBase {
            guard case .gitRef(let ref) = options.base else {
                throw CostGateError("--policies-from-base reads the base's .costgate.yml from git: give --base-ref REF")
            }
            let resolved = try PoliciesFromBase.resolve(head: config, ref: ref)
            (policies, exemptions, configFindings) = (resolved.policies, resolved.exemptions, resolved.findings)
        }
        if options.checkAll { for i in policies.indices { policies[i].checkAll = true } }
        let findings = configFindings + PolicyEngine(policies: policies, exemptions: exemptions).evaluate(outcomes.map(\.subject))
        var estimate = Estimate.merged(outcomes.map(\.head))
        var warnings: [String] = []
        for p in projects {
            for w in p.options.usage.unknownKeyWarnings(registry: estimator.registry) where !warnings.contains(w) { warnings.append(w) }
        }
        estimate.warnings = warnings + estimate.warnings
        // a run that priced nothing still names the books its resources would have been priced from (all
        // the selected books when it read no resource)
        var refs = estimate.pricebooks
        if refs.isEmpty {
            let ids = Set(outcomes.flatMap { $0.subject.resources.compactMap { PricerRegistry.priceBookID(of: $0.provider) } })
            refs = projects[0].options.pricebooks.selectedBooks(ids: ids.isEmpty ? nil : ids)
        }
        let diffs = outcomes.compactMap(\.diff)
        var report = Report(estimate: estimate, pricebooks: refs, view: projects[0].options.view,
                            diff: diffs.isEmpty ? nil : CostDiff.merged(diffs), baseDescription: comparison.baseDescription,
                            projects: outcomes, findings: findings, policies: policies)
        if let key = config?.sharedCostsBy {
            report.teams = TeamBreakdown(estimate: estimate, key: key, costs: config?.sharedCosts ?? [])
        }
        var rendered: [RenderedOutput] = []
        for output in options.outputs {
            guard let reporter = Reporters.reporter(for: output.format) else {
                throw CostGateError("unknown format '\(output.format)'; use one of \(Reporters.formats.joined(separator: ", "))")
            }
            var one = report
            one.width = output.file == nil ? options.terminalWidth : nil   // the table fits the terminal it prints to
            rendered.append(RenderedOutput(format: output.format, file: output.file) { sink in
                let started = ContinuousClock().now
                try reporter.write(one, to: sink)
                Timings.report("render \(output.format)", since: started)
            })
        }
        var summary: (String, String)?
        if options.outputs.contains(where: { $0.format == GitHubReporter.format }), let path = options.stepSummaryPath, !path.isEmpty {
            summary = (path, try MarkdownReporter().render(report))
        }
        let fails = options.judge && findings.contains { $0.fails }
        return PipelineResult(report: report, outputs: rendered, stepSummary: summary, status: fails ? 1 : 0, warnings: warnings,
                              keep: [outcomes, comparison])
    }

    /// `--compare-views`: every project's estimate under each view, side by side.
    private func compare(views: [String], config: Config?) throws -> PipelineResult {
        guard views.count >= 2 else { throw CostGateError("--compare-views needs at least two views, e.g. list,negotiated") }
        guard options.outputs.count == 1, ["table", "json"].contains(options.outputs[0].format) else {
            throw CostGateError("--compare-views writes one table or json report")
        }
        var estimates: [Estimate] = []
        for name in views {
            var one = self
            one.options.view = name
            one.options.compareViews = nil
            var comparison = BaseComparison(projects: try one.projectSpecs(config), base: .none, estimator: estimator)
            estimates.append(.merged(try comparison.run().map(\.head)))
        }
        let output = options.outputs[0]
        let text = output.format == "json" ? ViewComparison.json(views, estimates) : ViewComparison.table(views, estimates)
        return PipelineResult(report: nil, outputs: [RenderedOutput(format: output.format, file: output.file) { $0.write(text) }],
                              stepSummary: nil, status: 0, warnings: [], keep: [estimates])
    }

    // MARK: - settings: the command line wins over the project, the project over the file's defaults

    func loadConfig() throws -> Config? {
        if let path = options.configPath {
            guard FileIO.exists(path) else { throw CostGateError("configuration file not found", at: SourceLocation(file: path)) }
            return try Config.load(path: path)
        }
        return try Config.find(from: ".").map { try Config.load(path: $0) }
    }

    /// The projects to price: the paths on the command line, else the projects of the configuration.
    /// When judging (`check`), a path a project of the configuration owns brings in that project whole,
    /// so a budget always judges project totals.
    func projectSpecs(_ config: Config?) throws -> [ProjectSpec] {
        if !options.paths.isEmpty {
            var projects: [ProjectSpec] = []
            let (owners, others) = options.judge && config != nil ? config!.owners(of: options.paths) : ([], options.paths)
            for p in owners {
                var estimate = try estimateOptions(config: config, project: p)
                estimate.skipOtherFiles = options.skipOtherFiles
                projects.append(ProjectSpec(name: p.name, paths: try config!.existingPaths(of: p), options: estimate))
            }
            var estimate = try estimateOptions(config: config, project: nil)
            estimate.skipOtherFiles = options.skipOtherFiles
            if !others.isEmpty || owners.isEmpty { projects.append(ProjectSpec(name: nil, paths: others, options: estimate)) }
            return projects
        }
        guard let config, !config.projects.isEmpty else {
            throw CostGateError("nothing to price: give plan or manifest paths, or list projects in .costgate.yml (`costgate init` writes one)")
        }
        return try config.projects.map {
            ProjectSpec(name: $0.name, paths: try config.existingPaths(of: $0), options: try estimateOptions(config: config, project: $0))
        }
    }

    /// The price books (the newest of each id, then the configuration's pins, then `--pricebook`), the
    /// custom book, usage, cluster profile, region and view of one project.
    func estimateOptions(config: Config?, project: Config.Project?) throws -> EstimateOptions {
        var books = try PriceBookSelection.select(directory: options.pricebookDir, pins: (config?.pricebooks ?? []) + options.pricebooks)
        let usagePath = options.usage ?? (project?.usage ?? config?.usage).flatMap { path in config.map { $0.resolve(path) } }
        let profilePath = options.clusterProfile ?? (project?.clusterProfile ?? config?.clusterProfile).flatMap { path in config.map { $0.resolve(path) } }
        let region = options.region ?? project?.region ?? config?.region
        let usage = try usagePath.map { try UsageFile.load(path: $0) } ?? UsageFile()
        let profile = try profilePath.map { try ClusterProfile.load(path: $0) } ?? .openCostDefault
        let view: PriceView
        if let config { view = try config.view(options.view) } else if options.view == "list" { view = .list } else {
            throw CostGateError("no pricing view \(options.view): views are defined in .costgate.yml")
        }
        if let config, let custom = config.customPricebook.map(config.resolve) {
            let book = try PriceBook.load(path: custom)
            guard books[book.id] == nil else {
                throw CostGateError("custom price book id \(book.id) is also a shipped book's id; give it its own, such as internal",
                                    at: SourceLocation(file: custom))
            }
            try CustomPriceRule.check(config.customPrices, against: book)
            books[book.id] = custom
        }
        var estimate = EstimateOptions(usage: usage, pricebooks: PriceBookSet(paths: books, books: profile.books), view: view,
                                       defaultRegion: region ?? "us-east-1", regionWasGiven: region != nil, profile: profile)
        estimate.customPrices = config?.customPrices ?? []
        estimate.terraformVariables = options.terraformVariables
        return estimate
    }
}

/// Which book file serves each price-book id in a run.
public enum PriceBookSelection {
    /// The shipped books' folder (`--pricebook-dir`, else found beside the executable or the working folder).
    public static func catalog(directory: String?) throws -> PriceBookCatalog {
        try PriceBookCatalog.locate(explicit: directory)
    }

    /// The newest book of each id, then each pin in order (`aws@2026.11.0` or a path) in its place.
    public static func select(directory: String?, pins: [String]) throws -> [String: String] {
        let catalog = try catalog(directory: directory)
        var paths: [String: String] = [:]
        for id in Set(catalog.entries.map(\.id)) { if let e = catalog.latest(id) { paths[id] = e.path } }
        for spec in pins {
            let path = try catalog.resolve(spec)
            paths[try PriceBook.load(path: path).id] = path
        }
        if paths.isEmpty {
            throw CostGateError("no price books found; pass --pricebook-dir DIR or set COSTGATE_PRICEBOOKS")
        }
        return paths
    }
}
