import FoundationEssentials

/// An earlier costgate JSON report (`estimate --format json`) read back as a base: the valued resources
/// with their components, projects, namespaces and tags. Resources a diff report lists as removed are
/// not part of what that report's head deploys, so they are left out.
public enum ReportInput {
    /// True when the bytes start like a costgate JSON report rather than a plan or a manifest.
    static func looksLikeReport(_ head: [UInt8]) -> Bool {
        let text = String(decoding: head.prefix(2048), as: UTF8.self)
        return text.contains("\"schemaVersion\"") && text.contains("\"totalMonthlyCost\"") && !text.contains("\"format_version\"")
    }

    public static func isReport(path: String) -> Bool {
        guard path != "-", !FileIO.isDirectory(path), let head = try? FileIO.readPrefix(path, count: 2048) else { return false }
        return looksLikeReport(head)
    }

    /// The resources of the report, by project (`""` for resources without one).
    public static func read(path: String) throws -> (pricebooks: [PriceBookRef], byProject: [String: [ResourceCost]]) {
        let bytes = try FileIO.read(path)
        let root: Value = try bytes.withUnsafeBufferPointer { buffer in
            var r = JSONReader(bytes: buffer, file: path)
            return try r.readValue()
        }
        guard root["schemaVersion"].string == JSONReporter.schemaVersion else {
            throw CostGateError("not a costgate JSON report of schema version \(JSONReporter.schemaVersion); write it with `costgate estimate --format json`",
                                at: SourceLocation(file: path))
        }
        var books: [PriceBookRef] = []
        for b in root["pricebooks"].array {
            if let id = b["id"].string, let version = b["version"].string {
                books.append(PriceBookRef(id: id, version: version, effectiveDate: b["effectiveDate"].string ?? ""))
            }
        }
        var out: [String: [ResourceCost]] = [:]
        /// A number of the report, checked: absent is nil; present, it must be a number in costgate's range
        /// (and not negative), else the error names its JSON path.
        func number(_ v: Value, _ jsonPath: String, negativeAllowed: Bool = false) throws -> Decimal? {
            if v.isNull { return nil }
            guard let d = v.decimal, negativeAllowed || d >= 0 else {
                throw CostGateError("\(jsonPath): \(Limits.echo(v.string ?? "not a number")) is not a number from 0 to 1e18 (and not finer than 1e-18); write the report again with `costgate estimate --format json`",
                                    at: SourceLocation(file: path))
            }
            return d
        }
        try Limits.check(resourceCount: root["resources"].array.count)
        for (i, r) in root["resources"].array.enumerated() {
            guard let address = r["address"].string, let type = r["type"].string else {
                throw CostGateError("resources[\(i)]: a resource has no address or type; write the report again with `costgate estimate --format json`",
                                    at: SourceLocation(file: path))
            }
            if r["change"].string == "removed" { continue }
            var components: [CostComponent] = []
            for (j, c) in r["components"].array.enumerated() {
                let at = "resources[\(i)].components[\(j)]"
                let quantity: Quantity
                switch c["status"].string {
                case "depends-on-usage": quantity = .usageNotGiven
                case "unknown-until-apply": quantity = .unknownUntilApply(attribute: c["unknownUntilApply"].string ?? "?")
                case "cost-unknown": quantity = .notDeclared(reason: "not declared")
                case "price-not-found" where c["monthlyQuantity"].isNull: quantity = .usageNotGiven   // usage-based, no price
                default: quantity = .value(try number(c["monthlyQuantity"], at + ".monthlyQuantity") ?? 0)
                }
                // quantities and unit prices are written exactly, costs rounded to cents: recompute the cost
                let unitPrice = try number(c["unitPrice"], at + ".unitPrice")
                _ = try number(c["monthlyCost"], at + ".monthlyCost", negativeAllowed: true)
                let cost = quantity.decimal.flatMap { q in unitPrice.map { q * $0 } } ?? c["monthlyCost"].decimal
                components.append(CostComponent(
                    name: c["name"].string ?? "?", unit: c["unit"].string ?? "", quantity: quantity, priceKey: c["priceKey"].string ?? "",
                    usageBased: c["usageBased"].bool ?? false, unitPrice: unitPrice, monthlyCost: cost,
                    priceSource: nil, priceDate: c["priceDate"].string))
            }
            var tags: [String: String]?
            if case .object(let m) = r["tags"] {
                var t: [String: String] = [:]
                for (k, v) in m { if let s = v.string { t[k] = s } }
                tags = t
            }
            let cost = ResourceCost(
                address: address, type: type, region: r["region"].string, regionAssumed: r["regionAssumed"].bool ?? false,
                action: Action(rawValue: r["action"].string ?? "") ?? .noOp, components: components, assumptions: [],
                location: nil, ceiling: nil, namespace: r["namespace"].string, tags: tags, project: r["project"].string)
            out[cost.project ?? "", default: []].append(cost)
        }
        return (books, out)
    }
}
