import FoundationEssentials
import ArgumentParser
import CostGateKit
#if canImport(Glibc)
import Glibc
#endif

@main
struct Main {
    static func main() {
        do {
            var command = try Costgate.parseAsRoot()
            try command.run()
        } catch let error as CostGateError {
            fail(error.description)
        } catch let code as ExitCode {
            exit(code.rawValue)
        } catch {
            let code = Costgate.exitCode(for: error)
            if code == .success {
                print(Costgate.fullMessage(for: error))
                exit(0)
            }
            let message = Costgate.message(for: error).split(separator: "\n").first.map(String.init) ?? "invalid arguments"
            fail("\(message) (see `costgate --help`)")
        }
    }

    static func fail(_ message: String) -> Never {
        FileIO.write("costgate: error: \(Limits.escapingControls(message))\n", fd: 2)
        exit(2)
    }
}

struct Costgate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "costgate",
        abstract: "Puts cloud cost into code review: prices Terraform plans and Kubernetes manifests offline against versioned price books.",
        discussion: """
        Exit codes: 0 success (check: no error-level finding); 1 check found at least one error-level finding \
        (a budget, tagging rule or guardrail broken; warnings never fail); 2 bad input, usage or configuration \
        (one line: costgate: error: FILE:LINE:COL: …).
        """,
        version: "0.1.0",
        subcommands: [EstimateCommand.self, DiffCommand.self, CheckCommand.self, InitCommand.self, PriceBookCommand.self],
        defaultSubcommand: nil
    )
}

/// Options shared by the commands that price things.
struct PricingOptions: ParsableArguments {
    @Option(name: .customLong("pricebook"), help: "A price book by id (aws), id@version (aws@2026.11.0) or path; repeatable.")
    var pricebooks: [String] = []

    @Option(name: .customLong("pricebook-dir"), help: "The folder holding the price books (default: the pricebooks/ shipped with costgate).")
    var pricebookDir: String?

    @Option(help: "Usage file (YAML) with monthly requests, GB processed and other usage-based values.")
    var usage: String?

    @Option(help: "Region for resources whose region is not in the plan (default us-east-1).")
    var region: String?

    @Option(name: .customLong("cluster-profile"), help: "Cluster profile (YAML) for Kubernetes: a node to share, or unit prices (default: OpenCost's defaults).")
    var clusterProfile: String?

    @Option(help: "The pricing view: list (the default) or a view of .costgate.yml (discounts, negotiated rates). Quantities never change.")
    var view: String = "list"

    func catalog() throws -> PriceBookCatalog {
        let dir = PriceBookCatalog.locateDirectory(explicit: pricebookDir)
        if let d = dir, !FileIO.isDirectory(d) {
            throw CostGateError("price book folder not found", at: SourceLocation(file: d))
        }
        return PriceBookCatalog(directory: dir)
    }

    /// The selected book files, by id: the newest of each, then the configuration's pins, then --pricebook.
    func selectedBooks(_ catalog: PriceBookCatalog, pins: [String] = []) throws -> [String: String] {
        var paths: [String: String] = [:]
        for id in Set(catalog.entries.map(\.id)) { if let e = catalog.latest(id) { paths[id] = e.path } }
        for spec in pins + pricebooks {
            let path = try catalog.resolve(spec)
            let book = try PriceBook.load(path: path)
            paths[book.id] = path
        }
        if paths.isEmpty {
            throw CostGateError("no price books found; pass --pricebook-dir DIR or set COSTGATE_PRICEBOOKS")
        }
        return paths
    }

    /// Options for one project: the command line wins over the project, the project over the file's defaults.
    func estimateOptions(config: Config?, project: Config.Project? = nil) throws -> (EstimateOptions, [String: String]) {
        let books = try selectedBooks(try catalog(), pins: config?.pricebooks ?? [])
        let usagePath = usage ?? (project?.usage ?? config?.usage).map { config!.resolve($0) }
        let profilePath = clusterProfile ?? (project?.clusterProfile ?? config?.clusterProfile).map { config!.resolve($0) }
        let region = self.region ?? project?.region ?? config?.region
        let usageFile = try usagePath.map { try UsageFile.load(path: $0) } ?? UsageFile()
        let profile = try profilePath.map { try ClusterProfile.load(path: $0) } ?? .openCostDefault
        let priceView = try config?.view(view) ?? (view == "list" ? .list : { throw CostGateError("no pricing view \(view): views are defined in .costgate.yml") }())
        var bookPaths = books
        if let custom = config?.customPricebook.map({ config!.resolve($0) }) {
            let book = try PriceBook.load(path: custom)
            guard bookPaths[book.id] == nil else {
                throw CostGateError("custom price book id \(book.id) is also a shipped book's id; give it its own, such as internal",
                                    at: SourceLocation(file: custom, line: nil, column: nil))
            }
            try CustomPriceRule.check(config?.customPrices ?? [], against: book)
            bookPaths[book.id] = custom
        }
        var options = EstimateOptions(usage: usageFile, pricebooks: PriceBookSet(paths: bookPaths, books: profile.books), view: priceView,
                                      defaultRegion: region ?? "us-east-1", regionWasGiven: region != nil, profile: profile)
        options.customPrices = config?.customPrices ?? []
        return (options, books)
    }
}

