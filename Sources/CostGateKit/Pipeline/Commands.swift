import FoundationEssentials

/// The small commands' work, as text to print: the executable only parses their flags.
public enum Commands {
    /// `pricebook list`: every book the folder holds, the default of each id marked.
    public static func listBooks(directory: String?) throws -> String {
        let catalog = try PriceBookCatalog.locate(explicit: directory)
        var text = ""
        for e in catalog.entries {
            let latest = catalog.latest(e.id) == e ? "  (default)" : ""
            text += "\(e.id)@\(e.version)  \(e.path)\(latest)\n"
        }
        return text
    }

    /// `pricebook validate FILE…`: one line a valid book; the first invalid one is the error.
    public static func validateBooks(_ files: [String]) throws -> String {
        var text = ""
        for f in files {
            let b = try PriceBook.load(path: f)
            text += "\(f): ok: \(b.id)@\(b.version), \(b.count) prices, \(b.sources.count) sources\n"
        }
        return text
    }

    /// `pricebook diff OLD NEW`.
    public static func diffBooks(old: String, new: String, directory: String?) throws -> String {
        let catalog = try PriceBookCatalog.locate(explicit: directory)
        let a = try PriceBook.load(path: try catalog.resolve(old)), b = try PriceBook.load(path: try catalog.resolve(new))
        return try PriceBookDiff(old: a, new: b).text
    }

    /// `pricebook show KEY`: the prices under a key prefix, with their sources, from the run's books.
    public static func showPrices(_ key: String, options: PipelineOptions) throws -> String {
        let books = try PriceBookSelection.select(directory: options.pricebookDir, pins: options.pricebooks)
        let id = String(key.prefix { $0 != "/" })
        guard let path = books[id] else { throw CostGateError("no price book for '\(id)'") }
        let book = try PriceBook.load(path: path)
        var text = ""
        for k in book.keys where k.hasPrefix(key) {
            let p = book.price(k)!
            text += "\(k)\t\(Money.plain(p.amount)) per \(p.unit)\t\(p.source.citation)\(p.note.map { "\t" + $0 } ?? "")\n"
        }
        guard !text.isEmpty else { throw CostGateError("no price under '\(key)' in \(book.id)@\(book.version)") }
        return text
    }

    /// `init`: the starter configuration, refused over an existing file unless forced.
    public static func initConfiguration(path: String, force: Bool) throws -> (file: String, text: String, message: String) {
        if FileIO.exists(path) && !force {
            throw CostGateError("already exists; pass --force to overwrite it", at: SourceLocation(file: path))
        }
        let found = Config.discoverProjects(in: FileIO.parent(path))
        return (path, Config.starter(projects: found.projects, notes: found.notes), "wrote \(path): edit the projects and policies, then run `costgate check --base-ref origin/main`\n")
    }
}

extension Commands {
    /// `usage template PATHS`: every usage key of the priced resources found, as a commented usage file; the
    /// values of `--usage` (or the configuration's usage file) are written as they are.
    public static func usageTemplate(options: PipelineOptions) throws -> String {
        let pipeline = Pipeline(options)
        let projects = try pipeline.projectSpecs(try pipeline.loadConfig())
        var resources: [(address: String, type: String)] = []
        var usage = UsageFile()
        var inputs: [String] = []
        for p in projects {
            let e = try Run(paths: p.paths, options: p.options).estimate()
            resources += e.resources.map { ($0.address, $0.type) }
            if usage.path == nil { usage = p.options.usage }
            inputs += p.paths
        }
        return UsageTemplate.render(resources: resources, usage: usage, inputs: inputs.isEmpty ? ["the configuration's projects"] : inputs)
    }
}
