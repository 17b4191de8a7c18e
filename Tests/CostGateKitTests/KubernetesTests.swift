import FoundationEssentials
import Testing
@testable import CostGateKit

/// A fresh book set per run: reports name the books a run used, so runs must not share one.
var k8sBooks: PriceBookSet { PriceBookSet(paths: ["aws": Paths.awsBook, "k8s": Paths.pricebooks + "/k8s/k8s-2026.11.0.tsv"]) }

func k8sEstimate(_ file: String, profile: ClusterProfile = .openCostDefault) throws -> Estimate {
    let books = PriceBookSet(paths: ["aws": Paths.awsBook, "k8s": Paths.pricebooks + "/k8s/k8s-2026.11.0.tsv"], books: profile.books)
    let options = EstimateOptions(pricebooks: books, profile: profile)
    return try Run(paths: [Paths.fixtures + "/kubernetes/" + file], options: options).estimate()
}

extension Estimate {
    func resource(_ address: String) -> ResourceCost? { resources.first { $0.address == address } }
}

extension ResourceCost {
    /// A component's quantity, as text rounded to 9 places (Decimal division may leave a last-digit difference).
    func quantity(_ prefix: String) -> String? {
        components.first { $0.name.hasPrefix(prefix) }?.quantity.decimal.map { Money.format($0, scale: 9) }
    }
}

/// The same rounding for expected values.
func q(_ d: Decimal) -> String { Money.format(d, scale: 9) }

@Suite struct KubernetesGoldenTests {
    static let dir = Paths.fixtures + "/kubernetes"
    static let fixtures = FileIO.list(dir).filter { ($0.hasSuffix(".yaml") && !$0.hasPrefix("node-profile")) || $0.hasSuffix(".json") }

    @Test(arguments: fixtures)
    func golden(_ name: String) throws {
        let text = try render(k8sEstimate(name), "table").replacingOccurrences(of: Self.dir + "/", with: "")
        #expect(try matchesGolden(text, Self.dir + "/\(name).golden"), "table output of \(name) differs from its golden")
    }

    @Test func nodeProfileGolden() throws {
        let profile = try ClusterProfile.load(path: Self.dir + "/node-profile.yaml")
        let text = try render(k8sEstimate("node-profile-manifests.yaml", profile: profile), "table").replacingOccurrences(of: Self.dir + "/", with: "")
        #expect(try matchesGolden(text, Self.dir + "/node-profile-manifests.yaml.golden"))
    }
}

@Suite struct KubernetesSemanticsTests {
    let hours = Money.hoursPerMonth

    @Test func initContainersAndSidecars() throws {
        let e = try k8sEstimate("init-containers.yaml")
        let serve = try #require(e.resource("Pod/shop/migrate-then-serve"))
        #expect(serve.quantity("CPU") == q(2 * hours))   // the init container's 2 CPU beats 0.5 + 0.5
        #expect(serve.quantity("Memory") == q(1 * hours))   // 1Gi beats 512Mi + 256Mi
        let sidecar = try #require(e.resource("Pod/shop/with-sidecar"))
        #expect(sidecar.quantity("CPU") == q(Decimal(string: "1.6")! * hours))   // sidecar 0.5 + init 1, plus 0.1 overhead
        let sidecarMemory: Decimal = Decimal(1216) / 1024 * hours    // app 1Gi + sidecar 128Mi + 64Mi overhead
        #expect(sidecar.quantity("Memory") == q(sidecarMemory))
    }

    @Test func limitsOnlyBecomeRequests() throws {
        let d = try #require(try k8sEstimate("limits-only.yaml").resource("Deployment/default/limits-only"))
        #expect(d.quantity("CPU") == q(2 * Decimal(string: "1.1")! * hours))
        let memory: Decimal = 2 * (1 + Decimal(128) / 1024) * hours
        #expect(d.quantity("Memory") == q(memory))
    }

