import FoundationEssentials
import Testing
@testable import CostGateKit

@Suite struct PriceBookTests {
    static let header = "costgate-pricebook\t1\nid\ttest\nversion\t1.0.0\neffective\t2026-01-01\ncurrency\tUSD\nsource\tS1\towner/repo\tpath.csv\tabc123\t2026-01-01\n"

    func load(_ body: String) -> Result<PriceBook, CostGateError> {
        do { return .success(try PriceBook.parse(Array((Self.header + body).utf8), path: "book.tsv")) } catch let e as CostGateError {
            return .failure(e)
        } catch { return .failure(CostGateError("\(error)")) }
    }

    func message(_ body: String) -> String? {
        if case .failure(let e) = load(body) { return e.description }
        return nil
    }

    @Test func theShippedBookLoadsWithSourcesAndDates() throws {
        let book = try PriceBook.load(path: Paths.awsBook)
        #expect(book.id == "aws")
        #expect(book.currency == "USD")
        #expect(book.count > 10000)
        let p = try #require(book.price("aws/ec2/us-east-1/instance/t3.nano/linux/shared"))
        #expect(p.amount == Decimal(string: "0.0052")!)
        #expect(p.unit == "hour")
        #expect(p.source.repository == "aws/karpenter-provider-aws")
        #expect(p.date == "2026-07-20")
    }

    @Test func validBodyLoads() throws {
        let book = try load("price\ttest/a\thour\t0.5\tS1\t2026-01-01\tnote here\n").get()
        #expect(book.price("test/a")?.note == "note here")
        #expect(book.price("test/missing") == nil)
    }

    @Test func duplicateKeysAreRejectedWithBothLines() {
        #expect(message("price\ttest/a\thour\t1\tS1\t2026-01-01\nprice\ttest/a\thour\t2\tS1\t2026-01-01\n")
                == "book.tsv:8:1: duplicate price key test/a (first defined on line 7)")
    }

    @Test func negativeAndNonNumericPricesAreRejected() {
        #expect(message("price\ttest/a\thour\t-1\tS1\t2026-01-01\n") == "book.tsv:7:1: negative price -1 for test/a")
        #expect(message("price\ttest/a\thour\tabc\tS1\t2026-01-01\n") == "book.tsv:7:1: price for test/a is not a number: \"abc\"")
    }

    @Test func unknownFieldsAndSourcesAreRejected() {
        #expect(message("discount\t10\n")?.hasPrefix("book.tsv:7:1: unknown field `discount`") == true)
        #expect(message("price\ttest/a\thour\t1\tS9\t2026-01-01\n") == "book.tsv:7:1: price on this line names source S9, which no `source` record defines")
        #expect(message("price\ttest/a\thour\t1\n")?.contains("5 or 6 tab-separated fields") == true)
    }

    @Test func aMissingPriceIsPriceNotFoundNeverZero() throws {
        let lines = [UsageLine("x", unit: "hour", quantity: .value(730), priceKey: "aws/ec2/mars-1/instance/t3.nano/linux/shared")]
        let c = try books().value(lines)
        #expect(c[0].status == .priceNotFound)
        #expect(c[0].monthlyCost == nil)
    }

    @Test func catalogPicksTheNewestVersionAndResolvesSpecs() throws {
        let catalog = PriceBookCatalog(directory: Paths.pricebooks)
        #expect(catalog.latest("aws")?.version == "2026.12.1")
        #expect(try catalog.resolve("aws@2026.12.0").hasSuffix("aws-2026.12.0.tsv"))
        #expect(try catalog.resolve("aws@2026.11.0").hasSuffix("aws-2026.11.0.tsv"))
        #expect(try catalog.resolve("aws").hasSuffix("aws-2026.12.1.tsv"))
        #expect(throws: CostGateError.self) { try catalog.resolve("aws@1999.1.0") }
        #expect(PriceBookCatalog.versionKey("2026.11.10").lexicographicallyPrecedes(PriceBookCatalog.versionKey("2026.12.0")))
    }
}

@Suite struct PriceBookOrderTests {
    @Test func anUnsortedHandMadeBookIsSortedAndStillFindsEveryKey() throws {
        let body = "price\ttest/b\thour\t2\tS1\t2026-01-01\nprice\ttest/a\thour\t1\tS1\t2026-01-01\nprice\ttest/c\thour\t3\tS1\t2026-01-01\n"
        let book = try PriceBook.parse(Array((PriceBookTests.header + body).utf8), path: "book.tsv")
        #expect(book.keys == ["test/a", "test/b", "test/c"])
        #expect(book.price("test/a")?.amount == 1)
        #expect(book.price("test/c")?.amount == 3)
        #expect(book.price("test/bb") == nil)
        let dup = "price\ttest/b\thour\t2\tS1\t2026-01-01\nprice\ttest/a\thour\t1\tS1\t2026-01-01\nprice\ttest/b\thour\t3\tS1\t2026-01-01\n"
        #expect(throws: CostGateError("duplicate price key test/b (first defined on line 7)", at: SourceLocation(file: "book.tsv", line: 9, column: 1))) {
            try PriceBook.parse(Array((PriceBookTests.header + dup).utf8), path: "book.tsv")
        }
    }

    @Test func everyKeyOfTheShippedBookIsFound() throws {
        let book = try PriceBook.load(path: Paths.awsBook)
        for key in book.keys { #expect(book.price(key)?.key == key) }
    }
}
