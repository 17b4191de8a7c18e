import FoundationEssentials
import Synchronization

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

/// The books a run uses, one per provider id, loaded only when a price key first needs them.
public final class PriceBookSet: Sendable {
    private let paths: [String: String]
    private let loaded = Mutex<[String: PriceBook]>([:])
    /// Prices already looked up (their amounts parsed once), and keys known to be missing.
    private let prices = Mutex<[String: Price?]>([:])

    /// The price for a key from the book its first segment names, or nil (price not found).
    public func price(_ key: String) throws -> Price? {
        if let hit = prices.withLock({ $0[key] }) { return hit }
        let found = try book(for: key)?.price(key)
        prices.withLock { $0[key] = .some(found) }
        return found
    }

    /// - Parameters:
    ///   - paths: book id (`aws`) → file, loaded when a key first needs it.
    ///   - books: books already in memory (a cluster profile's own prices).
    public init(paths: [String: String], books: [PriceBook] = []) {
        self.paths = paths
        for b in books { loaded.withLock { $0[b.id] = b } }
    }

    public func book(for key: String) throws -> PriceBook? {
        let id = String(key.prefix { $0 != "/" })
        if let b = loaded.withLock({ $0[id] }) { return b }
        guard let path = paths[id] else { return nil }
        let b = try PriceBook.load(path: path)
        loaded.withLock { $0[id] = b }
        return b
    }

    /// The books this run has used so far, by id.
    public var usedBooks: [PriceBookRef] {
        loaded.withLock { $0.values.map(\.ref).sorted { $0.id < $1.id } }
    }

    /// Values usage lines: quantity × unit price. A missing price is `priceNotFound`, never $0.
    public func value(_ lines: [UsageLine], view: PriceView = .list) throws -> [CostComponent] {
        try lines.map { line in
            var c = CostComponent(name: line.component, unit: line.unit, quantity: line.quantity, priceKey: line.priceKey,
                                  usageBased: line.usageBased, unitPrice: nil, monthlyCost: nil, priceSource: nil, priceDate: nil)
            if let price = try price(line.priceKey), price.unit == line.unit {
                let unitPrice = view.apply(to: price)
                c.unitPrice = unitPrice
                c.priceSource = price.source
                c.priceDate = price.date
                if case .value(let q) = line.quantity { c.monthlyCost = FastDecimal.multiply(q, unitPrice) }
            }
            return c
        }
    }
}

/// How unit prices are read from the book: the list price, or a view of it (a negotiated discount,
/// commitment or internal rates, a what-if). A view changes unit prices only, never quantities.
///
/// For a price key, the first `overrides` entry whose glob matches gives the unit price outright; else the
/// first `commitments` entry whose glob matches blends its committed rate over the share it covers; else the
/// first `discounts` entry whose glob matches takes its percent off; else `discountPercent` applies to all.
public struct PriceView: Sendable, Equatable {
    public struct Discount: Sendable, Equatable {
        public var prices: Glob
        public var percent: Decimal
    }

    public struct Override: Sendable, Equatable {
        public var prices: Glob
        public var amount: Decimal
    }

    /// A commitment (savings plan, reservation, committed-use discount): usage it covers is billed at
    /// `percent` off list, the rest at list, so the unit price is list × (1 − coverage × percent).
    public struct Commitment: Sendable, Equatable {
        public var prices: Glob
        public var percent: Decimal
        public var coveragePercent: Decimal = 100
    }

    public var name: String
    public var discountPercent: Decimal = 0
    public var discounts: [Discount] = []
    public var overrides: [Override] = []
    public var commitments: [Commitment] = []

    public init(name: String, discountPercent: Decimal = 0, discounts: [Discount] = [], overrides: [Override] = [],
                commitments: [Commitment] = []) {
        self.name = name
        self.discountPercent = discountPercent
        self.discounts = discounts
        self.overrides = overrides
        self.commitments = commitments
    }

    public static let list = PriceView(name: "list")

    public func apply(to price: Price) -> Decimal {
        if discountPercent == 0 && discounts.isEmpty && overrides.isEmpty && commitments.isEmpty { return price.amount }
        if let o = overrides.first(where: { $0.prices.matches(price.key) }) { return o.amount }
        if let c = commitments.first(where: { $0.prices.matches(price.key) }) {
            return price.amount * (10000 - c.coveragePercent * c.percent) / 10000
        }
        let percent = discounts.first(where: { $0.prices.matches(price.key) })?.percent ?? discountPercent
        return percent == 0 ? price.amount : price.amount * (100 - percent) / 100
    }
}
