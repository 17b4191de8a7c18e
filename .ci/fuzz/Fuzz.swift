// libFuzzer entry point for costgate's readers. Compiled together with Sources/CostGateKit (one module), so it
// reaches the readers directly. One binary, many targets: COSTGATE_FUZZ_TARGET picks the reader.
//   plan      Terraform plan JSON → resources → priced → JSON, table and github reports
//   manifest  Kubernetes YAML/JSON manifests → resources → priced → reports
//   config    .costgate.yml (Config.load), and its policies run over a sample workload
//   usage     a usage file (UsageFile.load), then a sample plan priced with it
//   profile   a cluster profile (ClusterProfile.load), then sample workloads priced with it
//   quantity  the Kubernetes quantity grammar and the number checks (fast paths agree with Decimal)
//   report    a costgate JSON report read back as a --base (ReportInput.read)
//   hcl       the HCL reader, when Sources/CostGateKit/Inputs/HCL exists (built with -D COSTGATE_FUZZ_HCL)
// Beyond crashes, a target aborts (a finding for libFuzzer) when an error is not one line.
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

enum Fuzz {
    static let target: String = getenv("COSTGATE_FUZZ_TARGET").map { String(cString: $0) } ?? "plan"
    static let scratch = "/tmp/costgate-fuzz-\(getpid())"
    static let bookPaths: [String: String] = {
        let dir = getenv("COSTGATE_PRICEBOOKS").map { String(cString: $0) } ?? "pricebooks"
        let catalog = PriceBookCatalog(directory: dir)
        var paths: [String: String] = [:]
        for id in Set(catalog.entries.map(\.id)) { if let e = catalog.latest(id) { paths[id] = e.path } }
        return paths
    }()
    static let sampleManifest = Array("""
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: shop, labels: {team: a}}
        spec:
          replicas: 3
          template:
            spec:
              containers: [{name: c, image: x, resources: {requests: {cpu: 500m, memory: 1Gi}}}]
        ---
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: nightly, namespace: shop, annotations: {costgate.dev/run-duration-minutes: "20"}}
        spec:
          schedule: "0 2 * * *"
          jobTemplate: {spec: {template: {spec: {containers: [{name: r, image: x, resources: {requests: {cpu: "1", memory: 2Gi}}}]}}}}
        """.utf8)
    static let sharedBooks = PriceBookSet(paths: bookPaths)
    static let samplePlan = Array("""
        {"format_version": "1.2", "resource_changes": [
          {"address": "aws_lambda_function.api", "mode": "managed", "type": "aws_lambda_function", "name": "api",
           "change": {"actions": ["create"], "after": {"memory_size": 512, "architectures": ["x86_64"]}}},
          {"address": "aws_lb.public", "mode": "managed", "type": "aws_lb", "name": "public",
           "change": {"actions": ["create"], "after": {"load_balancer_type": "application"}}},
          {"address": "aws_nat_gateway.main", "mode": "managed", "type": "aws_nat_gateway", "name": "main",
           "change": {"actions": ["create"], "after": {}}}]}
        """.utf8)

    /// The sample workloads, read once (they do not depend on the input; only what the input configures does).
    static let sampleManifestResources: [Resource] = (try? KubernetesReader().read(bytes: sampleManifest, file: "sample.yaml").resources) ?? []
    static let samplePlanResources: [Resource] =
        (try? Estimator().planReader(defaultRegion: "us-east-1", regionWasGiven: false).read(bytes: samplePlan, file: "sample.json").resources) ?? []

