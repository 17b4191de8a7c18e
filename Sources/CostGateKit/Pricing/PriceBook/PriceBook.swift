import FoundationEssentials
/// Where a price came from.
public final class PriceSource: Sendable, Equatable {
    public let id: String
    public let repository: String
    public let path: String
    public let commit: String
    public let date: String

    public init(id: String, repository: String, path: String, commit: String, date: String) {
        self.id = id
        self.repository = repository
        self.path = path
        self.commit = commit
        self.date = date
    }

    public static func == (a: PriceSource, b: PriceSource) -> Bool {
        a.id == b.id && a.repository == b.repository && a.path == b.path && a.commit == b.commit && a.date == b.date
    }

    public var citation: String { "\(repository)/\(path)@\(commit.prefix(12)) (\(date))" }
}

public struct Price: Sendable, Equatable {
    public var key: String
    public var unit: String
    public var amount: Decimal
    public var source: PriceSource
    public var date: String
    public var note: String?
}

/// A rule of a book: a documented discount the cloud gives automatically (Google's sustained-use discount), on the
/// prices its globs match and its exceptions do not, for lines that run the whole month. A view may switch it off.
public struct BookRule: Sendable, Equatable {
    public var name: String
    public var percent: Decimal
    public var source: PriceSource
    public var date: String
    public var prices: [Glob]
    public var except: [Glob]
    public var note: String

    public func matches(_ key: String) -> Bool {
        prices.contains { $0.matches(key) } && !except.contains { $0.matches(key) }
    }
}

/// An immutable, versioned price book loaded from a `.tsv` file under `pricebooks/`.
///
/// Format (one record per line, fields separated by one tab; `#` starts a comment line):
/// `costgate-pricebook 1`, `id`, `version`, `effective`, `currency`, `description`,
/// `source ID REPOSITORY PATH COMMIT DATE`, `price KEY UNIT AMOUNT SOURCE-ID DATE [NOTE]`,
/// `rule NAME PERCENT SOURCE-ID DATE GLOBS EXCEPT-GLOBS NOTE` (globs separated by commas; `-` for none).
///
/// Loading validates every line but builds no per-price objects: it keeps the file's bytes and an index of
/// price lines sorted by key, and a lookup is a binary search. A one-resource run so pays for a scan of the
/// file, not for sixteen thousand strings.
public final class PriceBook: Sendable {
    public let path: String
    public let id: String
    public let version: String
    public let effectiveDate: String
    public let currency: String
    public let description: String
    public let sources: [String: PriceSource]
    public let rules: [BookRule]

    private let bytes: [UInt8]
    /// Byte offset of each price line's key, sorted by key.
    private let keyStarts: [Int32]

    public var ref: PriceBookRef { PriceBookRef(id: id, version: version, effectiveDate: effectiveDate) }
    public var count: Int { keyStarts.count }
    public var keys: [String] { keyStarts.map { String(decoding: fieldBytes(from: Int($0)), as: UTF8.self) } }

    private init(path: String, header: [String: String], sources: [String: PriceSource], rules: [BookRule], bytes: [UInt8], keyStarts: [Int32]) {
        self.path = path
        self.id = header["id"]!
        self.version = header["version"]!
        self.effectiveDate = header["effective"]!
        self.currency = header["currency"]!
        self.description = header["description"] ?? ""
        self.sources = sources
        self.rules = rules
        self.bytes = bytes
        self.keyStarts = keyStarts
    }

    /// The bytes of the tab-separated field starting at `offset`.
    private func fieldBytes(from offset: Int) -> ArraySlice<UInt8> {
        var end = offset
        while end < bytes.count, bytes[end] != 0x09, bytes[end] != 0x0A, bytes[end] != 0x0D { end += 1 }
        return bytes[offset..<end]
    }