    @Test func limitRangeDefaultsAndContainersWithoutRequests() throws {
        let e = try k8sEstimate("limitrange.yaml")
        let defaulted = try #require(e.resource("Deployment/team-a/defaulted"))
        #expect(defaulted.quantity("CPU") == q(4 * Decimal(string: "0.25")! * hours))
        #expect(!defaulted.has(.costUnknown))
        let undeclared = try #require(e.resource("Deployment/team-b/undeclared"))
        #expect(undeclared.has(.costUnknown))
        #expect(e.summary.costUnknown == 1)
    }

    @Test func hpaSetsMinimumAndCeiling() throws {
        let e = try k8sEstimate("hpa.yaml")
        let web = try #require(e.resource("Deployment/shop/web"))
        #expect(web.quantity("CPU") == q(2 * hours))
        #expect(web.ceiling == 5)
        #expect(web.maxMonthlyCost == web.monthlyCost * 5)
        let other = try #require(e.resource("Deployment/other/web"))
        #expect(other.quantity("CPU") == q(3 * hours))
        #expect(other.ceiling == nil)
        #expect(e.maxTotalMonthlyCost == web.monthlyCost * 5 + other.monthlyCost)
    }

    @Test func zeroReplicasCostNothing() throws {
        let e = try k8sEstimate("zero-replicas.yaml")
        #expect(e.totalMonthlyCost == 0)
        #expect(e.resources[0].components.allSatisfy { $0.quantity.decimal == 0 })
    }

    @Test func volumeClaimTemplatesTimesReplicasAndStaticClaims() throws {
        let e = try k8sEstimate("storage.yaml")
        #expect(e.resource("StatefulSet/data/db")?.quantity("Volume claim template pgdata") == q(300 * hours))
        let uploads: Decimal = Decimal(512_000_000) / 1_073_741_824 * hours
        #expect(e.resource("PersistentVolumeClaim/data/uploads")?.quantity("Storage") == q(uploads))
        #expect(e.skipped.contains { $0.address == "PersistentVolumeClaim/data/static" && $0.reason == .free })
    }

    @Test func gpusAndTPUs() throws {
        let e = try k8sEstimate("gpus.yaml")
        let inference = try #require(e.resource("Deployment/ml/inference"))
        #expect(inference.quantity("GPUs") == q(2 * hours))
        #expect(inference.components.contains { $0.name.contains("nvidia-l4") })
        let tpu = try #require(e.resource("Job/ml/train-tpu"))
        #expect(tpu.components.first { $0.name.hasPrefix("TPU") }?.status == .priceNotFound)
        #expect(tpu.quantity("CPU") == q(8 * 2))   // one run of 120 minutes
    }

    @Test func loadBalancerServicesOnly() throws {
        let e = try k8sEstimate("services.yaml")
        #expect(e.resource("Service/shop/public")?.quantity("Load balancer") == q(hours))
        #expect(e.skipped.contains { $0.address == "Service/shop/internal" && $0.reason == .free })
    }

    @Test func daemonSetsCronJobsAndOtherDocuments() throws {
        let e = try k8sEstimate("schedules.yaml")
        #expect(e.resource("DaemonSet/monitoring/node-exporter")?.quantity("CPU") == q(3 * Decimal(string: "0.1")! * hours))
        // */15 → 96 runs a day over a 730-hour month, 10 minutes each
        let cronHours: Decimal = 96 * hours / 24 * 10 / 60
        #expect(e.resource("CronJob/jobs/report")?.quantity("CPU") == q(cronHours))
        #expect(e.resource("CronJob/jobs/nightly")?.has(.dependsOnUsage) == true)
        #expect(e.skipped.contains { $0.reason == .notKubernetes })
    }

    @Test func aPodThatAsksForTheWholeNodePaysTheNode() throws {
        let profile = try ClusterProfile.load(path: Paths.fixtures + "/kubernetes/node-profile.yaml")
        let e = try k8sEstimate("node-profile-manifests.yaml", profile: profile)
        let pod = try #require(e.resource("Pod/default/whole-node"))
        #expect(Money.format(pod.monthlyCost, scale: 2) == "70.08")       // m5.large: 0.096 × 730
        #expect(e.resource("PersistentVolumeClaim/default/data")?.components.first?.priceKey == "aws/ebs/us-east-1/storage/gp3")
    }

