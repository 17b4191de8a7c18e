import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif
/// Terraform source among the paths a user gives: which folders are root modules, and their resources.
///
/// A folder with `.tf`/`.tf.json` files is a module; in a tree, the roots are the modules no other folder
/// of the tree calls by a local path (Infracost's auto-detection does the same). Hidden folders
/// (`.terraform`, `.git`) are not walked.
public enum TerraformSource {
    public struct Found: Sendable {
        public var roots: [String] = []
        /// Every folder holding `.tf` files: plan and manifest discovery leaves their files alone.
        public var folders: Set<String> = []
        public var resources: [Resource] = []
        public var skipped: [SkippedResource] = []
        public var unknowns: [String] = []

        /// What the report says: the input was source, and each unknown that mattered.
        public var notes: [String] {
            ["read from Terraform source (\(roots.count) root module\(roots.count == 1 ? "" : "s")), not a plan: values known only after apply are unknown, not guessed"]
                + unknowns.map { "unknown: \($0)" }
        }
    }

    /// The root modules under these paths (in path order, each tree's roots sorted).
    public static func roots(in paths: [String]) throws -> (roots: [String], folders: Set<String>) {
        let (roots, folders, _) = try discover(paths)
        return (roots, folders)
    }

    static func discover(_ paths: [String]) throws -> (roots: [String], folders: Set<String>, parsed: [String: HCLModuleConfig]) {
        var roots: [String] = []
        var all: Set<String> = []
        var parsed: [String: HCLModuleConfig] = [:]
        for path in paths where path != "-" {
            if !FileIO.isDirectory(path) {
                if path.hasSuffix(".tf") { let d = FileIO.parent(path); if !roots.contains(d) { roots.append(d) }; all.insert(d) }
                continue
            }
            var folders: [String] = []
            walk(path, into: &folders)
            guard !folders.isEmpty else { continue }
            let run = HCLRun(root: path, options: HCLReader.Options())
            run.configs = parsed
            var called = Set<String>()
            for f in folders {
                let config = try run.config(f)
                for call in config.moduleCalls {
                    if case .literal(.string(let source), _)? = call.block.body.attribute("source")?.expr,
                       source.hasPrefix("./") || source.hasPrefix("../") || source == "." || source == ".." {
                        let target = run.normalize(run.join(f, source))
                        if target != run.normalize(f) { called.insert(target) }
                    }
                }
            }
            for f in folders {
                all.insert(f)
                if !called.contains(run.normalize(f)) && !roots.contains(f) { roots.append(f) }
            }
            parsed = run.configs
        }
        return (roots, all, parsed)
    }

    private static func walk(_ dir: String, into out: inout [String]) {
        let entries = FileIO.entries(dir)
        if entries.contains(where: { !$0.isDirectory && ($0.name.hasSuffix(".tf") || $0.name.hasSuffix(".tf.json")) }) { out.append(dir) }
        for e in entries where e.isDirectory && !e.name.hasPrefix(".") {
            walk(dir.hasSuffix("/") ? dir + e.name : dir + "/" + e.name, into: &out)
        }
    }

    /// Reads every root module under `paths`; nil when there is no Terraform source there.
    public static func read(_ paths: [String], defaultRegion: String, assignments: [HCLReader.Assignment] = [],
                            environment: [String: String]? = nil) throws -> Found? {
        let (roots, folders, parsed) = try discover(paths)
        guard !roots.isEmpty else { return nil }
        var found = Found(roots: roots, folders: folders)
        let options = HCLReader.Options(defaultRegion: defaultRegion, assignments: assignments, environment: environment ?? terraformEnvironment())
        for root in roots {
            let r = try HCLReader.read(directory: root, options: options, parsed: parsed)
            found.resources += r.resources
            for s in r.skipped {
                found.skipped.append(SkippedResource(address: s.address, type: s.type, reason: .notEvaluated, detail: s.reason, location: s.location))
            }
            found.unknowns += r.unknowns.map { roots.count > 1 ? "\(root): \($0)" : $0 }
        }
        return found
    }

    /// `TF_VAR_*` of the process, read here (the reader itself is given a dictionary).
    public static func terraformEnvironment() -> [String: String] {
        var out: [String: String] = [:]
        #if canImport(Glibc)
        var p = environ
        while let entry = p.pointee {
            let s = String(cString: entry)
            if s.hasPrefix("TF_VAR_"), let eq = s.firstIndex(of: "=") { out[String(s[..<eq])] = String(s[s.index(after: eq)...]) }
            p += 1
        }
        #endif
        return out
    }
}