    public func price(_ key: String) -> Price? {
        let target = Array(key.utf8)
        var lo = 0, hi = keyStarts.count
        while lo < hi {
            let mid = (lo + hi) / 2
            let k = fieldBytes(from: Int(keyStarts[mid]))
            if k.lexicographicallyPrecedes(target) { lo = mid + 1 } else { hi = mid }
        }
        guard lo < keyStarts.count else { return nil }
        let start = Int(keyStarts[lo])
        guard fieldBytes(from: start).elementsEqual(target) else { return nil }
        var end = start
        while end < bytes.count, bytes[end] != 0x0A, bytes[end] != 0x0D { end += 1 }
        let fields = bytes[start..<end].split(separator: 0x09, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
        guard fields.count >= 5, let amount = Decimal(string: fields[2]), let source = sources[fields[3]] else { return nil }
        return Price(key: key, unit: fields[1], amount: amount, source: source, date: fields[4], note: fields.count > 5 ? fields[5] : nil)
    }

    /// Loads and validates a book: a wrong line is one error with file:line.
    public static func load(path: String) throws -> PriceBook {
        let bytes = try FileIO.read(path)
        return try parse(bytes, path: path)
    }

    static func parse(_ bytes: [UInt8], path: String) throws -> PriceBook {
        var header: [String: String] = [:]
        var sources: [String: PriceSource] = [:]
        var ruleFields: [([String], Int)] = []
        var keyStarts: [Int32] = []
        var keyLines: [Int32] = []
        var priceSourceIDs: [(String, Int)] = []
        var lastSourceID: ArraySlice<UInt8> = []
        keyStarts.reserveCapacity(bytes.count / 90)
        var lineNumber = 0
        var start = 0
        var sawMagic = false
        let tab: UInt8 = 0x09

        func fail(_ message: String, _ line: Int) -> CostGateError {
            CostGateError(message, at: SourceLocation(file: path, line: line, column: 1))
        }
        func text(_ slice: ArraySlice<UInt8>) -> String { String(decoding: slice, as: UTF8.self) }
        func hasPrefix(_ p: StaticString, _ from: Int, _ end: Int) -> Bool {
            let n = p.utf8CodeUnitCount
            guard end - from >= n else { return false }
            for i in 0..<n where bytes[from + i] != p.utf8Start[i] { return false }
            return true
        }

        while start < bytes.count {
            lineNumber += 1
            var end = start
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            var lineEnd = end
            if lineEnd > start, bytes[lineEnd - 1] == 0x0D { lineEnd -= 1 }
            defer { start = end + 1 }
            if lineEnd == start || bytes[start] == UInt8(ascii: "#") { continue }

            if sawMagic, hasPrefix("price\t", start, lineEnd) {
                // price KEY UNIT AMOUNT SOURCE DATE [NOTE], checked without building strings
                var tabs = (0, 0, 0, 0, 0)   // the first five tab positions
                var tabCount = 0
                var i = start
                while i < lineEnd {
                    if bytes[i] == tab {
                        switch tabCount {
                        case 0: tabs.0 = i
                        case 1: tabs.1 = i
                        case 2: tabs.2 = i
                        case 3: tabs.3 = i
                        case 4: tabs.4 = i
                        default: break
                        }
                        tabCount += 1
                    }
                    i += 1
                }
                guard tabCount == 5 || tabCount == 6 else {
                    throw fail("a price record has 5 or 6 tab-separated fields (KEY UNIT AMOUNT SOURCE DATE [NOTE]), found \(tabCount)", lineNumber)
                }
                let keyStart = tabs.0 + 1
                let key = bytes[keyStart..<tabs.1]
                guard !key.isEmpty, tabs.2 > tabs.1 + 1 else { throw fail("a price needs a key and a unit", lineNumber) }
                let amount = bytes[(tabs.2 + 1)..<tabs.3]
                if amount.first == UInt8(ascii: "-") { throw fail("negative price \(text(amount)) for \(text(key))", lineNumber) }
                guard isPlainNumber(amount) else { throw fail("price for \(text(key)) is not a number: \"\(text(amount))\"", lineNumber) }
                keyStarts.append(Int32(keyStart))
                keyLines.append(Int32(lineNumber))
                // lines of one source follow each other: note the id only when it changes
                let sourceID = bytes[(tabs.3 + 1)..<tabs.4]
                if !sourceID.elementsEqual(lastSourceID) {
                    lastSourceID = sourceID
                    priceSourceIDs.append((text(sourceID), lineNumber))
                }
                continue
            }
            let fields = bytes[start..<lineEnd].split(separator: tab, omittingEmptySubsequences: false).map(text)
            let record = fields[0]
            if !sawMagic {
                guard record == "costgate-pricebook", fields.count == 2, fields[1] == "1" else {
                    throw fail("not a costgate price book: the first record must be `costgate-pricebook<TAB>1`", lineNumber)
                }
                sawMagic = true
                continue
            }
            switch record {
            case "price":
                throw fail("a price record has 5 or 6 tab-separated fields (KEY UNIT AMOUNT SOURCE DATE [NOTE]), found \(fields.count - 1)", lineNumber)
            case "source":
                guard fields.count == 6 else {
                    throw fail("a source record has 5 fields (ID REPOSITORY PATH COMMIT DATE), found \(fields.count - 1)", lineNumber)
                }
                if sources[fields[1]] != nil { throw fail("duplicate source id \(fields[1])", lineNumber) }
                sources[fields[1]] = PriceSource(id: fields[1], repository: fields[2], path: fields[3], commit: fields[4], date: fields[5])
            case "rule":
                guard fields.count == 8 else {
                    throw fail("a rule record has 7 fields (NAME PERCENT SOURCE DATE GLOBS EXCEPT-GLOBS NOTE), found \(fields.count - 1)", lineNumber)
                }
                guard isPlainNumber(ArraySlice(fields[2].utf8)), let p = Decimal(string: fields[2]), p <= 100 else {
                    throw fail("a rule's percent is a number from 0 to 100, not \"\(fields[2])\"", lineNumber)
                }
                ruleFields.append((fields, lineNumber))
            case "id", "version", "effective", "currency", "description":
                guard fields.count == 2, !fields[1].isEmpty else { throw fail("`\(record)` takes one value", lineNumber) }
                if header[record] != nil { throw fail("`\(record)` is given twice", lineNumber) }
                header[record] = fields[1]
            default:
                throw fail("unknown field `\(Limits.echo(record))`; a price book has costgate-pricebook, id, version, effective, currency, description, source, price and rule records", lineNumber)
            }
        }
        guard sawMagic else { throw fail("not a costgate price book: the file is empty", 1) }
        for required in ["id", "version", "effective", "currency"] where header[required] == nil {
            throw fail("the price book has no `\(required)` record", 1)
        }
        for (sourceID, line) in priceSourceIDs where sources[sourceID] == nil {
            throw fail("price on this line names source \(sourceID), which no `source` record defines", line)
        }
        // Sorted by key (the generator writes them sorted; a hand-made book is sorted here), then no key twice.
        func key(_ i: Int) -> ArraySlice<UInt8> {
            var e = Int(keyStarts[i])
            while bytes[e] != tab { e += 1 }
            return bytes[Int(keyStarts[i])..<e]
        }
        var order = Array(0..<keyStarts.count)
        var sorted = true
        for i in 1..<max(1, keyStarts.count) where !key(i - 1).lexicographicallyPrecedes(key(i)) { sorted = false; break }
        if !sorted {
            order.sort { a, b in
                let ka = key(a), kb = key(b)
                return ka.lexicographicallyPrecedes(kb) || (ka.elementsEqual(kb) && keyLines[a] < keyLines[b])
            }
        }
        for j in 1..<max(1, order.count) where key(order[j - 1]).elementsEqual(key(order[j])) {
            throw fail("duplicate price key \(text(key(order[j]))) (first defined on line \(keyLines[order[j - 1]]))", Int(keyLines[order[j]]))
        }
        var rules: [BookRule] = []
        for (f, line) in ruleFields {
            guard let source = sources[f[3]] else { throw fail("rule on this line names source \(f[3]), which no `source` record defines", line) }
            func globs(_ s: String) -> [Glob] { s == "-" ? [] : s.split(separator: ",").map { Glob(String($0)) } }
            rules.append(BookRule(name: f[1], percent: Decimal(string: f[2])!, source: source, date: f[4], prices: globs(f[5]), except: globs(f[6]), note: f[7]))
        }
        return PriceBook(path: path, header: header, sources: sources, rules: rules, bytes: bytes, keyStarts: order.map { keyStarts[$0] })
    }

    /// `digits(.digits)?` — a price is never negative, never in exponent form.
    static func isPlainNumber(_ s: ArraySlice<UInt8>) -> Bool {
        var digits = 0, dots = 0
        for c in s {
            if c >= 48 && c <= 57 { digits += 1 } else if c == UInt8(ascii: ".") { dots += 1 } else { return false }
        }
        return digits > 0 && dots <= 1
    }
}

/// What changed between two versions of a price book: prices added, removed, and changed (amount or unit).
public struct PriceBookDiff: Sendable {
    public enum Change: Sendable, Equatable {
        case added(Price)
        case removed(Price)
        case changed(old: Price, new: Price)

