import FoundationEssentials
import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import CostGateKit

/// Free means free: a type is free only by exact name on the cited list, never by a prefix or suffix, and a type
/// that costs money is priced or "not supported yet", never free.
@Suite struct FreeTypeTests {
    static let shared = Paths.packageRoot + "/../shared"
    static let freeCSV = shared + "/pricefacts/free-types.csv"
    static let goldens = shared + "/corpus/hcl/infracost-goldens"
    let registry = PricerRegistry.standard

    /// A plan whose resources are created, one per type, and what the estimator says of each.
    static func skipReasons(_ types: [String]) throws -> [String: SkipReason] {
        var changes: [String] = []
        for (i, t) in types.enumerated() {
            changes.append("{\"address\": \"\(t).r\(i)\", \"mode\": \"managed\", \"type\": \"\(t)\", \"name\": \"r\(i)\", \"provider_name\": \"registry.terraform.io/hashicorp/x\", \"change\": {\"actions\": [\"create\"], \"before\": null, \"after\": {}}}")
        }
        let plan = "{\"format_version\": \"1.2\", \"terraform_version\": \"1.9.0\", \"resource_changes\": [\(changes.joined(separator: ",\n"))]}"
        let path = "/tmp/costgate-free-\(UInt32.random(in: 0...UInt32.max)).json"
        try FileIO.writeAtomically(plan, to: path)
        defer { unlink(path) }
        let e = try runEstimate([path])
        var out: [String: SkipReason] = [:]
        for s in e.skipped { out[s.type] = s.reason }
        return out
    }

    @Test func theVirtualNetworkGatewayIsNotFree() throws {
        for t in ["azurerm_virtual_network_gateway", "azurerm_virtual_network_gateway_connection", "azurerm_virtual_network_peering",
                  "google_sql_database_instance", "google_compute_target_https_proxy", "aws_ssm_parameter", "aws_acm_certificate"] {
            #expect(!registry.isFree(t), "\(t)")
        }
        let reasons = try Self.skipReasons(["azurerm_virtual_network_gateway", "azurerm_virtual_network"])
        #expect(reasons["azurerm_virtual_network_gateway"] == nil, "priced (issue 15), so neither free nor skipped")
        #expect(reasons["azurerm_virtual_network"] == .free)
    }

    @Test func freeIsAnExactNameNeverAPrefixOrSuffix() {
        for t in ["aws_iam_role", "aws_vpc", "aws_subnet", "null_resource", "terraform_data", "random_password", "random_bytes",
                  "time_sleep", "tls_private_key", "tls_cert_request", "local_file", "local_sensitive_file", "archive_file",
                  "kubernetes_namespace_v1", "azurerm_resource_group", "google_project_iam_member"] {
            #expect(registry.isFree(t), "\(t)")
        }
        for t in ["aws_iam_role_x", "aws_vpc_x", "random_", "null_", "http", "external", "time_", "tls_x", "aws_x_policy_attachment",
                  "aws_x_association", "google_x_iam_member", "kubernetes_deployment_v2", "kubernetes_namespace_v9"] {
            #expect(!registry.isFree(t), "\(t)")
        }
        #expect(registry.isFree("k8s:ConfigMap") && !registry.isFree("k8s:Widget") && !registry.isFree("k8s:Deployment"))
    }

    @Test func noFreeTypeHasAPricer() {
        let priced = Set(registry.supportedTypes)
        #expect(priced.intersection(FreeTypes.terraform).isEmpty, "\(priced.intersection(FreeTypes.terraform).sorted())")
        #expect(FreeTypes.terraform.count > 1000)
    }

    /// The cost-bearing types of Infracost's goldens (copied into Fixtures): priced or unsupported, never free.
    @Test func noCostBearingTypeIsFree() throws {
        let types = try Self.fixtureCostBearing()
        #expect(types.count == 250)
        let free = types.filter { registry.isFree($0) }
        #expect(free.isEmpty, "free although they cost money: \(free)")
        let reasons = try Self.skipReasons(types.filter { registry.pricer(for: $0) == nil })
        #expect(reasons.values.allSatisfy { $0 == .unsupported }, "\(reasons.filter { $0.value != .unsupported })")
    }

    static func fixtureCostBearing() throws -> [String] {
        try readText(Paths.fixtures + "/cost-bearing-types.txt").split(whereSeparator: \.isNewline)
            .filter { !$0.hasPrefix("#") }.map(String.init)
    }

