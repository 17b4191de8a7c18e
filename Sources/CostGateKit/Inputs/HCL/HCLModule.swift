import FoundationEssentials
/// One folder of `.tf`/`.tf.json` files, parsed once and indexed by what Terraform declares in it.
final class HCLModuleConfig {
    struct ResourceConfig {
        var type: String
        var name: String
        var block: HCLBlock
        var file: String
        var key: String { "\(type).\(name)" }
    }

    let directory: String
    var files: [HCLFile] = []
    var variables: [(name: String, block: HCLBlock, file: String)] = []
    var locals: [String: (attr: HCLAttribute, file: String)] = [:]
    var resources: [ResourceConfig] = []
    var resourceIndex: [String: Int] = [:]
    var dataSources: Set<String> = []
    var moduleCalls: [(name: String, block: HCLBlock, file: String)] = []
    var outputs: [String: (block: HCLBlock, file: String)] = [:]
    var providers: [(block: HCLBlock, file: String)] = []
    var moved: [(from: String, to: String)] = []

    init(directory: String, files: [HCLFile]) {
        self.directory = directory
        self.files = files
        for f in files {
            for b in f.body.blocks {
                switch b.type {
                case "variable": if let n = b.labels.first { variables.append((n, b, f.path)) }
                case "locals": for a in b.body.attributes { locals[a.name] = (a, f.path) }
                case "resource":
                    guard b.labels.count == 2 else { continue }
                    let r = ResourceConfig(type: b.labels[0], name: b.labels[1], block: b, file: f.path)
                    if resourceIndex[r.key] == nil { resourceIndex[r.key] = resources.count; resources.append(r) }
                case "data": if b.labels.count == 2 { dataSources.insert("\(b.labels[0]).\(b.labels[1])") }
                case "module": if let n = b.labels.first { moduleCalls.append((n, b, f.path)) }
                case "output": if let n = b.labels.first { outputs[n] = (b, f.path) }
                case "provider": providers.append((b, f.path))
                case "moved":
                    if let from = b.body.attribute("from")?.expr.traversalText, let to = b.body.attribute("to")?.expr.traversalText {
                        moved.append((from, to))
                    }
                default: break
                }
            }
        }
    }

    /// The `.tf` and `.tf.json` files of a folder, in lexical order (override files are not merged; they are left out).
    static func sourceFiles(in directory: String) -> [String] {
        FileIO.entries(directory).filter { !$0.isDirectory }.map(\.name)
            .filter { ($0.hasSuffix(".tf") || $0.hasSuffix(".tf.json")) && !isOverride($0) }
            .sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    }

    static func isOverride(_ name: String) -> Bool {
        let base = name.hasSuffix(".tf.json") ? String(name.dropLast(8)) : String(name.dropLast(3))
        return base == "override" || base.hasSuffix("_override")
    }

    static func parseFile(_ path: String) throws -> HCLFile {
        let bytes = try FileIO.read(path)
        if path.hasSuffix(".json") { return try HCLJSONSyntax.parse(bytes: bytes, file: path) }
        return try HCLParser.parse(bytes: bytes, file: path)
    }
}

/// A type constraint (`list(object({ a = optional(string, "x") }))`), for converting variable values.
indirect enum HCLType {
    case any, string, number, bool
    case list(HCLType), set(HCLType), map(HCLType)
    case tuple([HCLType])
    case object([(name: String, type: HCLType, optional: Bool, defaultValue: Value?)])

    static func from(_ e: HCLExpr) -> HCLType {
        switch e {
        case .variable(let n, _):
            switch n { case "string": return .string; case "number": return .number; case "bool": return .bool; default: return .any }
        case .call(let n, let args, _, _):
            guard let first = args.first else { return .any }
            switch n {
            case "list": return .list(from(first))
            case "set": return .set(from(first))
            case "map": return .map(from(first))
            case "tuple": if case .tuple(let items, _) = first { return .tuple(items.map(from)) }; return .any
            case "object":
                guard case .object(let items, _) = first else { return .any }
                var attrs: [(name: String, type: HCLType, optional: Bool, defaultValue: Value?)] = []
                for (k, v) in items {
                    let name: String
                    if case .literal(.string(let s), _) = k { name = s } else if let t = k.traversalText { name = t } else { continue }
                    if case .call("optional", let oa, _, _) = v, let t = oa.first {
                        var def: Value?
                        if oa.count > 1 { var ev = HCLEvaluator(names: nil); def = try? ev.eval(oa[1], [:]) }
                        attrs.append((name, from(t), true, def))
                    } else {
                        attrs.append((name, from(v), false, nil))
                    }
                }
                return .object(attrs)
            default: return .any
            }
        default: return .any
        }
    }

    var isPrimitive: Bool {
        switch self { case .string, .number, .bool, .any: return true; default: return false }
    }

    /// Converts a value to this type, filling `optional()` defaults; values that do not convert are kept as they are.
    func convert(_ v: Value) -> Value {
        switch v { case .unknown, .sensitive, .null: return v; default: break }
        switch self {
        case .any: return v
        case .string:
            if case .array = v { return v }
            if case .object = v { return v }
            return (try? HCLEvaluator.string(v)).map(Value.string) ?? v
        case .number: return (try? HCLEvaluator.decimal(v)).map(HCLEvaluator.number) ?? v
        case .bool: return (try? HCLEvaluator.bool(v)).map(Value.bool) ?? v
        case .list(let t), .set(let t):
            guard case .array(let items) = v else { return v }
            let out = items.map(t.convert)
            if case .set = self { return .array(HCLFunctions.distinct(out)) }
            return .array(out)
        case .map(let t):
            guard case .object(let m) = v else { return v }
            var out = Members()
            for (k, x) in m { out[k] = t.convert(x) }
            return .object(out)
        case .tuple(let ts):
            guard case .array(let items) = v else { return v }
            return .array(items.enumerated().map { $0.offset < ts.count ? ts[$0.offset].convert($0.element) : $0.element })
        case .object(let attrs):
            guard case .object(let m) = v else { return v }
            var out = Members()
            for a in attrs {
                if let x = m[a.name], !x.isNull {
                    out[a.name] = a.type.convert(x)
                } else if a.optional {
                    out[a.name] = a.defaultValue.map(a.type.convert) ?? .null
                } else {
                    out[a.name] = .null
                }
            }
            return .object(out)
        }
    }
}