        public var key: String {
            switch self {
            case .added(let p), .removed(let p): return p.key
            case .changed(let old, _): return old.key
            }
        }
    }

    public var old: PriceBookRef
    public var new: PriceBookRef
    public var changes: [Change]

    public init(old: PriceBook, new: PriceBook) throws {
        guard old.id == new.id else { throw CostGateError("cannot compare price books \(old.id) and \(new.id): give two versions of one book") }
        self.old = old.ref
        self.new = new.ref
        let oldKeys = old.keys, newKeys = new.keys
        var changes: [Change] = []
        var i = 0, j = 0
        // both key lists are sorted: one merge pass
        while i < oldKeys.count || j < newKeys.count {
            if j == newKeys.count || (i < oldKeys.count && oldKeys[i] < newKeys[j]) {
                changes.append(.removed(old.price(oldKeys[i])!)); i += 1
            } else if i == oldKeys.count || newKeys[j] < oldKeys[i] {
                changes.append(.added(new.price(newKeys[j])!)); j += 1
            } else {
                let a = old.price(oldKeys[i])!, b = new.price(newKeys[j])!
                if a.amount != b.amount || a.unit != b.unit { changes.append(.changed(old: a, new: b)) }
                i += 1; j += 1
            }
        }
        self.changes = changes
    }

    public var text: String {
        var counts = (changed: 0, added: 0, removed: 0)
        var lines: [String] = []
        for c in changes {
            switch c {
            case .changed(let a, let b):
                counts.changed += 1
                var line = "~ \(a.key)  \(Money.plain(a.amount)) → \(Money.plain(b.amount)) per \(b.unit)"
                if a.unit != b.unit { line += " (was per \(a.unit))" } else if a.amount != 0 {
                    let p = (b.amount - a.amount) * 100 / a.amount
                    line += " (\(p >= 0 ? "+" : "")\(Money.format(p, scale: 1))%)"
                }
                lines.append(line)
            case .added(let p):
                counts.added += 1
                lines.append("+ \(p.key)  \(Money.plain(p.amount)) per \(p.unit)  \(p.source.citation)")
            case .removed(let p):
                counts.removed += 1
                lines.append("- \(p.key)  \(Money.plain(p.amount)) per \(p.unit)")
            }
        }
        let head = "\(old.id) \(old.version) → \(new.version): \(counts.changed) changed, \(counts.added) added, \(counts.removed) removed\n"
        return head + lines.map { $0 + "\n" }.joined()
    }
}

