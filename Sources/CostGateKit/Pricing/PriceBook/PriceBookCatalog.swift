import FoundationEssentials

/// Finds price books on disk and picks the ones a run uses.
///
/// Books live in `pricebooks/<provider>/<id>-<version>.tsv`. The folder is found, in order: `--pricebook-dir`,
/// `$COSTGATE_PRICEBOOKS`, a `pricebooks/` folder beside or above the executable (a checkout or
/// `PREFIX/share/costgate/pricebooks`), then above the working directory.
public struct PriceBookCatalog: Sendable {
    public struct Entry: Sendable, Equatable {
        public var id: String
        public var version: String
        public var path: String
    }

    public let directory: String?
    public let entries: [Entry]

    public init(directory: String?) {
        self.directory = directory
        guard let directory else { entries = []; return }
        var found: [Entry] = []
        for provider in FileIO.list(directory) where FileIO.isDirectory(directory + "/" + provider) {
            for file in FileIO.list(directory + "/" + provider) where file.hasSuffix(".tsv") {
                let stem = String(file.dropLast(4))
                guard let dash = stem.firstIndex(of: "-") else { continue }
                found.append(Entry(id: String(stem[..<dash]), version: String(stem[stem.index(after: dash)...]),
                                   path: directory + "/" + provider + "/" + file))
            }
        }
        entries = found.sorted {
            $0.id != $1.id ? $0.id < $1.id : Self.versionKey($0.version).lexicographicallyPrecedes(Self.versionKey($1.version))
        }
    }

    public static func locateDirectory(explicit: String?) -> String? {
        if let explicit { return explicit }
        if let env = FileIO.environment("COSTGATE_PRICEBOOKS"), !env.isEmpty { return env }
        return searchedDirectories().first { FileIO.isDirectory($0 + "/aws") }
    }

    /// The books to use, or one line naming every place looked in: `--pricebook-dir`, else
    /// `$COSTGATE_PRICEBOOKS`, else the folders of `searchedDirectories()` (for an unpacked release
    /// archive, `bin/../share/costgate/pricebooks` beside the executable's real path).
    public static func locate(explicit: String?) throws -> PriceBookCatalog {
        let env = FileIO.environment("COSTGATE_PRICEBOOKS").flatMap { $0.isEmpty ? nil : $0 }
        let places: [String]
        if let given = explicit ?? env {
            places = [given]
            guard FileIO.isDirectory(given) else {
                throw CostGateError("price book folder not found (from \(explicit != nil ? "--pricebook-dir" : "$COSTGATE_PRICEBOOKS"))",
                                    at: SourceLocation(file: given))
            }
        } else {
            places = searchedDirectories()
        }
        for dir in places where explicit != nil || env != nil || FileIO.isDirectory(dir + "/aws") {
            let catalog = PriceBookCatalog(directory: dir)
            if !catalog.entries.isEmpty { return catalog }
        }
        throw CostGateError("no price books found; looked in \(places.joined(separator: ", ")); pass --pricebook-dir DIR or set COSTGATE_PRICEBOOKS")
    }

    /// Where books are looked for when no folder is given, in order: `pricebooks/` and
    /// `share/costgate/pricebooks/` in the executable's folder (its real path, `/proc/self/exe`) and five
    /// folders above it, then `pricebooks/` in the working folder (`$PWD`) and five above it.
    static func searchedDirectories() -> [String] {
        var candidates: [String] = []
        func inside(_ dir: String, _ name: String) -> String { (dir == "/" ? "" : dir) + "/" + name }
        if let exe = FileIO.executablePath() {
            var dir = parent(exe)
            for _ in 0..<6 {
                candidates.append(inside(dir, "pricebooks"))
                candidates.append(inside(dir, "share/costgate/pricebooks"))
                dir = parent(dir)
            }
        }
        if let cwd = FileIO.environment("PWD") {
            var dir = cwd
            for _ in 0..<6 { candidates.append(inside(dir, "pricebooks")); dir = parent(dir) }
        }
        var seen = Set<String>()
        return candidates.filter { seen.insert($0).inserted }
    }

    static func parent(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let p = String(path[..<slash])
        return p.isEmpty ? "/" : p
    }

    /// `2026.11.0` sorts before `2026.12.0` and `2026.11.10`.
    static func versionKey(_ version: String) -> [Int] {
        version.split(whereSeparator: { $0 == "." || $0 == "-" }).map { Int($0) ?? 0 }
    }

    /// The newest version of a book id.
    public func latest(_ id: String) -> Entry? { entries.last { $0.id == id } }

    /// `aws`, `aws@2026.11.0`, or a path to a `.tsv` file.
    public func resolve(_ spec: String) throws -> String {
        if spec.hasSuffix(".tsv") || spec.contains("/") {
            guard FileIO.exists(spec) else { throw CostGateError("price book file not found", at: SourceLocation(file: spec)) }
            return spec
        }
        let parts = spec.split(separator: "@", maxSplits: 1).map(String.init)
        let matching = entries.filter { $0.id == parts[0] && (parts.count == 1 || $0.version == parts[1]) }
        guard let entry = matching.last else {
            let known = entries.map { "\($0.id)@\($0.version)" }.joined(separator: ", ")
            throw CostGateError("no price book \(spec) in \(directory ?? "(no pricebooks folder found)"); known books: \(known.isEmpty ? "none" : known)")
        }
        return entry.path
    }
}
