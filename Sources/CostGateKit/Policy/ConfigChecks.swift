import FoundationEssentials

/// Configuration traps closed: what would make a policy silently never fire, or a run fail far from its
/// cause, is an error at its `.costgate.yml` line and column.
extension Config {
    /// The places of a list's items (a single word: the word's own place).
    static func itemLocations(_ node: YAMLNode, count: Int) -> [SourceLocation?] {
        if case .sequence(let items) = node.kind { return items.map(\.location) }
        return Array(repeating: node.location, count: count)
    }

    /// Checked once the whole file is read: a scope naming a project that the file does not define.
    func checkTraps() throws {
        let names = projects.map(\.name)
        for p in policies {
            for (i, name) in p.scope.projects.enumerated() where !names.contains(name) {
                let at = i < p.scope.projectLocations.count ? p.scope.projectLocations[i] : p.location
                let known = names.isEmpty ? "this file defines no projects" : "projects: \(names.joined(separator: ", "))"
                throw CostGateError("policy \(p.name) is scoped to project \(name), which is not defined (\(known)); it could never match",
                                    at: at ?? p.location)
            }
            // only Kubernetes objects have a namespace
            let types = p.scope.resourceTypes.map(\.pattern)
            if !p.scope.namespaces.isEmpty, !types.isEmpty, types.allSatisfy({ !$0.hasPrefix("*") && !Resource.typeMayHaveNamespace($0) }) {
                throw CostGateError("policy \(p.name) is scoped to namespaces and to resource types \(types.joined(separator: ", ")), which have no namespace; it could never match",
                                    at: p.location)
            }
        }
    }

    /// A project's paths, resolved; one that does not exist is an error at the line that lists it.
    public func existingPaths(of project: Project) throws -> [String] {
        try project.paths.enumerated().map { i, path in
            let resolved = resolve(path)
            guard path == "-" || FileIO.exists(resolved) else {
                let at = i < project.pathLocations.count ? project.pathLocations[i] : nil
                let hint = path.hasSuffix(".json") ? "fix the path, or make the plan first (terraform show -json tfplan > \(path))" : "fix the path"
                throw CostGateError("path \(path) of project \(project.name) does not exist (\(resolved)); \(hint)",
                                    at: at ?? self.path.map { SourceLocation(file: $0) })
            }
            return resolved
        }
    }
}

extension BaseComparison {
    /// `check` with no base: a plan is compared with its own prior state; manifests have none, so the
    /// header says that everything in them counts as added.
    static func priorStateDescription(_ outcomes: [ProjectOutcome]) -> String {
        let resources = outcomes.flatMap { $0.subject.resources }
        let manifests = resources.contains { $0.input == .kubernetesManifest }
        let plans = resources.contains { $0.input == .terraformPlan }
        switch (plans, manifests) {
        case (false, true):
            return "none (no --base-ref or --base; manifests have no prior state): everything counts as added"
        case (true, true):
            return "the plans' prior state (what is deployed now); manifests have none, so everything in them counts as added (give --base-ref to compare)"
        default:
            return "the plans' prior state (what is deployed now)"
        }
    }
}