/// What to read and where the report goes: shared by the commands that price inputs.
struct ReportOptions: ParsableArguments {
    @Argument(help: "Plan files, manifests (.yaml, .yml, .json) or folders; - for standard input. Default: the projects of .costgate.yml.")
    var paths: [String] = []

    @Option(help: "Output format: \(Reporters.formats.joined(separator: ", ")); repeatable, paired in order with --out.")
    var format: [String] = []

    @Option(help: "Write the report to this file (atomically) instead of standard output; repeatable, one per --format.")
    var out: [String] = []

    @Option(help: "The configuration file (default: .costgate.yml here or in a parent folder, up to the repository root).")
    var config: String?

    @Flag(name: .customLong("skip-other-files"), help: "Pass over .json files that are not Terraform plans (for hooks given every staged file).")
    var skipOtherFiles = false

    func validate() throws {
        for f in format where Reporters.reporter(for: f) == nil {
            throw ValidationError("unknown format '\(f)'; use one of \(Reporters.formats.joined(separator: ", "))")
        }
        let formats = max(format.count, 1)
        guard out.count <= formats else { throw ValidationError("more --out than --format: give a --format for each --out") }
        guard formats - out.count <= 1 else {
            throw ValidationError("\(formats) formats but \(out.count) --out: every format but one needs its --out file")
        }
        guard Set(out).count == out.count else { throw ValidationError("two formats cannot write the same --out file") }
    }

    /// (format, file or nil for standard output) pairs, in order.
    var outputs: [(format: String, file: String?)] {
        let formats = format.isEmpty ? ["table"] : format
        return formats.enumerated().map { ($0.element, $0.offset < out.count ? out[$0.offset] : nil) }
    }

    func loadConfig() throws -> Config? {
        if let config {
            guard FileIO.exists(config) else { throw CostGateError("configuration file not found", at: SourceLocation(file: config)) }
            return try Config.load(path: config)
        }
        return try Config.find(from: ".").map { try Config.load(path: $0) }
    }
}

/// Where the base of a comparison comes from.
struct BaseOptions: ParsableArguments {
    @Option(name: .customLong("base-ref"), help: "Compare with the same paths at this git ref (e.g. origin/main), read from git without a checkout.")
    var baseRef: String?

    @Option(help: "Compare with an earlier costgate JSON report (estimate --format json) or another plan or manifest.")
    var base: String?

    @Flag(name: .customLong("check-all"), help: "Tagging rules and guardrails check every resource, not only what the change creates or updates.")
    var checkAll = false

    func validate() throws {
        if baseRef != nil && base != nil { throw ValidationError("give --base-ref or --base, not both") }
    }

    var source: BaseSource {
        if let baseRef { return .gitRef(baseRef) }
        if let base { return .file(base) }
        return .priorState
    }
}

