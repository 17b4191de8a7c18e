import FoundationEssentials
/// Expands the paths a user gives into input files, in a stable order.
public enum Inputs {
    public static let planExtensions = [".json"]
    public static let manifestExtensions = [".yaml", ".yml"]

    /// Files named directly are kept as given; directories are walked (sorted, hidden entries skipped)
    /// for `.json`, `.yaml` and `.yml` files.
    public static func expand(_ paths: [String]) throws -> [String] {
        var out: [String] = []
        for path in paths {
            if path == "-" { out.append(path); continue }
            guard FileIO.exists(path) else {
                throw CostGateError("no such file or directory", at: SourceLocation(file: path))
            }
            if FileIO.isDirectory(path) { walk(path, into: &out) } else { out.append(path) }
        }
        return out
    }

    private static func walk(_ dir: String, into out: inout [String]) {
        for name in FileIO.list(dir) where !name.hasPrefix(".") {
            let path = dir.hasSuffix("/") ? dir + name : dir + "/" + name
            if FileIO.isDirectory(path) {
                walk(path, into: &out)
            } else if (planExtensions + manifestExtensions).contains(where: { name.hasSuffix($0) }) {
                out.append(path)
            }
        }
    }
}

/// A run over inputs: read every file, then price everything together.
public struct Run: Sendable {
    public var paths: [String]
    public var options: EstimateOptions
    public var estimator: Estimator

    public init(paths: [String], options: EstimateOptions, estimator: Estimator = Estimator()) {
        self.paths = paths
        self.options = options
        self.estimator = estimator
    }

    public func estimate() throws -> Estimate {
        let files = try Inputs.expand(paths)
        guard !files.isEmpty else { throw CostGateError("no plan files found in \(paths.joined(separator: ", "))") }
        let reader = estimator.planReader(defaultRegion: options.defaultRegion, regionWasGiven: options.regionWasGiven)
        var resources: [Resource] = []
        let clock = ContinuousClock()
        let started = clock.now
        defer { Timings.report("read+price+value", since: started) }
        for file in files {
            if Inputs.manifestExtensions.contains(where: { file.hasSuffix($0) }) {
                throw CostGateError("Kubernetes manifests are not supported yet; pass a Terraform plan (`terraform show -json PLANFILE`)",
                                    at: SourceLocation(file: file))
            }
            let parseStarted = clock.now
            let plan = try reader.read(path: file)
            Timings.report("read plan", since: parseStarted)
            resources.append(contentsOf: plan.resources)
        }
        Timings.report("inputs read", since: started)
        return try estimator.estimate(resources, inputs: files, options: options)
    }
}

/// `COSTGATE_TIMINGS=1` prints how long each stage took to standard error (for benchmarking).
public enum Timings {
    public static let enabled = FileIO.environment("COSTGATE_TIMINGS") == "1"

    /// Current resident set size, from /proc/self/statm.
    static func residentMB() -> String {
        guard let bytes = try? FileIO.read("/proc/self/status") else { return "?" }
        var now = "?", peak = "?"
        for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n") {
            let parts = line.split(separator: " ", omittingEmptySubsequences: true)
            guard parts.count >= 2, let kb = Int(parts[1]) else { continue }
            if line.hasPrefix("VmRSS:") { now = "\(kb / 1024)" }
            if line.hasPrefix("VmHWM:") { peak = "\(kb / 1024)" }
        }
        return "\(now) (peak \(peak))"
    }

    public static func report(_ stage: String, since start: ContinuousClock.Instant) {
        guard enabled else { return }
        let d = ContinuousClock().now - start
        let ms = Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15
        FileIO.write("costgate: timing: \(stage): \(Int(ms)) ms, resident \(residentMB()) MB\n", fd: 2)
    }
}
