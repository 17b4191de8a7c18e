import FoundationEssentials

/// `costgate init` looks at the repository before it writes: the projects it writes exist.
extension Config {
    /// Plans (JSON with a plan's keys), folders of Kubernetes manifests, and Terraform folders without a
    /// plan (noted, not listed: costgate reads `terraform show -json` output), under `root`, at most
    /// `depth` folders down; hidden folders and dependency caches are skipped.
    public static func discoverProjects(in root: String, depth: Int = 4) -> (projects: [Project], notes: [String]) {
        var plans: [String] = [], manifestFolders: [String] = [], terraformFolders: [String] = []
        let skipped: Set<String> = ["node_modules", "vendor", "venv", "__pycache__", "target", "dist", "build"]
        var queue: [(path: String, level: Int)] = [("", 0)]
        while !queue.isEmpty {
            let (dir, level) = queue.removeFirst()
            let full = dir.isEmpty ? root : root + "/" + dir
            var hasManifest = false, hasTerraform = false
            for entry in FileIO.entries(full) where !entry.name.hasPrefix(".") {
                let rel = dir.isEmpty ? entry.name : dir + "/" + entry.name
                if entry.isDirectory {
                    if level < depth, !skipped.contains(entry.name) { queue.append((rel, level + 1)) }
                    continue
                }
                if entry.name.hasSuffix(".tf") { hasTerraform = true }
                guard let head = try? FileIO.read(root + "/" + rel).prefix(8192) else { continue }
                let text = String(decoding: head, as: UTF8.self)
                if entry.name.hasSuffix(".json"), text.contains("\"format_version\""),
                   text.contains("\"resource_changes\"") || text.contains("\"planned_values\"") || text.contains("\"terraform_version\"") {
                    plans.append(rel)
                } else if Inputs.manifestExtensions.contains(where: { entry.name.hasSuffix($0) }), !text.contains("{{"),
                          text.contains("apiVersion:"), text.contains("kind:") {
                    hasManifest = true
                }
            }
            if hasManifest { manifestFolders.append(dir) }
            if hasTerraform { terraformFolders.append(dir) }
        }
        var projects: [Project] = []
        var names = Set<String>()
        func name(_ path: String, fallback: String) -> String {
            let parts = path.split(separator: "/").map(String.init)
            var base = parts.last.map { $0.hasSuffix(".json") ? String($0.dropLast(5)) : $0 } ?? fallback
            if ["plan", "tfplan", "k8s", "manifests", "kubernetes"].contains(base), parts.count > 1 { base = parts[parts.count - 2] + "-" + base }
            var n = base.isEmpty ? fallback : base, i = 2
            while names.contains(n) { n = "\(base)-\(i)"; i += 1 }
            names.insert(n)
            return n
        }
        for p in plans { projects.append(Project(name: name(FileIO.parent(p) == "." ? p : FileIO.parent(p), fallback: "infra"), paths: [p])) }
        for f in manifestFolders { projects.append(Project(name: name(f, fallback: "k8s"), paths: [f.isEmpty ? "." : f + "/"])) }
        let planned = Set(plans.map { FileIO.parent($0) })
        let notes = terraformFolders.filter { !planned.contains($0.isEmpty ? "." : $0) }.map { dir in
            "Terraform in \(dir.isEmpty ? "." : dir + "/"): make a plan (terraform plan -out tfplan && terraform show -json tfplan > plan.json) and list it"
        }
        return (projects, notes)
    }
}
