import FoundationEssentials
import Testing
import CostGateKit

/// Infracost's usage files read as they are, and `usage template` round trips (issue 15).
@Suite struct UsageFormTests {
    static let dir = "Tests/CostGateCLITests/Fixtures/usage-forms"

    @Test func anInfracostUsageFileGivesTheSameLinesAsCostgatesOwnForm() throws {
        let infracost = try CLI.run(["estimate", Self.dir, "--usage", Self.dir + "/infracost.usage.yml"])
        let own = try CLI.run(["estimate", Self.dir, "--usage", Self.dir + "/costgate.usage.yml"])
        let none = try CLI.run(["estimate", Self.dir])
        #expect(infracost.status == 0 && own.status == 0 && none.status == 0, "\(infracost.stderr)\(own.stderr)")
        #expect(infracost.stderr == "" && own.stderr == "")
        #expect(infracost.stdout == own.stdout)
        // and the values are used: every usage line of the fixture has a cost but the one no file gives
        #expect(infracost.stdout != none.stdout)
        #expect(infracost.stdout.contains("TOTAL MONTHLY COST: $72.70 USD"), "\(infracost.stdout)")
    }

    @Test func aTemplateLeftAsItIsChangesNoEstimate() throws {
        try CLI.expect(["usage", "template", Self.dir], expected: "usage-template.txt")
        let tmp = "/tmp/costgate-template-\(UInt32.random(in: 0...UInt32.max)).yml"
        defer { FileIO.removeTree(tmp) }
        let written = try CLI.run(["usage", "template", Self.dir, "--out", tmp])
        #expect(written.status == 0 && written.stdout == "" && written.stderr == "")
        let with = try CLI.run(["estimate", Self.dir, "--usage", tmp])
        let without = try CLI.run(["estimate", Self.dir])
        #expect(with.status == 0 && with.stderr == "", "\(with.stderr)")
        #expect(with.stdout == without.stdout)
    }

    @Test func aTemplateKeepsTheValuesOfTheUsageFileGiven() throws {
        let tmp = "/tmp/costgate-template-\(UInt32.random(in: 0...UInt32.max)).yml"
        defer { FileIO.removeTree(tmp) }
        let written = try CLI.run(["usage", "template", Self.dir, "--usage", Self.dir + "/infracost.usage.yml", "--out", tmp])
        #expect(written.status == 0, "\(written.stderr)")
        let fromTemplate = try CLI.run(["estimate", Self.dir, "--usage", tmp])
        let fromFile = try CLI.run(["estimate", Self.dir, "--usage", Self.dir + "/infracost.usage.yml"])
        #expect(fromTemplate.stderr == "", "\(fromTemplate.stderr)")
        #expect(fromTemplate.stdout == fromFile.stdout)
    }
}