    static func write(_ bytes: [UInt8]) -> String {
        let fd = open(scratch, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        if fd >= 0 {
            bytes.withUnsafeBufferPointer { b in _ = Glibc.write(fd, b.baseAddress, b.count) }
            close(fd)
        }
        return scratch
    }

    /// The sample manifest's estimate with the default options: what the config target's policies judge (a
    /// configuration changes the findings, not this estimate, so it is made once).
    static let sampleManifestEstimate: Estimate? = try? Estimator().estimate(sampleManifestResources, inputs: ["fuzz"],
                                                                              options: EstimateOptions(pricebooks: sharedBooks))

    static func price(_ resources: [Resource], usage: UsageFile = UsageFile(), profile: ClusterProfile = .openCostDefault,
                      config: Config? = nil, estimated: Estimate? = nil) throws {
        // one book set for the whole run (books load once); a profile with prices of its own needs its own set
        let options = EstimateOptions(usage: usage, pricebooks: profile.books.isEmpty ? sharedBooks : PriceBookSet(paths: bookPaths, books: profile.books),
                                      profile: profile)
        let estimate = try estimated ?? Estimator().estimate(resources, inputs: ["fuzz"], options: options)
        var findings: [Finding] = []
        if let config, !config.policies.isEmpty {
            findings = PolicyEngine(policies: config.policies, exemptions: config.exemptions)
                .evaluate([PolicySubject(project: nil, resources: resources, changed: nil, head: estimate, base: nil)])
        }
        let report = Report(estimate: estimate, pricebooks: estimate.pricebooks, findings: findings)
        for format in ["json", "table", "github"] {
            let sink = OutputSink()
            try Reporters.reporter(for: format)!.write(report, to: sink)
            let text = sink.text
            // no control character of the input reaches a report (tabs and line ends are the report's own)
            if text.unicodeScalars.contains(where: { ($0.value < 0x20 && $0.value != 0x0A && $0.value != 0x09) || $0.value == 0x7F }) {
                fatalError("a control character in the \(format) report")
            }
        }
    }

    static func run(_ bytes: [UInt8]) throws {
        switch target {
        case "plan":
            let plan = try Estimator().planReader(defaultRegion: "us-east-1", regionWasGiven: false).read(bytes: bytes, file: "fuzz.json")
            try price(plan.resources)
        case "manifest":
            let m = try KubernetesReader().read(bytes: bytes, file: "fuzz.yaml")
            try price(m.resources)
        case "config":
            let config = try Config.load(path: write(bytes))
            for v in config.views { _ = try config.view(v.name) }
            try price(sampleManifestResources, config: config, estimated: sampleManifestEstimate)
        case "usage":
            let usage = try UsageFile.load(path: write(bytes))
            try price(samplePlanResources + sampleManifestResources, usage: usage)
        case "profile":
            let profile = try ClusterProfile.load(path: write(bytes))
            try price(sampleManifestResources, profile: profile)
        case "quantity":
            let text = String(decoding: bytes, as: UTF8.self)
            let parsed = KubeQuantity.parse(text)
            let milli = KubeQuantity.milli(text)
            if case .value(let v) = KubeQuantity.fastMilli(text) {
                // the integer fast path agrees with the exact Decimal path
                if let p = parsed, KubeQuantity.decimal(v, exponent: -3) != p { fatalError("fast path \(v) ≠ \(p) for \(text.debugDescription)") }
            }
            if let m = milli { _ = KubeQuantity.gibibytes(milliBytes: m) }
            let d = Money.parseDecimal(text)
            if d != nil && !Limits.numberInRange(text) { fatalError("a number out of range parsed: \(text.debugDescription)") }
            if let d, let p = parsed { _ = FastDecimal.multiply(d, p); _ = FastDecimal.add(d, p); _ = Money.format(d * p, scale: 2) }
            _ = CronSchedule.runsPerMonth(text)
            _ = try? TagPattern(text).matches(text)
        case "report":
            _ = try ReportInput.read(path: write(bytes))
        case "hcl":
            #if COSTGATE_FUZZ_HCL
            try FuzzHCL.run(bytes)
            #endif
            break
        default:
            fatalError("unknown COSTGATE_FUZZ_TARGET \(target)")
        }
    }
}

#if COSTGATE_FUZZ_HCL
/// The HCL reader's entry point (branch hcl): a folder with the input as its one `.tf` file.
enum FuzzHCL {
    static func run(_ bytes: [UInt8]) throws {
        let dir = Fuzz.scratch + ".d"
        mkdir(dir, 0o700)
        let fd = open(dir + "/main.tf", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        if fd >= 0 {
            bytes.withUnsafeBufferPointer { b in _ = Glibc.write(fd, b.baseAddress, b.count) }
            close(fd)
        }
        _ = try HCLReader.read(directory: dir)
    }
}
#endif

@_cdecl("LLVMFuzzerTestOneInput")
public func costgateFuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    do {
        try Fuzz.run(bytes)
    } catch let e as CostGateError {
        let line = "costgate: error: \(e.description)"
        if line.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) { fatalError("an error of more than one line: \(line.debugDescription)") }
    } catch {
        // other errors are printed by the CLI through the same one-line path
    }
    return 0
}
