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
        FileIO.write("costgate: error: \(message)\n", fd: 2)
        exit(2)
    }
}

struct Costgate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "costgate",
        abstract: "Puts cloud cost into code review: prices Terraform plans offline against versioned price books.",
        discussion: """
        Exit codes: 0 success; 2 bad input, usage or configuration (one line: costgate: error: FILE:LINE:COL: …).
        """,
        version: "0.1.0",
        subcommands: [Estimate.self, Diff.self, PriceBookCommand.self],
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

    func catalog() throws -> PriceBookCatalog {
        let dir = PriceBookCatalog.locateDirectory(explicit: pricebookDir)
        if let d = dir, !FileIO.isDirectory(d) {
            throw CostGateError("price book folder not found", at: SourceLocation(file: d))
        }
        return PriceBookCatalog(directory: dir)
    }

    /// The selected book files, by id.
    func selectedBooks(_ catalog: PriceBookCatalog) throws -> [String: String] {
        var paths: [String: String] = [:]
        for id in Set(catalog.entries.map(\.id)) { if let e = catalog.latest(id) { paths[id] = e.path } }
        for spec in pricebooks {
            let path = try catalog.resolve(spec)
            let book = try PriceBook.load(path: path)
            paths[book.id] = path
        }
        if paths.isEmpty {
            throw CostGateError("no price books found; pass --pricebook-dir DIR or set COSTGATE_PRICEBOOKS")
        }
        return paths
    }

    func estimateOptions() throws -> (EstimateOptions, [String: String]) {
        let books = try selectedBooks(try catalog())
        let usageFile = try usage.map { try UsageFile.load(path: $0) } ?? UsageFile()
        let profile = try clusterProfile.map { try ClusterProfile.load(path: $0) } ?? .openCostDefault
        return (EstimateOptions(usage: usageFile, pricebooks: PriceBookSet(paths: books, books: profile.books),
                                defaultRegion: region ?? "us-east-1", regionWasGiven: region != nil, profile: profile), books)
    }
}

/// What to read and where the report goes: shared by the commands that price inputs.
struct ReportOptions: ParsableArguments {
    @Argument(help: "Plan files, manifests (.yaml, .yml, .json) or folders; - for standard input.")
    var paths: [String]

    @Option(help: "Output format: \(Reporters.formats.joined(separator: ", ")).")
    var format: String = "table"

    @Option(help: "Write the report to this file (atomically) instead of standard output.")
    var out: String?
}

struct Estimate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Price Terraform plans (terraform show -json) and Kubernetes manifests, and print the monthly cost.",
        discussion: "Each number is explained as quantity × unit price with the price's key, source and date."
    )

    @OptionGroup var report: ReportOptions
    var paths: [String] { report.paths }
    var format: String { report.format }
    var out: String? { report.out }

    @OptionGroup var pricing: PricingOptions

    func validate() throws {
        guard Reporters.reporter(for: format) != nil else {
            throw ValidationError("unknown format '\(format)'; use one of \(Reporters.formats.joined(separator: ", "))")
        }
    }

    func run() throws {
        let (options, books) = try pricing.estimateOptions()
        let estimate = try Run(paths: paths, options: options).estimate()
        var refs = options.pricebooks.usedBooks
        if refs.isEmpty, let aws = books["aws"] { refs = [try PriceBook.load(path: aws).ref] }
        let rendered = Report(estimate: estimate, pricebooks: refs, view: options.view)
        let renderStarted = ContinuousClock().now
        let sink = try out.map { try OutputSink.file($0) } ?? .standardOutput()
        do {
            try Reporters.reporter(for: format)!.write(rendered, to: sink)
            try sink.finish()
        } catch {
            sink.abandon()
            throw error
        }
        // Done: leave without freeing a hundred thousand resources one by one (a large plan spends a
        // quarter of its time there otherwise); the operating system takes the memory back at once.
        Timings.report("render", since: renderStarted)
        withExtendedLifetime(rendered) { Glibc.exit(0) }
    }
}

struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare the cost of what a plan will deploy with what is deployed now (its prior state).",
        discussion: "Per resource (added, removed, changed) with the component lines that moved, and the total change."
    )

    @OptionGroup var report: ReportOptions
    @OptionGroup var pricing: PricingOptions

    func validate() throws {
        guard ["table", "json"].contains(report.format) else {
            throw ValidationError("unknown format '\(report.format)'; diff writes table or json")
        }
    }

    func run() throws {
        let (options, _) = try pricing.estimateOptions()
        let format = report.format, out = report.out
        let diff = try Run(paths: report.paths, options: options).diffAgainstPriorState()
        let books = options.pricebooks.usedBooks
        let text = format == "json" ? DiffReporter.json(diff, pricebooks: books) : DiffReporter.table(diff, pricebooks: books)
        try Output.write(text, to: out)
    }
}

struct PriceBookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pricebook",
        abstract: "List, show and validate price books.",
        subcommands: [List.self, Validate.self, Show.self]
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
