import FoundationEssentials
/// `costgate usage template PATHS`: a commented usage file listing every usage key of the resources found, under
/// their addresses, in Infracost's form (`version: 0.1`, `resource_usage`), like Infracost's `--sync-usage-file`.
/// A key the given usage file sets is written with its value; every other key is a comment (name, unit, meaning),
/// so the file passed back with `--usage` gives the same estimate until a value is filled in.
public enum UsageTemplate {
    public static func render(resources: [(address: String, type: String)], usage: UsageFile, registry: PricerRegistry = .standard,
                              inputs: [String]) -> String {
        var out = """
        # Usage file written by `costgate usage template` for \(inputs.map { Limits.escapingControls($0) }.joined(separator: ", ")).
        # Every usage key of every priced resource found, under its address. Keys that are comments keep their
        # defaults; uncomment one and give it a value (a number, or a word where the unit lists words). Values set
        # in the usage file given with --usage are written as they are. costgate and Infracost both read this file.
        version: 0.1
        resource_usage:

        """
        var seen = Set<String>()
        var wrote = 0
        for r in resources.sorted(by: { $0.address < $1.address }) where seen.insert(r.address).inserted {
            guard let pricer = registry.pricer(for: r.type), !pricer.usageKeys.isEmpty else { continue }
            let resource = Resource(address: r.address, type: r.type, provider: .other, action: .create, attributes: .null)
            let current = usage.values(for: resource, keys: pricer.usageKeys)
            out += "  \(yamlKey(r.address)):\n"
            out += entry(pricer.usageKeys, current)
            out += "\n"
            wrote += 1
        }
        if wrote == 0 { out += "  # no resource found has usage keys\n" }
        return out
    }

    /// The keys of one resource, nested by their dotted names (`standard.storage_gb` under `standard:`).
    static func entry(_ keys: [UsageKey], _ current: UsageValues) -> String {
        var out = ""
        var openPrefixes: [String] = []
        let width = keys.map { $0.name.split(separator: ".").last!.count }.max() ?? 0
        // a parent mapping is written as a key when any key under it has a value, else as a comment
        var live = Set<String>()
        for k in keys where current.values[k.name] != nil || current.texts[k.name] != nil {
            let parts = k.name.split(separator: ".")
            for i in 1..<max(parts.count, 1) { live.insert(parts[..<i].joined(separator: ".")) }
        }
        for k in keys.sorted(by: { $0.name < $1.name }) {
            let parts = k.name.split(separator: ".").map(String.init)
            let prefixes = parts.dropLast().map { $0 }
            // open the parent mappings this key needs (their headers are comments unless a child has a value)
            var common = 0
            while common < min(openPrefixes.count, prefixes.count) && openPrefixes[common] == prefixes[common] { common += 1 }
            openPrefixes = Array(openPrefixes.prefix(common))
            for (i, p) in prefixes.enumerated() where i >= common {
                let indent = String(repeating: "  ", count: 2 + i)
                let path = prefixes[...i].joined(separator: ".")
                out += live.contains(path) ? "\(indent)\(yamlKey(p)):\n" : "\(indent)# \(p):\n"
                openPrefixes.append(p)
            }
            let indent = String(repeating: "  ", count: 2 + prefixes.count)
            let name = parts.last!
            let pad = String(repeating: " ", count: max(0, width - name.count))
            let about = "# \(k.unit): \(k.meaning)"
            if let v = current.values[k.name] {
                out += "\(indent)\(yamlKey(name)): \(pad)\(Money.plain(v))  \(about)\n"
            } else if let t = current.texts[k.name] {
                out += "\(indent)\(yamlKey(name)): \(pad)\(yamlKey(t))  \(about)\n"
            } else {
                out += "\(indent)# \(name): \(pad)\(about)\n"
            }
        }
        return out
    }

    /// A plain YAML key when it is one, else single-quoted (addresses with `["key"]`, for instance).
    static func yamlKey(_ s: String) -> String {
        let plain = !s.isEmpty && s.unicodeScalars.allSatisfy { c in
            (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || (c >= "0" && c <= "9") || "_.-/[]*".unicodeScalars.contains(c)
        } && !s.hasPrefix("[") && !s.hasPrefix("*") && !s.hasPrefix("-")
        if plain { return s }
        var quoted = "'"
        for c in Limits.escapingControls(s) { quoted += c == "'" ? "''" : String(c) }
        return quoted + "'"
    }
}
