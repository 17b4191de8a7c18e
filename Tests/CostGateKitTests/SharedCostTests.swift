import FoundationEssentials
import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import CostGateKit

@Suite struct SharedCostTests {
    @Test func sharesAddUpToTheCent() {
        var seed: UInt64 = 42
        func next() -> UInt64 { seed = seed &* 6364136223846793005 &+ 1442695040888963407; return seed >> 33 }
        for _ in 0..<500 {
            let amount = Decimal(Int(next() % 1_000_000)) / 100
            var basis: [String: Decimal] = [:]
            for t in 0..<Int(1 + next() % 7) { basis["team\(t)"] = Decimal(Int(next() % 1000)) / 7 }
            let split = TeamBreakdown.split(amount, by: basis)
            #expect(split.reduce(Decimal(0)) { $0 + $1.1 } == amount, "\(amount) by \(basis)")
            for (_, share) in split { #expect(Money.rounded(share, scale: 2) == share, "whole cents") }
        }
        #expect(TeamBreakdown.split(100, by: ["a": 1, "b": 1, "c": 1]).map(\.1) == [Decimal(string: "33.34")!, Decimal(string: "33.33")!, Decimal(string: "33.33")!])
        #expect(TeamBreakdown.split(5, by: [:]).map(\.0) == [TeamBreakdown.unallocated], "no basis: the cost stays unallocated, not lost")
    }

    @Test func theExampleAllocatesByCPUMemoryAndWeights() throws {
        let dir = Paths.packageRoot + "/examples/shared-costs"
        let config = try Config.load(path: dir + "/.costgate.yml")
        let options = EstimateOptions(pricebooks: PriceBookSet(paths: Paths.books))
        let e = try Run(paths: [dir + "/workloads.yaml"], options: options).estimate()
        let t = TeamBreakdown(estimate: e, key: try #require(config.sharedCostsBy), costs: config.sharedCosts)
        #expect(t.teams.map(\.name) == ["ml", "payments", "search"], "platform's ingress is shared, so platform is no team here")
        for pool in t.pools {
            #expect(t.teams.reduce(Decimal(0)) { $0 + ($1.shares[pool.name] ?? 0) } == pool.amount, "\(pool.name)")
        }
        // CPU requests: payments 3 × 0.5 + 2 × 0.25 = 2, search 2 × 1 = 2, ml 2 → thirds of $73.00
        #expect(t.teams.map { $0.shares["control plane"]! } == [Decimal(string: "24.34")!, Decimal(string: "24.33")!, Decimal(string: "24.33")!])
        // memory: payments 4 GiB, search 8, ml 8 of the ingress Service's cost
        let ingress = try #require(e.resources.first { $0.address == "Service/platform/ingress" }).monthlyCost
        #expect(t.teams.first { $0.name == "payments" }!.shares["ingress"]! == Money.rounded(ingress * 4 / 20, scale: 2))
        #expect(Money.rounded(t.total, scale: 2) == Money.rounded(e.totalMonthlyCost, scale: 2) + 73 + 1000, "every dollar lands with a team, none twice")
    }

    @Test func configurationMistakesHaveTheirPlace() {
        #expect(configError("shared_costs:\n  by: team\n  costs:\n    - {name: x, monthly_cost: 5, allocate: seats}\n")
                == "F:4:44: allocate must be cpu, memory, cost or weights")
        #expect(configError("shared_costs:\n  by: team\n  costs:\n    - {name: x, allocate: cpu}\n")
                == "F:4:7: shared cost x needs monthly_cost, resources, or both")
        #expect(configError("shared_costs:\n  by: team\n  costs:\n    - {name: x, monthly_cost: 5, allocate: weights}\n")
                == "F:4:44: allocate: weights needs weights (team: weight)")
    }
}

