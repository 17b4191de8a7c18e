import FoundationEssentials
import Synchronization

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

    /// The books of these ids (every book when nil) this set would load, from each file's header: a run
    /// that priced nothing still names the books its resources would have been priced from.
    public func selectedBooks(ids: Set<String>? = nil) -> [PriceBookRef] {
        var refs: [PriceBookRef] = []
        for (id, path) in paths where ids?.contains(id) ?? true {
            if let ref = loaded.withLock({ $0[id]?.ref }) ?? PriceBookRef.read(path: path) { refs.append(ref) }
        }
        return refs.sorted { $0.id < $1.id }
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
                var unitPrice = view.apply(to: price)
                if line.runsFullMonth, view.bookRules, !view.touches(price.key),
                   let rule = try book(for: line.priceKey)?.rules.first(where: { $0.matches(price.key) }) {
                    unitPrice = price.amount * (100 - rule.percent) / 100
                    c.rule = "\(rule.name) −\(Money.plain(rule.percent))% (full month; \(rule.source.citation))"
                    c.name += " [\(rule.name) −\(Money.plain(rule.percent))%]"
                }
                c.unitPrice = unitPrice
                c.priceSource = price.source
                c.priceDate = price.date
                if case .value(let q) = line.quantity { c.monthlyCost = FastDecimal.multiply(q, unitPrice) }
            }
            return c
        }
    }
}
