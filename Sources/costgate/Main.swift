import ArgumentParser
import CostGateKit

/// The executable: flags in, `CostGateKit` does the work, `Platform` writes and exits.
@main
struct Main {
    static func main() {
        do {
            var command = try Costgate.parseAsRoot()
            try command.run()
        } catch let error as CostGateError {
            Platform.fail(error.description)
        } catch let code as ExitCode {
            Platform.exit(code.rawValue)
        } catch {
            if Costgate.exitCode(for: error) == .success { Platform.print(Costgate.fullMessage(for: error) + "\n"); Platform.exit(0) }
            let message = Costgate.message(for: error).split(separator: "\n").first.map(String.init) ?? "invalid arguments"
            Platform.fail("\(message) (see `costgate --help`)")
        }
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
        subcommands: [EstimateCommand.self, DiffCommand.self, CheckCommand.self, InitCommand.self, PriceBookCommand.self, UsageCommand.self]
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

    func apply(to o: inout PipelineOptions) {
        (o.pricebooks, o.pricebookDir, o.usage, o.region, o.clusterProfile, o.view) = (pricebooks, pricebookDir, usage, region, clusterProfile, view)
    }
}

/// What to read and where the report goes.
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

    func apply(to o: inout PipelineOptions) {
        let formats = format.isEmpty ? ["table"] : format
        o.outputs = formats.enumerated().map { .init(format: $0.element, file: $0.offset < out.count ? out[$0.offset] : nil) }
        (o.paths, o.configPath, o.skipOtherFiles) = (paths, config, skipOtherFiles)
        o.stepSummaryPath = Platform.environment("GITHUB_STEP_SUMMARY")
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

    func apply(to o: inout PipelineOptions) {
        o.base = baseRef.map { .gitRef($0) } ?? base.map { .file($0) } ?? .priorState
        o.checkAll = checkAll
    }
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
        var o = PipelineOptions()
        report.apply(to: &o)
        pricing.apply(to: &o)
        o.compareViews = compareViews.map { $0.split(separator: ",").map { $0.split(separator: " ").joined() }.filter { !$0.isEmpty } }
        try Platform.emit(try Pipeline(o).run())
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
        var o = PipelineOptions()
        report.apply(to: &o)
        base.apply(to: &o)
        pricing.apply(to: &o)
        try Platform.emit(try Pipeline(o).run())
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
        var o = PipelineOptions()
        report.apply(to: &o)
        base.apply(to: &o)
        pricing.apply(to: &o)
        o.judge = true
        try Platform.emit(try Pipeline(o).run())
    }
}

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "init", abstract: "Write a commented starter .costgate.yml.")
    @Option(help: "Where to write it.") var path: String = Config.fileName
    @Flag(help: "Overwrite an existing file.") var force = false

    func run() throws {
        let made = try Commands.initConfiguration(path: path, force: force)
        try Platform.write(made.text, to: made.file)
        Platform.print(made.message)
    }
}

struct PriceBookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "pricebook", abstract: "List, show and validate price books.",
                                                    subcommands: [List.self, Validate.self, Show.self, DiffBooks.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the price books costgate can use.")
        @Option(name: .customLong("pricebook-dir")) var pricebookDir: String?
        func run() throws { Platform.print(try Commands.listBooks(directory: pricebookDir)) }
    }

    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Check price book files: duplicates, numbers, sources, fields.")
        @Argument(help: "Price book files.") var files: [String]
        func run() throws { Platform.print(try Commands.validateBooks(files)) }
    }

    struct DiffBooks: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "diff", abstract: "List the prices that changed between two versions of a price book.")
        @Argument(help: "The older book: id@version or a path.") var old: String
        @Argument(help: "The newer book: id@version or a path.") var new: String
        @Option(name: .customLong("pricebook-dir")) var pricebookDir: String?
        func run() throws { Platform.print(try Commands.diffBooks(old: old, new: new, directory: pricebookDir)) }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one price, or the prices under a key prefix, with their sources.")
        @Argument(help: "A price key or key prefix, e.g. aws/ec2/us-east-1/instance/t3.") var key: String
        @OptionGroup var pricing: PricingOptions
        func run() throws {
            var o = PipelineOptions()
            pricing.apply(to: &o)
            Platform.print(try Commands.showPrices(key, options: o))
        }
    }
}

struct UsageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "usage", abstract: "The usage keys pricers read from a usage file.",
                                                    subcommands: [Keys.self])

    struct Keys: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the usage keys of every priced type, or of one: name, unit, meaning.")
        @Argument(help: "A resource type, e.g. aws_lambda_function.") var type: String?
        @Flag(help: "Print the README's table of every type's keys instead.") var markdown = false
        func run() throws { Platform.print(markdown ? UsageKeyListing.markdownTable() : try UsageKeyListing.text(type: type)) }
    }
}