@Suite struct ParallelPricingTests {
    /// 2,500 workloads are priced in two halves on two cores: every one is there once, in address order,
    /// and priced exactly as when it is priced alone.
    @Test func halvesJoinBackInOrder() throws {
        var yaml = ""
        for i in (0..<2_500).reversed() {
            yaml += "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: app\(i), namespace: ns\(i % 7)}\n"
            yaml += "spec:\n  replicas: \(1 + i % 3)\n  template:\n    spec:\n      containers:\n        - name: c\n          resources: {requests: {cpu: \(100 + i)m, memory: 256Mi}}\n---\n"
        }
        let path = "/tmp/costgate-parallel-\(getpid()).yaml"
        try FileIO.writeAtomically(yaml, to: path)
        defer { unlink(path) }
        let options = EstimateOptions(pricebooks: PriceBookSet(paths: Paths.books))
        let all = try Run(paths: [path], options: options).estimate()
        #expect(all.resources.count == 2_500)
        let addresses: [String] = all.resources.map { $0.address }
        #expect(addresses == addresses.sorted())
        #expect(Set(addresses).count == 2_500)
        let one = try #require(all.resources.first { $0.address == "Deployment/ns2/app1234" })
        let alone = try Estimator().estimate([try #require(try Run(paths: [path], options: options).read().resources.first { $0.address == "Deployment/ns2/app1234" })],
                                             inputs: [path], options: options)
        #expect(alone.resources[0].components == one.components)
        #expect(one.monthlyCost > 0)
    }

    /// A long table is measured and written in two halves at once: the bytes are those of one pass, and a
    /// wide name in the second half still sets the column widths for every line.
    @Test func tablesWrittenInHalvesMatchOnePass() throws {
        let out = OutputSink(), one = OutputSink()
        let items = Array(0..<5_001)
        out.writeHalves(items) { part, first, _, sink in for (i, n) in zip(first..., part) { sink.write("\(i):\(n)\n") } }
        one.writeHalves(items, from: Int.max) { part, first, _, sink in for (i, n) in zip(first..., part) { sink.write("\(i):\(n)\n") } }
        #expect(out.text == one.text)
        #expect(out.text.split(separator: "\n").count == 5_001)

        var resources: [ResourceCost] = []
        for i in 0..<2_400 {
            let name = i == 2_000 ? "Deployment/ns/" + String(repeating: "w", count: 80) : "Deployment/ns/app\(i)"
            resources.append(ResourceCost(address: name, type: "k8s:Deployment", region: nil, regionAssumed: false, action: .present,
                                          components: [CostComponent(name: "CPU requests", unit: "vCPU-hour", quantity: .value(730), priceKey: "k8s/cpu",
                                                                     usageBased: false, unitPrice: Decimal(i) / 1000, monthlyCost: Decimal(i) * 73 / 100,
                                                                     priceSource: nil, priceDate: nil)],
                                          assumptions: [], location: nil))
        }
        let estimate = Estimate(currency: "USD", pricebooks: [], inputs: [], resources: resources, skipped: [], assumptions: [], warnings: [])
        let table = OutputSink()
        try TableReporter().write(Report(estimate: estimate, pricebooks: []), to: table)
        let lines = table.text.split(separator: "\n", omittingEmptySubsequences: false)
        let header = try #require(lines.first { $0.hasPrefix("Name") })
        let costLines = lines.filter { $0.hasPrefix(" └─ ") }
        #expect(costLines.count == 2_400)
        // "Deployment/ns/www…  [present]" is 105 columns; then qty 11, unit 9, unit price 10, cost 12, two spaces apart
        #expect(header.count == 105 + 2 + 11 + 2 + 9 + 2 + 10 + 2 + 12, "the wide name in the second half widens the first column")
        #expect(costLines.allSatisfy { $0.unicodeScalars.count == header.unicodeScalars.count }, "every cost line ends where the header does")
    }

    /// Many files are read on two cores: resources come back in file order, and of two broken files the
    /// first one's error is reported, whichever thread met it first.
    @Test func filesReadOnTwoCoresKeepTheirOrderAndTheFirstError() throws {
        let dir = "/tmp/costgate-files-\(getpid())"
        mkdir(dir, 0o755)
        defer { for i in 0..<300 { unlink(dir + "/f\(i).yaml") }; rmdir(dir) }
        func write(_ i: Int, _ body: String) throws { try FileIO.writeAtomically(body, to: dir + "/f\(i).yaml") }
        for i in 0..<300 {
            try write(i, "apiVersion: v1\nkind: Pod\nmetadata: {name: p\(i)}\nspec: {containers: [{name: c, resources: {requests: {cpu: 1}}}]}\n")
        }
        let options = EstimateOptions(pricebooks: PriceBookSet(paths: Paths.books))
        let read = try Run(paths: [dir], options: options).read()
        let expected = (0..<300).map { "f\($0)" }.sorted().map { "Pod/default/p\($0.dropFirst())" }
        #expect(read.resources.map(\.address) == expected, "resources in the order of the sorted file names")
        #expect(read.files.count == 300)

        try write(250, "apiVersion: v1\nkind: Pod\nmetadata: {name: x}\nspec: {containers: [{name: c, resources: {requests: {cpu: lots}}}]}\n")
        try write(120, "apiVersion: v1\nkind: [Pod\n")
        for _ in 0..<5 {
            do { _ = try Run(paths: [dir], options: options).read(); Issue.record("no error") } catch {
                #expect("\(error)".hasPrefix(dir + "/f120.yaml:"), "\(error)")
            }
        }
    }
}
