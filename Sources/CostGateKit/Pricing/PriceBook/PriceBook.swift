import FoundationEssentials
/// Where a price came from.
public struct PriceSource: Sendable, Equatable {
    public var id: String
    public var repository: String
    public var path: String
    public var commit: String
    public var date: String

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

/// An immutable, versioned price book loaded from a `.tsv` file under `pricebooks/`.
///
/// Format (one record per line, fields separated by one tab; `#` starts a comment line):
/// `costgate-pricebook 1`, `id`, `version`, `effective`, `currency`, `description`,
/// `source ID REPOSITORY PATH COMMIT DATE`, `price KEY UNIT AMOUNT SOURCE-ID DATE [NOTE]`.
public final class PriceBook: Sendable {
    public let path: String
    public let id: String
    public let version: String
    public let effectiveDate: String
    public let currency: String
    public let description: String
    public let sources: [String: PriceSource]

    struct Entry: Sendable {
        var unit: String
        var amount: String
        var source: String
        var date: String
        var note: String?
    }

    let entries: [String: Entry]

    public var ref: PriceBookRef { PriceBookRef(id: id, version: version, effectiveDate: effectiveDate) }
    public var count: Int { entries.count }
    public var keys: [String] { entries.keys.sorted() }

    init(path: String, id: String, version: String, effectiveDate: String, currency: String, description: String,
         sources: [String: PriceSource], entries: [String: Entry]) {
        self.path = path
        self.id = id
        self.version = version
        self.effectiveDate = effectiveDate
        self.currency = currency
        self.description = description
        self.sources = sources
        self.entries = entries
    }

    public func price(_ key: String) -> Price? {
        guard let e = entries[key], let amount = Decimal(string: e.amount), let source = sources[e.source] else { return nil }
        return Price(key: key, unit: e.unit, amount: amount, source: source, date: e.date, note: e.note)
    }

    /// Loads and validates a book: a wrong line is one error with file:line.
    public static func load(path: String) throws -> PriceBook {
        let bytes = try FileIO.read(path)
        return try parse(bytes, path: path)
    }

    static func parse(_ bytes: [UInt8], path: String) throws -> PriceBook {
        var header: [String: String] = [:]
        var sources: [String: PriceSource] = [:]
        var entries: [String: Entry] = [:]
        var entryLines: [String: Int] = [:]
        entries.reserveCapacity(bytes.count / 90)
        var lineNumber = 0
        var start = 0
        var sawMagic = false

        func fail(_ message: String, _ line: Int, _ column: Int = 1) -> CostGateError {
            CostGateError(message, at: SourceLocation(file: path, line: line, column: column))
        }

        while start < bytes.count {
            lineNumber += 1
            var end = start
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            var lineEnd = end
            if lineEnd > start, bytes[lineEnd - 1] == 0x0D { lineEnd -= 1 }
            defer { start = end + 1 }
            if lineEnd == start || bytes[start] == UInt8(ascii: "#") { continue }
            let fields = bytes[start..<lineEnd].split(separator: 0x09, omittingEmptySubsequences: false)
                .map { String(decoding: $0, as: UTF8.self) }
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
                guard fields.count == 6 || fields.count == 7 else {
                    throw fail("a price record has 5 or 6 tab-separated fields (KEY UNIT AMOUNT SOURCE DATE [NOTE]), found \(fields.count - 1)", lineNumber)
                }
                let key = fields[1], amount = fields[3]
                guard !key.isEmpty, !fields[2].isEmpty else { throw fail("a price needs a key and a unit", lineNumber) }
                if amount.hasPrefix("-") { throw fail("negative price \(amount) for \(key)", lineNumber) }
                guard Money.isDecimalLiteral(amount) else { throw fail("price for \(key) is not a number: \"\(amount)\"", lineNumber) }
                if let first = entryLines[key] {
                    throw fail("duplicate price key \(key) (first defined on line \(first))", lineNumber)
                }
                entryLines[key] = lineNumber
                entries[key] = Entry(unit: fields[2], amount: amount, source: fields[4], date: fields[5],
                                     note: fields.count == 7 ? fields[6] : nil)
            case "source":
                guard fields.count == 6 else {
                    throw fail("a source record has 5 fields (ID REPOSITORY PATH COMMIT DATE), found \(fields.count - 1)", lineNumber)
                }
                if sources[fields[1]] != nil { throw fail("duplicate source id \(fields[1])", lineNumber) }
                sources[fields[1]] = PriceSource(id: fields[1], repository: fields[2], path: fields[3], commit: fields[4], date: fields[5])
            case "id", "version", "effective", "currency", "description":
                guard fields.count == 2, !fields[1].isEmpty else { throw fail("`\(record)` takes one value", lineNumber) }
                if header[record] != nil { throw fail("`\(record)` is given twice", lineNumber) }
                header[record] = fields[1]
            default:
                throw fail("unknown field `\(record)`; a price book has costgate-pricebook, id, version, effective, currency, description, source and price records", lineNumber)
            }
        }
        guard sawMagic else { throw fail("not a costgate price book: the file is empty", 1) }
        for required in ["id", "version", "effective", "currency"] where header[required] == nil {
            throw fail("the price book has no `\(required)` record", 1)
        }
        for (key, e) in entries where sources[e.source] == nil {
            throw fail("price \(key) names source \(e.source), which no `source` record defines", entryLines[key] ?? 1)
        }
        return PriceBook(path: path, id: header["id"]!, version: header["version"]!, effectiveDate: header["effective"]!,
                         currency: header["currency"]!, description: header["description"] ?? "", sources: sources, entries: entries)
    }
}
