import FoundationEssentials
import Dispatch
import Synchronization

/// One input: a file on disk (or `-`), or bytes read from elsewhere (a git commit) under a display name.
public struct InputFile: Sendable, Equatable {
    public var name: String
    public var bytes: [UInt8]?
    /// Found by walking a folder (not named by the user): JSON in it that is no plan is passed over, not an error.
    public var walked: Bool
    public init(name: String, bytes: [UInt8]? = nil, walked: Bool = false) {
        self.name = name
        self.bytes = bytes
        self.walked = walked
    }
}

/// Expands the paths a user gives into input files, in a stable order.
public enum Inputs {
    public static let planExtensions = [".json"]
    public static let manifestExtensions = [".yaml", ".yml"]

    /// Files named directly are kept as given; directories are walked (sorted, hidden entries skipped)
    /// for `.json`, `.yaml` and `.yml` files.
    public static func expand(_ paths: [String]) throws -> [String] { try expandInputs(paths).map(\.name) }

    /// `expand`, with each file marked as named or found by walking a folder.
    public static func expandInputs(_ paths: [String]) throws -> [InputFile] {
        var out: [InputFile] = []
        for path in paths {
            if path == "-" { out.append(InputFile(name: path)); continue }
            guard FileIO.exists(path) else {
                if let place = declared.withLock({ $0[path] }) {
                    throw CostGateError("\(Limits.echo(path)): no such file or directory (paths in the configuration are relative to it)", at: place)
                }
                throw CostGateError("no such file or directory", at: SourceLocation(file: path))
            }
            if FileIO.isDirectory(path) {
                var found: [String] = []
                walk(path, into: &found)
                out += found.map { InputFile(name: $0, walked: true) }
            } else {
                out.append(InputFile(name: path))
            }
        }
        return out
    }

    /// Where the configuration names each of its paths (a path not found is reported at its place there).
    private static let declared = Mutex<[String: SourceLocation]>([:])
    static func declare(_ path: String, at place: SourceLocation) { declared.withLock { $0[path] = place } }

    private static func walk(_ dir: String, into out: inout [String]) {
        for (name, isDirectory) in FileIO.entries(dir) where !name.hasPrefix(".") {
            let path = dir.hasSuffix("/") ? dir + name : dir + "/" + name
            if isDirectory {
                walk(path, into: &out)
            } else if planExtensions.contains(where: { name.hasSuffix($0) }) || manifestExtensions.contains(where: { name.hasSuffix($0) }) {
                out.append(path)
            }
        }
    }
}

extension Inputs {
    enum Kind {
        /// A plan, with its bytes when they were already read (standard input).
        case plan([UInt8]?)
        case manifest([UInt8])
    }

    /// A Terraform plan or Kubernetes manifests? `.yaml`/`.yml` are manifests; JSON and standard input are
    /// a plan when they look like one (plan keys near the top, a BOM, a zip, the setup-terraform wrapper).
    static func kind(of file: String) throws -> Kind {
        if manifestExtensions.contains(where: { file.hasSuffix($0) }) { return .manifest(try FileIO.read(file)) }
        if file == "-" {
            let bytes = try FileIO.read(file)
            return looksLikeManifest(Array(bytes.prefix(4096))) ? .manifest(bytes) : .plan(bytes)
        }
        if file.hasSuffix(".json"), let head = try? FileIO.readPrefix(file, count: 4096), looksLikeManifest(head) {
            return .manifest(try FileIO.read(file))
        }
        return .plan(nil)
    }

    static func kind(of input: InputFile) throws -> Kind {
        guard let bytes = input.bytes else { return try kind(of: input.name) }
        if manifestExtensions.contains(where: { input.name.hasSuffix($0) }) { return .manifest(bytes) }
        return looksLikeManifest(Array(bytes.prefix(4096))) ? .manifest(bytes) : .plan(bytes)
    }

    /// Keys only a plan has near its top.
    static let planKeys = ["\"format_version\"", "\"resource_changes\"", "\"planned_values\"", "\"terraform_version\"", "\"prior_state\""]

    /// Plan keys near the top, or the shapes of plans the plan reader explains (BOM, zip, wrapper text).
    static func looksLikePlan(_ head: [UInt8]) -> Bool {
        let text = String(decoding: head, as: UTF8.self)
        return planKeys.contains { text.contains($0) } || text.hasPrefix("[command]") || head.first == 0xFF || head.first == 0xFE
            || head.starts(with: [0x50, 0x4B, 0x03, 0x04])
    }

    /// A JSON object whose first keys name `apiVersion`/`kind` and none of a plan's.
    static func looksLikeManifest(_ head: [UInt8]) -> Bool {
        let text = String(decoding: head, as: UTF8.self)
        if planKeys.contains(where: { text.contains($0) }) { return false }
        if text.hasPrefix("[command]") || head.first == 0xFF || head.first == 0xFE || head.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            return false
        }
        let trimmed = text.drop(while: { $0 == " " || $0 == "\n" || $0 == "\r" || $0 == "\t" })
        if trimmed.first == "{" { return text.contains("\"apiVersion\"") && text.contains("\"kind\"") }
        return !trimmed.isEmpty
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