/// Runs the projects against a base, judges them with the configuration's policies, writes the reports
/// and exits: 1 when `judge` is set and an error-level finding fails the run, else 0.
func review(_ report: ReportOptions, _ pricing: PricingOptions, base: BaseSource, checkAll: Bool = false, judge: Bool = false) throws -> Never {
    let config = try report.loadConfig()
    let projects = try projectSpecs(report, pricing, config)
    var review = Review(projects: projects, base: base)
    let outcomes = try review.run()
    var policies = config?.policies ?? []
    if checkAll { for i in policies.indices { policies[i].checkAll = true } }
    let findings = PolicyEngine(policies: policies, exemptions: config?.exemptions ?? []).evaluate(outcomes.map(\.subject))
    let estimate = Estimate.merged(outcomes.map(\.head))
    var refs = estimate.pricebooks
    if refs.isEmpty, let aws = try pricing.selectedBooks(try pricing.catalog(), pins: config?.pricebooks ?? [])["aws"] {
        refs = [try PriceBook.load(path: aws).ref]
    }
    let diffs = outcomes.compactMap(\.diff)
    var rendered = Report(estimate: estimate, pricebooks: refs, view: projects[0].options.view,
                          diff: diffs.isEmpty ? nil : CostDiff.merged(diffs), baseDescription: review.baseDescription,
                          projects: outcomes, findings: findings, policies: policies)
    if let key = config?.sharedCostsBy {
        rendered.teams = TeamBreakdown(estimate: estimate, key: key, costs: config?.sharedCosts ?? [])
    }
    let renderStarted = ContinuousClock().now
    // every report is rendered before any file is put in place: an error leaves nothing half-written
    var sinks: [OutputSink] = []
    do {
        for (format, file) in report.outputs {
            let sink = try file.map { try OutputSink.file($0) } ?? .standardOutput()
            sinks.append(sink)
            try Reporters.reporter(for: format)!.write(rendered, to: sink)
        }
        if report.outputs.contains(where: { $0.format == GitHubReporter.format }),
           let summary = FileIO.environment("GITHUB_STEP_SUMMARY"), !summary.isEmpty {
            try FileIO.append(try MarkdownReporter().render(rendered), to: summary)
        }
        for sink in sinks { try sink.finish() }
    } catch {
        for sink in sinks { sink.abandon() }
        throw error
    }
    Timings.report("render", since: renderStarted)
    let fails = judge && findings.contains { $0.fails }
    // Done: leave from here, without freeing a hundred thousand resources one by one (a large plan
    // spends a quarter of its time there otherwise); the operating system takes the memory back at once.
    withExtendedLifetime((rendered, outcomes, review)) { Glibc.exit(fails ? 1 : 0) }
}

/// The projects to price: the paths on the command line, else the projects of the configuration.
func projectSpecs(_ report: ReportOptions, _ pricing: PricingOptions, _ config: Config?) throws -> [ProjectSpec] {
    var projects: [ProjectSpec] = []
    if !report.paths.isEmpty {
        var options = try pricing.estimateOptions(config: config).0
        options.skipOtherFiles = report.skipOtherFiles
        projects = [ProjectSpec(name: nil, paths: report.paths, options: options)]
    } else if let config, !config.projects.isEmpty {
        for p in config.projects {
            projects.append(ProjectSpec(name: p.name, paths: p.paths.map(config.resolve), options: try pricing.estimateOptions(config: config, project: p).0))
        }
    } else {
        throw CostGateError("nothing to price: give plan or manifest paths, or list projects in .costgate.yml (`costgate init` writes one)")
    }
    return projects
}

/// Every project's head estimate, merged (no base, no policies).
func estimateAll(_ report: ReportOptions, _ pricing: PricingOptions) throws -> CostGateKit.Estimate {
    var review = Review(projects: try projectSpecs(report, pricing, try report.loadConfig()), base: .none)
    return .merged(try review.run().map(\.head))
}

struct EstimateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "estimate",
        abstract: "Price Terraform plans (terraform show -json) and Kubernetes manifests, and print the monthly cost.",
        discussion: "Each number is explained as quantity × unit price with the price's key, source and date. Policies of .costgate.yml are reported as findings; estimate always exits 0 on valid input."
    )

    @OptionGroup var report: ReportOptions
    @OptionGroup var pricing: PricingOptions

    @Option(name: .customLong("compare-views"), help: "Show the estimate under several pricing views side by side, e.g. list,negotiated (table or json).")
    var compareViews: String?

    func run() throws {
        if let compareViews {
            let names = compareViews.split(separator: ",").map { $0.split(separator: " ").joined() }.filter { !$0.isEmpty }
            guard names.count >= 2 else { throw CostGateError("--compare-views needs at least two views, e.g. list,negotiated") }
            guard report.outputs.count == 1, ["table", "json"].contains(report.outputs[0].format) else {
                throw CostGateError("--compare-views writes one table or json report")
            }
            var estimates: [CostGateKit.Estimate] = []
            for name in names {
                var p = pricing
                p.view = name
                estimates.append(try estimateAll(report, p))
            }
            let text = report.outputs[0].format == "json" ? ViewComparison.json(names, estimates) : ViewComparison.table(names, estimates)
            try Output.write(text, to: report.outputs[0].file)
            Glibc.exit(0)
        }
        try review(report, pricing, base: .none)
    }
}

struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare the monthly cost with a base: a git ref, an earlier report or plan, or a plan's own prior state.",
        discussion: "Per resource (added, removed, changed) with the component lines that moved, per project, and the total change. Findings are listed but never change the exit code (0); use `costgate check` to judge."
    )

    @OptionGroup var report: ReportOptions
    @OptionGroup var base: BaseOptions
    @OptionGroup var pricing: PricingOptions

    func run() throws {
        try review(report, pricing, base: base.source, checkAll: base.checkAll)
    }
}

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Compare with a base and judge the change with the policies of .costgate.yml: budgets, tagging rules, guardrails.",
        discussion: """
        Exit codes: 0 when every error-level policy passes (warnings never fail); 1 when at least one error-level \
        finding remains after exemptions; 2 for usage, configuration or input errors.
        """
    )

    @OptionGroup var report: ReportOptions
    @OptionGroup var base: BaseOptions
    @OptionGroup var pricing: PricingOptions

    func run() throws {
        try review(report, pricing, base: base.source, checkAll: base.checkAll, judge: true)
    }
}

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: "Write a commented starter .costgate.yml.")

    @Option(help: "Where to write it.") var path: String = Config.fileName
    @Flag(help: "Overwrite an existing file.") var force = false

    func run() throws {
        if FileIO.exists(path) && !force {
            throw CostGateError("already exists; pass --force to overwrite it", at: SourceLocation(file: path))
        }
        try FileIO.writeAtomically(Config.starter, to: path)
        FileIO.write("wrote \(path): edit the projects and policies, then run `costgate check --base-ref origin/main`\n", fd: 1)
    }
}

struct PriceBookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pricebook",
        abstract: "List, show and validate price books.",
        subcommands: [List.self, Validate.self, Show.self, DiffBooks.self]
    )

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the price books costgate can use.")
        @Option(name: .customLong("pricebook-dir")) var pricebookDir: String?

        func run() throws {
            let catalog = PriceBookCatalog(directory: PriceBookCatalog.locateDirectory(explicit: pricebookDir))
            var text = ""
            for e in catalog.entries {
                let latest = catalog.latest(e.id) == e ? "  (default)" : ""
                text += "\(e.id)@\(e.version)  \(e.path)\(latest)\n"
            }
            try Output.write(text, to: nil)
        }
    }

    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Check price book files: duplicates, numbers, sources, fields.")
        @Argument(help: "Price book files.") var files: [String]

        func run() throws {
            var text = ""
            for f in files {
                let b = try PriceBook.load(path: f)
                text += "\(f): ok: \(b.id)@\(b.version), \(b.count) prices, \(b.sources.count) sources\n"
            }
            try Output.write(text, to: nil)
        }
    }

    struct DiffBooks: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "diff", abstract: "List the prices that changed between two versions of a price book.")
        @Argument(help: "The older book: id@version or a path.") var old: String
        @Argument(help: "The newer book: id@version or a path.") var new: String
        @Option(name: .customLong("pricebook-dir")) var pricebookDir: String?

        func run() throws {
            let catalog = PriceBookCatalog(directory: PriceBookCatalog.locateDirectory(explicit: pricebookDir))
            let a = try PriceBook.load(path: try catalog.resolve(old)), b = try PriceBook.load(path: try catalog.resolve(new))
            try Output.write(try PriceBookDiff(old: a, new: b).text, to: nil)
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one price, or the prices under a key prefix, with their sources.")
        @Argument(help: "A price key or key prefix, e.g. aws/ec2/us-east-1/instance/t3.") var key: String
        @OptionGroup var pricing: PricingOptions

        func run() throws {
            let books = try pricing.selectedBooks(try pricing.catalog())
            let id = String(key.prefix { $0 != "/" })
            guard let path = books[id] else { throw CostGateError("no price book for '\(id)'") }
            let book = try PriceBook.load(path: path)
            var text = ""
            for k in book.keys where k.hasPrefix(key) {
                let p = book.price(k)!
                text += "\(k)\t\(Money.plain(p.amount)) per \(p.unit)\t\(p.source.citation)\(p.note.map { "\t" + $0 } ?? "")\n"
            }
            guard !text.isEmpty else { throw CostGateError("no price under '\(key)' in \(book.id)@\(book.version)") }
            try Output.write(text, to: nil)
        }
    }
}

enum Output {
    static func write(_ text: String, to path: String?) throws {
        if let path {
            try FileIO.writeAtomically(text, to: path)
        } else {
            FileIO.write(text, fd: 1)
        }
    }
}