    /// Types with a non-zero monthly cost or usage price in the goldens: ` TYPE.NAME` (after any `module.X.`)
    /// heads a resource, its `├─`/`└─` lines carry the dollars.
    static func goldenCostBearing() throws -> Set<String> {
        var out: Set<String> = []
        for folder in ["aws", "azure", "google"] {
            let dir = goldens + "/" + folder
            for test in FileIO.list(dir) {
                for f in FileIO.list(dir + "/" + test) where f.hasSuffix(".golden") {
                    var current: String?
                    for line in try readText(dir + "/" + test + "/" + f).split(separator: "\n", omittingEmptySubsequences: false) {
                        var body = line.drop { $0 == " " }
                        while body.last == " " { body = body.dropLast() }
                        if body.isEmpty { current = nil; continue }
                        if line.hasPrefix(" "), !line.dropFirst().hasPrefix(" "), !body.contains(" "), body.contains(".") {
                            var parts = body.split(separator: ".")[...]
                            while parts.first == "module" { parts = parts.dropFirst(2) }
                            if let t = parts.first, t.contains("_"), t.first!.isLowercase { current = String(t) }
                            continue
                        }
                        guard let type = current, ["├", "└", "│"].contains(where: { body.hasPrefix($0) }) else { continue }
                        for piece in body.split(separator: "$").dropFirst() {
                            let number = piece.prefix { $0.isNumber || $0 == "," || $0 == "." }.filter { $0 != "," }
                            if let d = Decimal(string: String(number)), d > 0 { out.insert(type) }
                        }
                    }
                }
            }
        }
        return out
    }

    @Test(.enabled(if: FileIO.exists(Self.goldens), "needs ../shared/corpus/hcl/infracost-goldens"))
    func theFixtureIsTheGoldensCostBearingTypes() throws {
        let parsed = try Self.goldenCostBearing()
        let fixture = Set(try Self.fixtureCostBearing())
        #expect(parsed == fixture, "\(parsed.symmetricDifference(fixture).sorted())")
    }

    @Test(.enabled(if: FileIO.exists(Self.freeCSV), "needs ../shared/pricefacts/free-types.csv"))
    func everyTypeOnTheCitedFreeListIsReportedFree() throws {
        let types = try readText(Self.freeCSV).split(whereSeparator: \.isNewline).dropFirst()
            .map { String($0.prefix { $0 != "," }) }
        #expect(types.count == 988)
        let withoutPricer = types.filter { registry.pricer(for: $0) == nil }
        #expect(withoutPricer.filter { !registry.isFree($0) }.isEmpty)
        let reasons = try Self.skipReasons(withoutPricer)
        #expect(reasons.count == withoutPricer.count)
        #expect(reasons.values.allSatisfy { $0 == .free }, "not free: \(reasons.filter { $0.value != .free }.keys.sorted())")
    }

    /// The corpus plans: nothing priced above zero is of a free type, nothing reported free costs money in the
    /// goldens, and nothing on the cited free list is "not supported yet".
    @Test(.enabled(if: FileIO.exists(Self.freeCSV) && FileIO.exists(Paths.tfplans), "needs ../shared"))
    func corpusSweep() throws {
        let costBearing = Set(try Self.fixtureCostBearing())
        let cited = Set(try readText(Self.freeCSV).split(whereSeparator: \.isNewline).dropFirst().map { String($0.prefix { $0 != "," }) })
        var free = 0, unsupported = 0
        for name in Corpus.plans() where !Corpus.broken.contains(name) {
            let e = try runEstimate([Paths.corpus + "/" + name])
            for r in e.resources where r.monthlyCost > 0 { #expect(!registry.isFree(r.type), "\(name): \(r.address)") }
            // free by type (a pricer may still find one instance free, e.g. a gateway VPC endpoint)
            for s in e.skipped where s.reason == .free && registry.pricer(for: s.type) == nil {
                free += 1
                let costs = costBearing.contains(s.type)
                #expect(!costs, "\(name): \(s.address) is reported free but costs money")
            }
            for s in e.skipped where s.reason == .unsupported {
                unsupported += 1
                let onTheList = cited.contains(s.type)
                #expect(!onTheList, "\(name): \(s.address) is on the free list but not supported yet")
            }
        }
        #expect(free > 0 && unsupported > 0)
    }
}