    @Test func terraformKubernetesResourcesUseTheSamePricers() throws {
        let e = try k8sEstimate("terraform-kubernetes.json")
        let api = try #require(e.resource("kubernetes_deployment_v1.api"))
        #expect(api.quantity("CPU") == q(3 * 2 * hours))   // 3 replicas × the 2-CPU init container
        #expect(e.resource("kubernetes_persistent_volume_claim_v1.data")?.quantity("Storage") == q(20 * hours))
        #expect(e.resource("kubernetes_service_v1.lb")?.quantity("Load balancer") == q(hours))
        #expect(e.skipped.contains { $0.address == "kubernetes_namespace_v1.shop" && $0.reason == .free })
    }

    @Test func microservicesDemoPricesEveryDeployment() throws {
        let options = EstimateOptions(pricebooks: k8sBooks)
        let e = try Run(paths: [Paths.fixtureCorpus + "/k8s/GoogleCloudPlatform__microservices-demo/release__kubernetes-manifests.yaml"],
                        options: options).estimate()
        let deployments = e.resources.filter { $0.type == "k8s:Deployment" }
        #expect(deployments.count == 12)
        #expect(deployments.allSatisfy { $0.monthlyCost > 0 && $0.components.allSatisfy { $0.status == .priced } })
        let json = try render(e, "json")
        #expect(json.contains("\"address\": \"Deployment/default/frontend\""))
    }
}

@Suite struct KubernetesInputTests {
    @Test(arguments: [("100m", "0.1"), ("0.5", "0.5"), ("2Gi", "2147483648"), ("512M", "512000000"), ("1e3", "1000"),
                      ("1E-3", "0.001"), (".5", "0.5"), ("+1", "1"), ("10", "10"), ("64Mi", "67108864"), ("1k", "1000"),
                      ("250u", "0.00025"), ("1Ei", "1152921504606846976")])
    func quantities(_ text: String, _ value: String) {
        #expect(KubeQuantity.parse(text) == Decimal(string: value)!)
    }

    @Test(arguments: ["", "abc", "1.2.3", "${ACCELERATOR_QUANTITY}", "10 Gi", "1x", "Gi", "1e"])
    func notQuantities(_ text: String) { #expect(KubeQuantity.parse(text) == nil) }

    @Test(arguments: [("*/15 * * * *", "2920"), ("0 3 * * *", "30.416666666666666666666666666666666667"), ("@hourly", "730"),
                      ("0 0 * * 1-5", "21.726190476190476190476190476190476191"), ("0 0 1 * *", "0.9993155373032169746748802190280629705")])
    func cronRunsPerMonth(_ schedule: String, _ runs: String) {
        let got = CronSchedule.runsPerMonth(schedule)
        #expect(got.map { Money.format($0, scale: 6) } == Money.format(Decimal(string: runs)!, scale: 6))
    }

    func errorOf(_ yaml: String) -> String {
        do { _ = try KubernetesReader().read(bytes: Array(yaml.utf8), file: "m.yaml"); return "no error" } catch { return "\(error)" }
    }

    @Test func badQuantitiesAndSyntaxErrorsHaveAPlace() {
        #expect(errorOf("apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: a\n    resources:\n      requests: {cpu: lots}\n")
                .hasPrefix("m.yaml:8:23: requests.cpu: \"lots\" is not a Kubernetes quantity"))
        #expect(errorOf("apiVersion: v1\nkind: Pod\nmetadata: {name: [p\n").hasPrefix("m.yaml:4:1: invalid YAML"))
        #expect(errorOf("apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: a\n    resources:\n    - cpu: 1\n")
                .hasPrefix("m.yaml:8:5: `resources` must be a mapping"))
        #expect(errorOf("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata: *nope\n") == "m.yaml:4:7: YAML alias *nope names no anchor")
    }

    @Test func listsAnchorsJSONAndCustomResources() throws {
        let yaml = """
        ---
        ---
        apiVersion: v1
        kind: List
        items:
        - apiVersion: v1
          kind: ConfigMap
          metadata: {name: a}
        - apiVersion: example.com/v1
          kind: Widget
          metadata: {name: w}
          spec: {resources: {requests: {cpu: "100"}}}
        ---
        base: &req {cpu: 250m}
        ---
        {"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "json-ns"}}
        """
        let r = try KubernetesReader().read(bytes: Array(yaml.utf8), file: "m.yaml")
        #expect(r.resources.map(\.address) == ["ConfigMap/default/a", "Widget/default/w", "Namespace/json-ns"])
        #expect(r.skipped.count == 1)
        #expect(PricerRegistry.standard.isFree("k8s:ConfigMap"))
        #expect(!PricerRegistry.standard.isFree("k8s:Widget"))
    }
}