    /// The resources of every input, in order, and what the readers skipped.
    public func read() throws -> (resources: [Resource], skipped: [SkippedResource], files: [String]) {
        let r = try readWithNotes()
        return (r.resources, r.skipped, r.files)
    }

    /// `read()`, and what the report must say about Terraform source (what stayed unknown, and why).
    public func readWithNotes() throws -> (resources: [Resource], skipped: [SkippedResource], files: [String], notes: [String]) {
        // Terraform source (.tf) is read by the HCL reader; plans and manifests beside it as before
        let terraform = try TerraformSource.read(paths, defaultRegion: options.defaultRegion, assignments: options.terraformVariables)
        let notes = terraform?.notes ?? []
        let files = try Inputs.expandInputs(paths).filter {
            !(terraform?.folders.contains(FileIO.parent($0.name)) ?? false) && !$0.name.hasSuffix(".tf.json")
        }
        if let terraform, files.isEmpty { return (terraform.resources, terraform.skipped, terraform.roots, notes) }
        guard !files.isEmpty else { throw CostGateError("no plan files found in \(paths.joined(separator: ", "))") }
        let read = try read(files)
        return ((terraform?.resources ?? []) + read.resources, (terraform?.skipped ?? []) + read.skipped, (terraform?.roots ?? []) + read.files, notes)
    }

    /// The resources of these inputs, in order, and what the readers skipped. Several files are read on
    /// both cores: each thread takes the next file not yet taken (so a large file does not hold the other
    /// thread up), and the results are put back in input order. Each thread holds one file's bytes at a time.
    public func read(_ inputs: [InputFile]) throws -> (resources: [Resource], skipped: [SkippedResource], files: [String]) {
        let reader = estimator.planReader(defaultRegion: options.defaultRegion, regionWasGiven: options.regionWasGiven,
                                          customPrices: options.customPrices)
        let results = Mutex<[Int: Result<FileResult, any Error>]>([:])
        let next = Atomic<Int>(0)
        let failed = Atomic<Bool>(false)
        let work: @Sendable (Int) -> Void = { _ in
            // files are taken in increasing order, so once one fails, every earlier one is done or under way
            while !failed.load(ordering: .relaxed) {
                let i = next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard i < inputs.count else { return }
                let result = Result { try self.read(inputs[i], reader: reader) }
                if case .failure = result { failed.store(true, ordering: .relaxed) }
                results.withLock { $0[i] = result }
            }
        }
        if inputs.count >= 2 { DispatchQueue.concurrentPerform(iterations: 2, execute: work) } else { work(0) }
        var resources: [Resource] = []
        var skipped: [SkippedResource] = []
        let done = results.withLock { $0 }
        for i in inputs.indices {
            // the first error in input order is the one reported
            guard let result = done[i] else { break }
            let file = try result.get()
            resources += file.resources
            skipped += file.skipped
        }
        return (resources, skipped, inputs.map(\.name))
    }

    private struct FileResult: Sendable {
        var resources: [Resource] = []
        var skipped: [SkippedResource] = []
    }

    private func read(_ input: InputFile, reader: PlanReader) throws -> FileResult {
        let file = input.name
        let started = ContinuousClock().now
        defer { if Timings.enabled { Timings.report("read \(file)", since: started) } }
        switch try Inputs.kind(of: input) {
        case .plan(let bytes):
            // not ours: skipped with the reason under --skip-other-files (the hooks) or when found by walking a
            // folder (tfvars.json, package.json), else the reader's one-line error
            let notAPlan = FileResult(skipped: [SkippedResource(address: file, type: "file", reason: .notAPlan,
                                                                detail: "not a Terraform plan: none of a plan's keys (format_version, resource_changes, planned_values)",
                                                                location: SourceLocation(file: file))])
            if options.skipOtherFiles {
                let head = try bytes.map { Array($0.prefix(4096)) } ?? FileIO.readPrefix(file, count: 4096)
                if !Inputs.looksLikePlan(head) { return notAPlan }
            }
            do {
                let plan = try bytes.map { try reader.read(bytes: $0, file: file) } ?? reader.read(path: file)
                return FileResult(resources: plan.resources)
            } catch let e as CostGateError where (options.skipOtherFiles || input.walked) && e.message == PlanReader.notAPlan {
                return notAPlan
            }
        case .manifest(let bytes):
            let manifests = try KubernetesReader().read(bytes: bytes, file: file)
            if manifests.resources.isEmpty, !manifests.skipped.isEmpty, manifests.skipped.allSatisfy({ $0.reason == .notKubernetes }) {
                // a YAML file with no Kubernetes document (Helm values, a config file): one line for the file
                return FileResult(skipped: [SkippedResource(address: file, type: "file", reason: .notKubernetes,
                                                            detail: "no Kubernetes documents (none has apiVersion and kind): not a manifest (Helm values, a config file?)",
                                                            location: SourceLocation(file: file))])
            }
            return FileResult(resources: manifests.resources, skipped: manifests.skipped)
        }
    }

    public func estimate() throws -> Estimate {
        let started = ContinuousClock().now
        let (resources, skipped, files) = try read()
        Timings.report("inputs read", since: started)
        var estimate = try estimator.estimate(resources, inputs: files, options: options)
        estimate.skipped.append(contentsOf: skipped)
        return estimate
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
