import FoundationEssentials
import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import CostGateKit

/// The shortcuts taken for speed must give what the exact, slow ways give.
@Suite struct FastPathTests {
    /// Thousandths the exact way: the Decimal value × 1000, when it is a whole number within 64 bits.
    static func referenceMilli(_ text: String) -> Int64? {
        guard let d = KubeQuantity.parse(text) else { return nil }
        let m = d * 1000
        let plain = Money.plain(m)
        guard !plain.contains(".") else { return nil }
        return Int64(plain)
    }

    @Test func quantitiesInIntegersAgreeWithDecimals() {
        var seed: UInt64 = 7
        func next(_ n: Int) -> Int { seed = seed &* 6364136223846793005 &+ 1442695040888963407; return Int(seed >> 33) % n }
        let suffixes = ["", "m", "n", "u", "k", "M", "G", "T", "P", "E", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei", "e3", "E-2", "x", "mi", "KI", " "]
        var checked = 0
        for _ in 0..<20_000 {
            var t = ["", "", "", "+", "-", " "][next(6)]
            for _ in 0..<next(22) { t += String(next(10)) }
            if next(3) == 0 { t += "." + (0..<next(8)).map { _ in String(next(10)) }.joined() }
            t += suffixes[next(suffixes.count)]
            #expect(KubeQuantity.milli(t) == Self.referenceMilli(t), "\(t)")
            #expect(KubeQuantity.isQuantity(t) == (KubeQuantity.parse(t) != nil), "\(t)")
            checked += KubeQuantity.milli(t) == nil ? 0 : 1
        }
        #expect(checked > 5_000, "most generated texts are quantities with thousandths")
        for t in ["100m", "0.5", "2Gi", "512M", "1e3", ".5", "+1", "1.", "0.0001", "250u", "9223372036854775807m", "9223372036854776Ki", "-3Gi"] {
            #expect(KubeQuantity.milli(t) == Self.referenceMilli(t), "\(t)")
        }
    }

    @Test func decimalBitsAreEqualOnlyForTheSameValue() {
        let a = Decimal(string: "0.031611")!, b = Decimal(string: "0.0316110")!, c = Decimal(string: "0.031612")!
        #expect(DecimalBits(a) == DecimalBits(b))
        #expect(DecimalBits(a) != DecimalBits(c))
        #expect(DecimalBits(-a) != DecimalBits(a))
        #expect(DecimalBits(Decimal(730)) != DecimalBits(Decimal(string: "7.30")!))
        // a memo keyed by bits gives each value its own text
        let f = NumberText()
        #expect([a, c, Decimal(730)].map { f.displayUnitPrice($0) } == ["$0.031611", "$0.031612", "$730.00"])
        #expect([Decimal(string: "1.005")!, Decimal(string: "-1.005")!, Decimal(string: "1.004")!].map { f.dollars($0) } == ["$1.01", "-$1.01", "$1.00"])
        #expect([a, c, -a, Decimal(730)].map(Money.plain) == ["0.031611", "0.031612", "-0.031611", "730"])
    }

    @Test func tableLinesArePaddedAndEndWithoutSpaces() {
        let out = OutputSink()
        TableReporter.line(["Name", "2", "GB", "$1.00", ""], [6, 3, 4, 6, 5], out)
        TableReporter.line(["a ", "", "", "", ""], [6, 3, 4, 6, 5], out)
        TableReporter.line(["├─ x", "10", "hour", "$0.5", "$5"], [6, 3, 4, 6, 5], out)
        #expect(out.text == "Name      2  GB     $1.00\na\n├─ x     10  hour    $0.5     $5\n")
    }

    /// Products and sums made in integers are the very Decimal (the same stored bits) that Decimal's own
    /// arithmetic makes, over random values of every sign, size and exponent, zeros included.
    @Test func integerProductsAndSumsAreDecimalsOwn() {
        #expect(FastDecimal.usable, "the stored form is the one the fast path reads")
        var seed: UInt64 = 11
        func next(_ n: UInt64) -> UInt64 { seed = seed &* 6364136223846793005 &+ 1442695040888963407; return (seed >> 33) % n }
        func bits(_ d: Decimal) -> [UInt8] { withUnsafeBytes(of: d) { Array($0) } }
        var values: [Decimal] = [0, 1, -1, 730, Decimal(string: "0.031611")!, Decimal(string: "-7000")!]
        for _ in 0..<4_000 {
            let m = next(4) == 0 ? next(1 << 31) * next(1 << 31) : next(3) == 0 ? next(10) * 1000 : next(100_000)
            values.append(Decimal(string: "\(next(5) == 0 ? "-" : "")\(m)e\(Int(next(24)) - 14)")!)
        }
        var fast = 0
        for (i, a) in values.enumerated() {
            for b in [values[(i * 7 + 1) % values.count], values[(i * 13 + 5) % values.count], a] {
                #expect(bits(FastDecimal.multiply(a, b)) == bits(a * b), "\(a) × \(b)")
                #expect(bits(FastDecimal.add(a, b)) == bits(a + b), "\(a) + \(b)")
                #expect(bits(FastDecimal.add(a, -b)) == bits(a - b), "\(a) - \(b)")
                if FastDecimal.product(a, b) != nil { fast += 1 }
            }
        }
        #expect(fast > 6_000, "most products of such values take the integer path")
        #expect(FastDecimal.parts(.nan) == nil && FastDecimal.multiply(.nan, 2).isNaN)
    }

    /// A file is read with open, one fstat and read: its bytes, an empty file, and one clear line for a folder
    /// or a missing file. A folder is walked by entry type, and a link to a folder is still followed.
    @Test func filesAreReadAndFoldersWalked() throws {
        let dir = "/tmp/costgate-fileio-\(getpid())"
        mkdir(dir, 0o755)
        mkdir(dir + "/sub", 0o755)
        defer {
            for f in ["a.yaml", "empty.yaml", "sub/b.yml", "sub/notes.txt", "linked"] { unlink(dir + "/" + f) }
            rmdir(dir + "/sub"); rmdir(dir)
        }
        let text = String(repeating: "kind: Pod\n", count: 20_000)   // larger than any stdio buffer
        try FileIO.writeAtomically(text, to: dir + "/a.yaml")
        try FileIO.writeAtomically("", to: dir + "/empty.yaml")
        try FileIO.writeAtomically("x: 1\n", to: dir + "/sub/b.yml")
        try FileIO.writeAtomically("", to: dir + "/sub/notes.txt")
        symlink(dir + "/sub", dir + "/linked")
        #expect(try FileIO.read(dir + "/a.yaml") == Array(text.utf8))
        #expect(try FileIO.read(dir + "/empty.yaml") == [])
        #expect(throws: CostGateError.self) { try FileIO.read(dir + "/sub") }
        do { _ = try FileIO.read(dir + "/missing.yaml"); Issue.record("no error") } catch {
            #expect("\(error)" == dir + "/missing.yaml: cannot read: No such file or directory")
        }
        #expect(try Inputs.expand([dir]) == [dir + "/a.yaml", dir + "/empty.yaml", dir + "/linked/b.yml", dir + "/sub/b.yml"])
    }
}
