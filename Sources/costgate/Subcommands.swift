import ArgumentParser
import CostGateKit

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
    @Flag(name: .customLong("policies-from-base"),
          help: "Judge with the policies and exemptions of .costgate.yml at --base-ref; what this change loosens or exempts is itself a finding.")
    var policiesFromBase = false

    func run() throws {
        var o = PipelineOptions()
        report.apply(to: &o)
        base.apply(to: &o)
        pricing.apply(to: &o)
        o.judge = true
        o.policiesFromBase = policiesFromBase
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
                                                    subcommands: [Keys.self, Template.self])

    struct Keys: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the usage keys of every priced type, or of one: name, unit, meaning.")
        @Argument(help: "A resource type, e.g. aws_lambda_function.") var type: String?
        @Flag(help: "Print the README's table of every type's keys instead.") var markdown = false
        func run() throws { Platform.print(markdown ? UsageKeyListing.markdownTable() : try UsageKeyListing.text(type: type)) }
    }

    struct Template: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a usage file listing every usage key of the resources found, commented (values from --usage kept).",
            discussion: "Like Infracost's --sync-usage-file: give the result back with --usage after filling in values; left as it is, it changes no estimate.")
        @Argument(help: "Plan files, manifests, Terraform source folders; - for standard input. Default: the projects of .costgate.yml.")
        var paths: [String] = []
        @OptionGroup var pricing: PricingOptions
        @Option(help: "Write the usage file here (atomically) instead of standard output.") var out: String?
        @Option(help: "The configuration file (default: .costgate.yml here or in a parent folder).") var config: String?
        @Option(name: .customLong("var-file"), help: "Terraform source: a .tfvars file; repeatable.") var varFiles: [String] = []
        @Option(name: .customLong("var"), help: "Terraform source: NAME=VALUE for a variable; repeatable.") var vars: [String] = []

        func run() throws {
            var o = PipelineOptions()
            pricing.apply(to: &o)
            (o.paths, o.configPath) = (paths, config)
            o.terraformVariables = varFiles.map { .file($0) } + vars.map { v in
                let name = v.prefix { $0 != "=" }
                return .variable(String(name), String(v.dropFirst(name.count + 1)))
            }
            let text = try Commands.usageTemplate(options: o)
            if let out { try Platform.write(text, to: out) } else { Platform.print(text) }
        }
    }
}

struct TypesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "types", abstract: "List the resource types costgate prices, by cloud.")
    @Flag(help: "Print the README's list instead.") var markdown = false
    func run() throws { Platform.print(UsageKeyListing.pricedTypes(markdown: markdown)) }
}
