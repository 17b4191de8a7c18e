import FoundationEssentials
import Testing
@testable import CostGateKit

@Suite struct MoneyTests {
    @Test(arguments: [
        ("373.122", 2, "373.12"), ("0.005", 2, "0.01"), ("0.0049", 2, "0.00"), ("-2.345", 2, "-2.35"),
        ("9.995", 2, "10.00"), ("730", 2, "730.00"), ("0.0052", 4, "0.0052"), ("-0.001", 2, "0.00"), ("12.5", 0, "13"),
    ])
    func roundsHalfAwayFromZero(_ input: String, _ scale: Int, _ expected: String) {
        #expect(Money.format(Decimal(string: input)!, scale: scale) == expected)
    }

    @Test func monthlyIsHourlyTimes730() {
        #expect(Decimal(string: "0.0052")! * Money.hoursPerMonth == Decimal(string: "3.796")!)
    }

    @Test func dollarsGroupThousands() {
        #expect(Money.dollars(Decimal(string: "1234567.891")!) == "$1,234,567.89")
        #expect(Money.dollars(Decimal(string: "-12.3")!) == "-$12.30")
        #expect(Money.dollars(0) == "$0.00")
    }

    @Test func decimalLiterals() {
        for ok in ["0", "12", "0.0052", "1e3", "-5", "2.5E-2"] { #expect(Money.isDecimalLiteral(ok), "\(ok)") }
        for bad in ["", "-", "1.2.3", "abc", "1e", "$3", "1,000", " 1"] { #expect(!Money.isDecimalLiteral(bad), "\(bad)") }
    }

    @Test func plainNeverUsesExponents() {
        #expect(Money.plain(Decimal(string: "1e3")!) == "1000")
        #expect(Money.plain(Decimal(string: "0.0000001")!) == "0.0000001")
        #expect(Money.plain(Decimal(string: "2.50")!) == "2.5")
    }
}
