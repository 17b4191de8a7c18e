import FoundationEssentials

extension Config {
    /// One meaning of a budget: budgets judge project totals. Given paths (the files a pre-commit hook
    /// stages), the projects of this configuration that own them, each to be judged whole, in the file's
    /// order, and the paths no project owns. A project owns a path it lists, or one inside a folder it lists.
    public func owners(of paths: [String]) -> (projects: [Project], others: [String]) {
        func key(_ p: String) -> String {
            var a = Self.normalized(FileIO.absolute(p))
            while a.count > 1 && a.hasSuffix("/") { a.removeLast() }
            return a
        }
        let listed = projects.map { p in (p, p.paths.map { key(resolve($0)) }) }
        var owned = Set<String>()
        var others: [String] = []
        for path in paths {
            let k = key(path)
            let owners = listed.filter { _, roots in roots.contains { k == $0 || k.hasPrefix($0 + "/") } }
            if owners.isEmpty { others.append(path) }
            for (p, _) in owners { owned.insert(p.name) }
        }
        return (projects.filter { owned.contains($0.name) }, others)
    }
}