@Suite struct TagTests {
    @Test func labelsAndTagsAreTheResourceTags() throws {
        let k8s = try KubernetesReader().read(bytes: Array("""
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: a, labels: {team: payments}}
        spec: {template: {metadata: {labels: {app: a, team: ignored}}}}
        """.utf8), file: "m.yaml")
        #expect(k8s.resources[0].tags == ["team": "payments", "app": "a"])
        let plan = try Estimator().planReader(defaultRegion: "us-east-1", regionWasGiven: false).read(bytes: Array("""
        {"resource_changes": [{"address": "aws_instance.a", "mode": "managed", "type": "aws_instance", "name": "a",
          "change": {"actions": ["create"], "after": {"tags": {"team": "x"}, "tags_all": {"team": "x", "env": "prod", "secret": "s3cr3t"}},
                     "after_unknown": {}, "after_sensitive": {"tags_all": {"secret": true}}}}]}
        """.utf8), file: "p.json")
        #expect(plan.resources[0].tags == ["team": "x", "env": "prod"])
    }
}

@Suite struct ParallelYAMLTests {
    /// `n` Deployments, one document each, with a bad quantity in document `bad` if given.
    static func stream(_ n: Int, bad: Int? = nil) -> [UInt8] {
        var text = ""
        for i in 0..<n {
            text += "---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d\(i), namespace: ns\(i % 7)}\nspec:\n  replicas: \(i % 5)\n"
            text += "  template:\n    spec:\n      containers:\n      - name: c\n        image: x\n        resources:\n          requests:\n"
            text += "            cpu: \(i == bad ? "lots" : "\(i % 900 + 100)m")\n            memory: \(i % 3 + 1)Gi\n"
        }
        return Array(text.utf8)
    }

    @Test func twoHalvesReadLikeOneStream() throws {
        let bytes = Self.stream(3000)
        let one = try KubernetesReader().read(bytes: bytes, file: "m.yaml", parallel: false)
        let two = try KubernetesReader().read(bytes: bytes, file: "m.yaml", parallel: true)
        #expect(two.resources.count == 3000)
        #expect(one.resources.map(\.address) == two.resources.map(\.address))
        #expect(one.resources.map { $0.location?.description } == two.resources.map { $0.location?.description })
        #expect(one.resources.map(\.attributes) == two.resources.map(\.attributes))
        #expect(two.resources.last?.location?.line == 15 * 2999 + 2)      // 15 lines a document
    }

    @Test func anErrorInTheSecondHalfHasItsLineInTheFile() throws {
        let bytes = Self.stream(3000, bad: 2500)
        for parallel in [false, true] {
            #expect(throws: CostGateError("requests.cpu: \"lots\" is not a Kubernetes quantity (such as 500m, 0.5, 2Gi, 512M, 1e3)",
                                          at: SourceLocation(file: "m.yaml", line: 15 * 2500 + 14, column: 18))) {
                try KubernetesReader().read(bytes: bytes, file: "m.yaml", parallel: parallel)
            }
        }
    }
}
