import FoundationEssentials
/// Reads a Terraform root module from source (`.tf`, `.tf.json`, `.tfvars`) into the same `Resource`s the
/// plan reader makes: Terraform's evaluation of variables, locals, count/for_each, dynamic blocks, modules
/// and providers, with everything only known after apply left unknown (and listed), never guessed.
public enum HCLReader {
    public enum Assignment: Sendable, Equatable {
        /// `--var-file FILE`
        case file(String)
        /// `--var NAME=VALUE`
        case variable(String, String)
    }

    public struct Options: Sendable {
        public var defaultRegion: String
        public var workspace: String
        /// `--var` and `--var-file`, in command-line order (later wins).
        public var assignments: [Assignment]
        /// The environment to take `TF_VAR_name` from (given, so the reader never reads the process's own).
        public var environment: [String: String]
        public init(defaultRegion: String = "us-east-1", workspace: String = "default", assignments: [Assignment] = [],
                    environment: [String: String] = [:]) {
            self.defaultRegion = defaultRegion
            self.workspace = workspace
            self.assignments = assignments
            self.environment = environment
        }
    }

    public struct Skipped: Sendable, Equatable {
        public var address: String
        /// The resource type, or `module` for a module call.
        public var type: String
        public var reason: String
        public var location: SourceLocation?
    }

    public struct Result: Sendable {
        public var resources: [Resource]
        public var skipped: [Skipped]
        /// What is only known after apply and mattered: variables to set, data sources, computed references, errors.
        public var unknowns: [String]
        public var files: Int
        /// The work the read took (`Limits.maxHCLSteps`).
        public var steps = 0
    }

    public static func read(directory: String, options: Options = Options()) throws -> Result {
        try read(directory: directory, options: options, parsed: [:])
    }

    /// `parsed`: folders already parsed (by root discovery), so no file is parsed twice.
    static func read(directory: String, options: Options, parsed: [String: HCLModuleConfig]) throws -> Result {
        let work = HCLWork()
        work.file = directory
        var outcome: Result?
        var failure: (any Error)?
        HCLWork.$current.withValue(work) {
            do { outcome = try HCLReader.readBound(directory, options, parsed) } catch is HCLWorkSpent {
            } catch { failure = error }
        }
        // Once the budget is spent it is the cause, even when a module's or a variable's error wrapped it.
        if let at = work.spentAt {
            throw CostGateError("evaluating this configuration takes more than \(Limits.maxHCLSteps) steps (README, Limits): a value doubles through locals, or a costly expression runs in many instances; simplify it",
                                at: at)
        }
        if let failure { throw failure }
        guard var result = outcome else { throw CostGateError("the configuration could not be read", at: SourceLocation(file: directory)) }
        result.steps = work.used
        return result
    }

    private static func readBound(_ directory: String, _ options: Options, _ parsed: [String: HCLModuleConfig]) throws -> Result {
        let run = HCLRun(root: directory, options: options)
        run.configs = parsed
        let config = try run.config(directory)
        guard !config.files.isEmpty else {
            throw CostGateError("no .tf or .tf.json files in this folder", at: SourceLocation(file: directory))
        }
        let root = HCLModuleInstance(run: run, config: config, address: "", configAddress: "", parent: nil, depth: 0)
        try root.setRootVariables()
        run.emit(root)
        return Result(resources: run.resources, skipped: run.skipped, unknowns: run.unknownList(), files: run.used.reduce(0) { $0 + (run.configs[$1]?.files.count ?? 0) })
    }
}

/// What one read shares: parsed folders, the downloaded-modules manifest, and what was found.
final class HCLRun {
    let root: String
    let options: HCLReader.Options
    var configs: [String: HCLModuleConfig] = [:]
    var resources: [Resource] = []
    var skipped: [HCLReader.Skipped] = []
    var unknowns: [String] = []
    var unknownSet: Set<String> = []
    var fileCount = 0
    /// Nesting of references being followed (a local naming a local naming a resource …), bounded so a long
    /// chain is an error, not a stack overflow.
    var referenceDepth = 0
    static let maxReferenceDepth = 200

    func enter(_ p: HCLPos?) throws {
        referenceDepth += 1
        if referenceDepth > HCLRun.maxReferenceDepth {
            referenceDepth -= 1
            throw HCLEvalError("references nested deeper than \(HCLRun.maxReferenceDepth) levels (a chain of locals, outputs or resources)", p)
        }
    }
    lazy var downloaded: [String: String] = loadModulesManifest()

    init(root: String, options: HCLReader.Options) {
        self.root = root
        self.options = options
    }

    /// Folders this read used (for the file count).
    var used: Set<String> = []

    func config(_ dir: String) throws -> HCLModuleConfig {
        used.insert(dir)
        if let c = configs[dir] { return c }
        var files: [HCLFile] = []
        for name in HCLModuleConfig.sourceFiles(in: dir) {
            files.append(try HCLModuleConfig.parseFile(join(dir, name)))
        }
        fileCount += files.count
        let c = HCLModuleConfig(directory: dir, files: files)
        configs[dir] = c
        return c
    }

    func note(_ s: String) {
        if unknownSet.insert(s).inserted { unknowns.append(s) }
    }

    func unknownList() -> [String] { unknowns.sorted() }

    func join(_ dir: String, _ name: String) -> String {
        if dir.isEmpty || dir == "." { return name }
        return dir.hasSuffix("/") ? dir + name : dir + "/" + name
    }

    /// `./a/../b` → `b`, keeping leading `..` that leave the tree.
    func normalize(_ path: String) -> String {
        let absolute = path.hasPrefix("/")
        var out: [Substring] = []
        for part in path.split(separator: "/") {
            if part == "." || part.isEmpty { continue }
            if part == "..", let last = out.last, last != ".." { out.removeLast(); continue }
            if part == "..", absolute { continue }
            out.append(part)
        }
        let s = out.joined(separator: "/")
        return absolute ? "/" + s : (s.isEmpty ? "." : s)
    }

    /// `.terraform/modules/modules.json`: module key (`vpc`, `vpc.subnets`) → folder.
    private func loadModulesManifest() -> [String: String] {
        let path = join(root, ".terraform/modules/modules.json")
        guard let bytes = try? FileIO.read(path) else { return [:] }
        var scan = HCLJSONSyntax.JSONScan(bytes: bytes, file: path)
        scan.skip()
        guard let node = try? scan.value(depth: 0) else { return [:] }
        let v = HCLFunctions.value(node)
        var out: [String: String] = [:]
        for m in v["Modules"].array {
            guard let key = m["Key"].string, let dir = m["Dir"].string else { continue }
            out[key] = dir.hasPrefix("/") ? dir : normalize(join(root, dir))
        }
        return out
    }

    // MARK: - emitting resources

    func emit(_ m: HCLModuleInstance) {
        for r in m.config.resources {
            let state = m.resourceState(r.key)
            let loc = SourceLocation(file: r.file, line: r.block.pos.line, column: r.block.pos.column)
            let base = m.address.isEmpty ? r.key : "\(m.address).\(r.key)"
            switch state {
            case .skipped(let reason):
                skipped.append(HCLReader.Skipped(address: base, type: r.type, reason: reason, location: loc))
            case .instances(let list, _):
                for inst in list {
                    resources.append(m.makeResource(r, inst, location: loc))
                }
            case .inProgress:
                break
            }
        }
        for call in m.config.moduleCalls {
            let loc = SourceLocation(file: call.file, line: call.block.pos.line, column: call.block.pos.column)
            switch m.moduleState(call.name) {
            case .skipped(let reason):
                skipped.append(HCLReader.Skipped(address: m.prefixed("module.\(call.name)"), type: "module", reason: reason, location: loc))
            case .instances(let list, _):
                for (_, child) in list { emit(child) }
            case .inProgress:
                break
            }
        }
    }
}

/// One instance of a module (the root, `module.a`, `module.b["x"]`): what its names mean.
final class HCLModuleInstance: HCLNames {
    struct Instance {
        var key: Value?          // nil: no count/for_each; a number (count) or a string (for_each)
        var attributes: Value    // object, resource marker not included
        var references: [String: [String]]
        var suffix: String {
            switch key {
            case .number(let n)?: return "[\(n)]"
            case .string(let s)?: return "[\(HCLText.quoted(s))]"
            default: return ""
            }
        }
    }

    enum State<T> {
        case instances([T], byKey: Bool)
        case skipped(String)
        case inProgress
    }

    let run: HCLRun
    let config: HCLModuleConfig
    let address: String
    let configAddress: String
    weak var parent: HCLModuleInstance?
    let depth: Int
    var moduleDirectory: String { config.directory }

    // inputs: values (root) or expressions evaluated in the parent (child modules)
    var inputValues: [String: Value] = [:]
    var inputExprs: [String: (HCLExpr, HCLEvaluator.Env, file: String)] = [:]
    var inputDone: [String: Result<Value, HCLEvalError>] = [:]
    var callName = ""
    var providerMap: [String: String] = [:]

    private var localDone: [String: Result<Value, HCLEvalError>] = [:]
    private var localBusy: Set<String> = []
    private var resourceDone: [String: State<Instance>] = [:]
    private var moduleDone: [String: State<(Value?, HCLModuleInstance)>] = [:]
    private var outputDone: [String: Result<Value, HCLEvalError>] = [:]
    private var providerDone: [String: ProviderInfo?] = [:]

    struct ProviderInfo {
        var region: Value
        var defaultTags: Value
    }

    init(run: HCLRun, config: HCLModuleConfig, address: String, configAddress: String, parent: HCLModuleInstance?, depth: Int) {
        self.run = run
        self.config = config
        self.address = address
        self.configAddress = configAddress
        self.parent = parent
        self.depth = depth
    }

    func prefixed(_ s: String) -> String { address.isEmpty ? s : "\(address).\(s)" }

    func evaluator() -> HCLEvaluator { HCLEvaluator(names: self) }

    // MARK: - variables

    func setRootVariables() throws {
        var raw: [String: Value] = [:]
        var declared: [String: HCLType] = [:]
        for v in config.variables { declared[v.name] = v.block.body.attribute("type").map { HCLType.from($0.expr) } ?? .any }
        func fromText(_ name: String, _ text: String, _ origin: String) throws -> Value {
            let t = declared[name] ?? .any
            if t.isPrimitive { return .string(text) }
            let e = try HCLParser.parseExpression(text, file: origin)
            var ev = HCLEvaluator(names: nil)
            do { return try ev.work.within(origin) { try ev.eval(e, [:]) } } catch let err as HCLEvalError {
                throw CostGateError("the value of \(name) cannot be evaluated: \(err.message)", at: SourceLocation(file: origin))
            }
        }
        // lowest first: environment, terraform.tfvars(.json), *.auto.tfvars(.json), then --var/--var-file in order
        for v in config.variables {
            if let text = run.options.environment["TF_VAR_\(v.name)"] { raw[v.name] = try fromText(v.name, text, "TF_VAR_\(v.name)") }
        }
        var files: [String] = []
        let names = FileIO.entries(config.directory).filter { !$0.isDirectory }.map(\.name)
        if names.contains("terraform.tfvars") { files.append("terraform.tfvars") }
        if names.contains("terraform.tfvars.json") { files.append("terraform.tfvars.json") }
        files += names.filter { $0.hasSuffix(".auto.tfvars") || $0.hasSuffix(".auto.tfvars.json") }
            .sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        for f in files { try readVarFile(run.join(config.directory, f), into: &raw) }
        for a in run.options.assignments {
            switch a {
            case .file(let path): try readVarFile(path, into: &raw)
            case .variable(let name, let text): raw[name] = try fromText(name, text, "--var \(name)")
            }
        }
        for v in config.variables {
            let type = declared[v.name] ?? .any
            var value: Value
            if let given = raw[v.name] {
                value = type.convert(given)
            } else if let d = v.block.body.attribute("default") {
                var ev = HCLEvaluator(names: nil)
                value = type.convert((try? ev.work.within(v.file) { try ev.eval(d.expr, [:]) }) ?? .unknown)
            } else {
                run.note("set variable \(v.name)")
                value = .unknown
            }
            if case .bool(true)? = try? { var ev = HCLEvaluator(names: nil); return try ev.eval(v.block.body.attribute("sensitive")?.expr ?? .literal(.bool(false), v.block.pos), [:]) }() {
                value = .sensitive
            }
            inputValues[v.name] = value
        }
    }

    private func readVarFile(_ path: String, into raw: inout [String: Value]) throws {
        let bytes: [UInt8]
        do { bytes = try FileIO.read(path) } catch {
            throw CostGateError("cannot read the variables file; check the path", at: SourceLocation(file: path))
        }
        if path.hasSuffix(".json") {
            var scan = HCLJSONSyntax.JSONScan(bytes: bytes, file: path)
            scan.skip()
            let v = HCLFunctions.value(try scan.value(depth: 0))
            for (k, x) in v.objectMembers { raw[k] = x }
            return
        }
        let f = try HCLParser.parse(bytes: bytes, file: path)
        for a in f.body.attributes {
            var ev = HCLEvaluator(names: nil)
            do { raw[a.name] = try ev.work.within(path) { try ev.eval(a.expr, [:]) } } catch let e as HCLEvalError {
                throw CostGateError("\(a.name) cannot be evaluated: \(e.message)", at: SourceLocation(file: path, line: (e.pos ?? a.pos).line, column: (e.pos ?? a.pos).column))
            }
        }
    }

    func input(_ name: String, _ p: HCLPos) throws -> Value {
        if let v = inputValues[name] { return v }
        if let done = inputDone[name] { return try done.get() }
        guard let decl = config.variables.first(where: { $0.name == name }) else {
            throw HCLEvalError("no variable \(name) is declared in this module", p)
        }
        let type = decl.block.body.attribute("type").map { HCLType.from($0.expr) } ?? .any
        let sensitive: Bool = {
            if case .literal(.bool(true), _)? = decl.block.body.attribute("sensitive")?.expr { return true }
            return false
        }()
        var result: Result<Value, HCLEvalError>
        if let (expr, env, file) = inputExprs[name], let parent {
            try run.enter(p)
            defer { run.referenceDepth -= 1 }
            inputDone[name] = .success(.unknown)   // a cycle reads unknown
            var ev = parent.evaluator()
            do { result = .success(type.convert(try ev.work.within(file) { try ev.eval(expr, env) })) } catch let e as HCLEvalError { result = .failure(e) } catch {
                result = .failure(HCLEvalError("\(error)", p))
            }
            if case .success(.null) = result, let d = decl.block.body.attribute("default") {
                var ev2 = HCLEvaluator(names: nil)
                result = .success(type.convert((try? ev2.work.within(decl.file) { try ev2.eval(d.expr, [:]) }) ?? .unknown))
            }
        } else if let d = decl.block.body.attribute("default") {
            var ev = HCLEvaluator(names: nil)
            result = .success(type.convert((try? ev.work.within(decl.file) { try ev.eval(d.expr, [:]) }) ?? .unknown))
        } else {
            run.note("\(address): set input \(name)")
            result = .success(.unknown)
        }
        if sensitive, case .success = result { result = .success(.sensitive) }
        inputDone[name] = result
        return try result.get()
    }

    // MARK: - names

    func resolve(root: String, steps: [HCLStep], pos: HCLPos) throws -> (Value, Int) {
        func attr(_ i: Int) -> String? {
            if i < steps.count, case .attr(let n) = steps[i] { return n }
            return nil
        }
        switch root {
        case "var":
            guard let n = attr(0) else { throw HCLEvalError("var needs a variable name (var.NAME)", pos) }
            return (try input(n, pos), 1)
        case "local":
            guard let n = attr(0) else { throw HCLEvalError("local needs a name (local.NAME)", pos) }
            return (try local(n, pos), 1)
        case "path":
            switch attr(0) {
            case "module": return (.string(config.directory), 1)
            case "root", "cwd": return (.string(run.root), 1)
            default: throw HCLEvalError("path.module, path.root or path.cwd", pos)
            }
        case "terraform":
            guard attr(0) == "workspace" else { throw HCLEvalError("terraform.workspace is the only terraform attribute", pos) }
            return (.string(run.options.workspace), 1)
        case "count", "each":
            throw HCLEvalError("\(root) is only available in a resource or module with \(root == "count" ? "count" : "for_each")", pos)
        case "self":
            return (.unknown, 0)
        case "data":
            guard let t = attr(0), let n = attr(1) else { throw HCLEvalError("data needs a type and a name (data.TYPE.NAME)", pos) }
            guard config.dataSources.contains("\(t).\(n)") else { throw HCLEvalError("no data source data.\(t).\(n) is declared in this module", pos) }
            run.note("data source \(prefixed("data.\(t).\(n)")) (read at apply)")
            return (.unknown, 2)
        case "module":
            guard let n = attr(0) else { throw HCLEvalError("module needs a name (module.NAME)", pos) }
            guard config.moduleCalls.contains(where: { $0.name == n }) else { throw HCLEvalError("no module \(n) is called in this module", pos) }
            return try moduleValue(n, steps, pos)
        default:
            guard let n = attr(0) else { throw HCLEvalError("unknown name \(root)", pos) }
            let key = "\(root).\(n)"
            guard config.resourceIndex[key] != nil else {
                throw HCLEvalError("unknown name \(root): no variable, local or resource \(key) in this module", pos)
            }
            if resourceDone[key] == nil { try run.enter(pos) }
            let entered = resourceDone[key] == nil
            let v = resourceValue(key)
            if entered { run.referenceDepth -= 1 }
            // note the computed attribute that was asked for
            var i = 1
            if i < steps.count, case .index = steps[i] { i += 1 }
            if let a = attr(i) {
                let probe = (try? HCLEvaluator.apply(.attr(a), to: i == 2 ? ((try? HCLEvaluator.apply(steps[1], to: v, pos)) ?? .unknown) : v, pos)) ?? .unknown
                if case .unknown = probe { run.note("\(prefixed(key)).\(a) (known after apply)") }
            }
            return (v, 1)
        }
    }

    private func local(_ name: String, _ p: HCLPos) throws -> Value {
        if let done = localDone[name] { return try done.get() }
        guard let (a, file) = config.locals[name] else { throw HCLEvalError("no local value \(name) is declared in this module", p) }
        if localBusy.contains(name) { throw HCLEvalError("local.\(name) refers to itself", p) }
        try run.enter(p)
        localBusy.insert(name)
        defer { localBusy.remove(name); run.referenceDepth -= 1 }
        var ev = evaluator()
        let outer = ev.work.file
        ev.work.file = file
        defer { ev.work.file = outer }
        let r: Result<Value, HCLEvalError>
        do { r = .success(try ev.eval(a.expr, [:])) } catch let e as HCLEvalError { r = .failure(e) } catch { r = .failure(HCLEvalError("\(error)", p)) }
        localDone[name] = r
        return try r.get()
    }

    // MARK: - resources

    func resourceState(_ key: String) -> State<Instance> {
        if let s = resourceDone[key] { return s }
        guard let idx = config.resourceIndex[key] else { return .skipped("not declared") }
        let r = config.resources[idx]
        resourceDone[key] = .inProgress
        let s = evaluateResource(r)
        resourceDone[key] = s
        return s
    }

    private func resourceValue(_ key: String) -> Value {
        switch resourceState(key) {
        case .inProgress, .skipped: return .unknown
        case .instances(let list, let byKey):
            // what configuration does not set (or sets to null), in the resource and its nested blocks, is computed
            func mark(_ v: Value) -> Value {
                switch v {
                case .object(let m):
                    var out = Members()
                    for (k, x) in m where !x.isNull { out[k] = mark(x) }
                    out[HCLEvaluator.computedKey] = .bool(true)
                    return .object(out)
                case .array(let items): return .array(items.map(mark))
                default: return v
                }
            }
            // an instance's object keeps its address (module-relative) as the value of its computed marker, so that
            // `for_each` over these instances can refer to the one each value is (`each.value.id`)
            func obj(_ i: Instance) -> Value {
                guard case .object(var m) = mark(i.attributes) else { return mark(i.attributes) }
                m[HCLEvaluator.computedKey] = .string(key + i.suffix)
                return .object(m)
            }
            if byKey {
                var m = Members()
                for i in list { if case .string(let k)? = i.key { m[k] = obj(i) } }
                return .object(m)
            }
            if let first = list.first, first.key == nil { return obj(first) }
            return .array(list.map(obj))
        }
    }

    /// The instance keys of `count`/`for_each` (nil: a single instance), or why they are not known.
    func expansion(_ body: HCLBody, what: String, file: String, env: HCLEvaluator.Env = [:]) -> Result<[(Value?, HCLEvaluator.Env)]?, HCLEvalError> {
        var ev = evaluator()
        let outer = ev.work.file
        ev.work.file = file
        defer { ev.work.file = outer }
        if let c = body.attribute("count") {
            let v: Value
            do { v = try ev.eval(c.expr, env) } catch let e as HCLEvalError { return .failure(e) } catch { return .failure(HCLEvalError("\(error)")) }
            switch v {
            case .unknown: return .failure(HCLEvalError("count unknown until apply"))
            case .sensitive: return .failure(HCLEvalError("count is sensitive"))
            default: break
            }
            guard let n = try? HCLEvaluator.int(v), n >= 0, n <= 100_000 else {
                return .failure(HCLEvalError("count must be a whole number from 0 to 100000", c.pos))
            }
            return .success((0..<n).map { i in
                var e = env
                e["count"] = .object(["index": HCLEvaluator.number(i)])
                return (HCLEvaluator.number(i), e)
            })
        }
        if let f = body.attribute("for_each") {
            let v: Value
            do { v = try ev.eval(f.expr, env) } catch let e as HCLEvalError { return .failure(e) } catch { return .failure(HCLEvalError("\(error)")) }
            var pairs: [(String, Value)] = []
            switch v {
            case .unknown: return .failure(HCLEvalError("for_each unknown until apply"))
            case .sensitive: return .failure(HCLEvalError("for_each is sensitive"))
            case .object(let m):
                if m[HCLEvaluator.computedKey] != nil { return .failure(HCLEvalError("for_each unknown until apply")) }
                pairs = HCLEvaluator.sortedMembers(m).map { ($0.key, $0.value) }
            case .array(let items):
                var seen = Set<String>()
                for x in items {
                    switch x {
                    case .string(let s): if seen.insert(s).inserted { pairs.append((s, x)) }
                    case .unknown, .sensitive: return .failure(HCLEvalError("for_each unknown until apply"))
                    default: return .failure(HCLEvalError("for_each over a list needs strings (a set of strings); use toset() or a map", f.pos))
                    }
                }
                pairs.sort { Array($0.0.utf8).lexicographicallyPrecedes(Array($1.0.utf8)) }
            case .null: return .failure(HCLEvalError("for_each is null", f.pos))
            default: return .failure(HCLEvalError("for_each needs a map or a set of strings, got \(HCLEvaluator.typeName(v))", f.pos))
            }
            return .success(pairs.map { k, value in
                var e = env
                e["each"] = .object(["key": .string(k), "value": value])
                return (.string(k), e)
            })
        }
        return .success(nil)
    }

    static let metaArguments: Set<String> = ["count", "for_each", "provider", "depends_on"]
    static let metaBlocks: Set<String> = ["lifecycle", "provisioner", "connection", "precondition", "postcondition"]

    private func evaluateResource(_ r: HCLModuleConfig.ResourceConfig) -> State<Instance> {
        let keys: [(Value?, HCLEvaluator.Env)]
        switch expansion(r.block.body, what: r.key, file: r.file) {
        case .failure(let e):
            if e.pos == nil || e.message.hasSuffix("until apply") || e.message.hasSuffix("sensitive") {
                return .skipped(e.message)
            }
            return .skipped("count/for_each cannot be evaluated: \(e.message)")
        case .success(let list):
            keys = list ?? [(nil, [:])]
        }
        let refs = references(r.block.body)
        var out: [Instance] = []
        let address = prefixed(r.key)
        // attributes that read `each.value`: when each value is another resource's instance, they refer to that instance
        let eachValueAttributes = r.block.body.attributes.filter { $0.name != "for_each" && $0.expr.readsEachValue }.map(\.name)
        for (key, env) in keys {
            let attrs = evalBody(r.block.body, env, file: r.file, top: true, what: address)
            var instanceRefs = refs
            if !eachValueAttributes.isEmpty, case .object(let each)? = env["each"], case .object(let v)? = each["value"],
               case .string(let source)? = v[HCLEvaluator.computedKey] {
                for name in eachValueAttributes where !(instanceRefs[name] ?? []).contains(source) { instanceRefs[name, default: []].insert(source, at: 0) }
            }
            out.append(Instance(key: key, attributes: attrs, references: instanceRefs))
        }
        return .instances(out, byKey: keys.first.map { if case .string? = $0.0 { return true } else { return false } } ?? (r.block.body.attribute("for_each") != nil))
    }

    func evalBody(_ body: HCLBody, _ env: HCLEvaluator.Env, file: String, top: Bool, what: String) -> Value {
        var m = Members()
        var ev = evaluator()
        let outer = ev.work.file
        ev.work.file = file
        defer { ev.work.file = outer }
        for a in body.attributes {
            if top && HCLModuleInstance.metaArguments.contains(a.name) { continue }
            do {
                let v = try ev.eval(a.expr, env)
                try ev.work.charge(value: v, a.pos)   // cleaning walks it
                m[a.name] = HCLEvaluator.clean(v)
            } catch let e as HCLEvalError {
                let p = e.pos ?? a.pos
                run.note("\(file):\(p.line):\(p.column): \(what).\(a.name) unknown: \(e.message)")
                m[a.name] = .unknown
            } catch {
                m[a.name] = .unknown
            }
        }
        var blocks: [(String, [Value])] = []
        var unknownBlocks: Set<String> = []
        func add(_ type: String, _ v: Value) {
            if let i = blocks.firstIndex(where: { $0.0 == type }) { blocks[i].1.append(v) } else { blocks.append((type, [v])) }
        }
        for b in body.blocks {
            if top && HCLModuleInstance.metaBlocks.contains(b.type) { continue }
            if b.type == "dynamic", let label = b.labels.first {
                guard let content = b.body.blocks("content").first else { continue }
                let iterator = b.body.attribute("iterator")?.expr.traversalText ?? label
                guard let fe = b.body.attribute("for_each") else { continue }
                let coll: Value
                do { coll = try ev.eval(fe.expr, env) } catch let e as HCLEvalError {
                    let p = e.pos ?? fe.pos
                    run.note("\(file):\(p.line):\(p.column): \(what).\(label) unknown: \(e.message)")
                    unknownBlocks.insert(label)
                    continue
                } catch { continue }
                if case .unknown = coll { unknownBlocks.insert(label); continue }
                if case .sensitive = coll { unknownBlocks.insert(label); continue }
                if case .null = coll { continue }
                guard let items = try? HCLEvaluator.iterate(coll, fe.pos) else { unknownBlocks.insert(label); continue }
                if blocks.firstIndex(where: { $0.0 == label }) == nil { blocks.append((label, [])) }
                for (k, v) in items {
                    var inner = env
                    inner[iterator] = .object(["key": k, "value": v])
                    add(label, evalBody(content.body, inner, file: file, top: false, what: "\(what).\(label)"))
                }
                continue
            }
            add(b.type, evalBody(b.body, env, file: file, top: false, what: "\(what).\(b.type)"))
        }
        for (t, items) in blocks { m[t] = unknownBlocks.contains(t) ? .unknown : .array(items) }
        for t in unknownBlocks where m[t] == nil { m[t] = .unknown }
        return .object(m)
    }

    /// References by top-level attribute (and nested block), as a plan's configuration lists them.
    func references(_ body: HCLBody) -> [String: [String]] {
        var out: [String: [String]] = [:]
        for a in body.attributes where !HCLModuleInstance.metaArguments.contains(a.name) || a.name == "count" || a.name == "for_each" {
            var refs: [String] = []
            a.expr.collectReferences(into: &refs)
            if !refs.isEmpty { out[a.name] = refs }
        }
        func gather(_ b: HCLBody, _ refs: inout [String]) {
            for a in b.attributes { a.expr.collectReferences(into: &refs) }
            for x in b.blocks { gather(x.body, &refs) }
        }
        for b in body.blocks where !HCLModuleInstance.metaBlocks.contains(b.type) {
            let name = b.type == "dynamic" ? (b.labels.first ?? "dynamic") : b.type
            var refs = out[name] ?? []
            gather(b.body, &refs)
            if !refs.isEmpty { out[name] = refs }
        }
        return out
    }

    func makeResource(_ r: HCLModuleConfig.ResourceConfig, _ inst: Instance, location: SourceLocation) -> Resource {
        let address = prefixed(r.key) + inst.suffix
        let cloud = Resource.cloudProvider(forType: r.type)
        let providerKey = r.block.body.attribute("provider")?.expr.traversalText ?? String(r.type.split(separator: "_").first ?? "")
        let localName = String(providerKey.split(separator: ".").first ?? "")
        let info = provider(providerKey)
        var attributes = inst.attributes
        if cloud == .aws {
            let defaults = info?.defaultTags ?? .null
            let tags = attributes["tags"]
            if !defaults.isNull || attributes.objectMembers["tags"] != nil {
                var m = attributes.objectMembers
                if case .unknown = defaults { m["tags_all"] = .unknown } else if case .unknown = tags { m["tags_all"] = .unknown } else {
                    var all = Members()
                    for (k, v) in defaults.objectMembers where !v.isNull { all[k] = v }
                    for (k, v) in tags.objectMembers where !v.isNull { all[k] = v }
                    m["tags_all"] = .object(all)
                }
                attributes = .object(m)
            }
        }
        var region: String?
        var assumed = false
        switch cloud {
        case .aws:
            if let rg = attributes["region"].nonEmptyString { region = rg }
            else if let rg = info?.region.nonEmptyString { region = rg }
            else if let az = attributes["availability_zone"].nonEmptyString, let rg = RegionResolver.awsRegion(fromZone: az) { region = rg }
            else { region = run.options.defaultRegion; assumed = true }
        case .azure:
            if let loc = attributes["location"].nonEmptyString { region = RegionResolver.azureRegion(loc) } else { assumed = true }
        case .gcp:
            if let z = attributes["zone"].nonEmptyString { region = RegionResolver.gcpRegion(fromZone: z) }
            else if let rg = attributes["region"].nonEmptyString { region = rg }
            else if let loc = attributes["location"].nonEmptyString { region = RegionResolver.gcpRegion(fromZone: loc.lowercased()) }
            else if let rg = info?.region.nonEmptyString { region = rg }
            else { assumed = true }
        default: break
        }
        var previous: String?
        for mv in config.moved {
            if mv.to == r.key, !mv.from.contains("[") { previous = prefixed(mv.from) + inst.suffix }
            else if mv.to == r.key + inst.suffix { previous = prefixed(mv.from) }
        }
        var resource = Resource(address: address, type: r.type, name: r.name, provider: cloud,
                                providerName: "registry.terraform.io/hashicorp/\(localName)", region: region, regionAssumed: assumed,
                                action: .create, attributes: attributes, previousAddress: previous, location: location,
                                references: inst.references, moduleAddress: configAddress)
        // the same finishing as the plan reader: tags and their sources, sizes, kubernetes_* as Kubernetes objects
        TerraformResources.finish(&resource)
        return resource
    }

    // MARK: - providers

    func provider(_ key: String) -> ProviderInfo? {
        if let done = providerDone[key] { return done }
        providerDone[key] = .some(nil)
        var found: ProviderInfo?
        if let mapped = providerMap[key], let parent {
            found = parent.provider(mapped)
        } else if let p = config.providers.first(where: { p in
            let name = p.block.labels.first ?? ""
            if case .literal(.string(let alias), _)? = p.block.body.attribute("alias")?.expr { return key == "\(name).\(alias)" }
            return key == name
        }) {
            var ev = evaluator()
            let outer = ev.work.file
            ev.work.file = p.file
            defer { ev.work.file = outer }
            let region = p.block.body.attribute("region").map { (try? ev.eval($0.expr, [:])) ?? .unknown } ?? .null
            var tags: Value = .null
            if let dt = p.block.body.blocks("default_tags").first, let t = dt.body.attribute("tags") {
                tags = (try? ev.eval(t.expr, [:])).map(HCLEvaluator.clean) ?? .unknown
            }
            found = ProviderInfo(region: region, defaultTags: tags)
        } else if !key.contains("."), let parent {
            found = parent.provider(key)
        }
        providerDone[key] = .some(found)
        return found
    }

    // MARK: - modules

    func moduleState(_ name: String) -> State<(Value?, HCLModuleInstance)> {
        if let s = moduleDone[name] { return s }
        guard let call = config.moduleCalls.first(where: { $0.name == name }) else { return .skipped("not declared") }
        moduleDone[name] = .inProgress
        let s = instantiate(call.name, call.block, call.file)
        moduleDone[name] = s
        return s
    }

    private func instantiate(_ name: String, _ block: HCLBlock, _ file: String) -> State<(Value?, HCLModuleInstance)> {
        guard depth < 32 else { return .skipped("modules nested deeper than 32 levels") }
        guard case .literal(.string(let source), _)? = block.body.attribute("source")?.expr else {
            return .skipped("the module source must be a literal string")
        }
        let dir: String
        if source.hasPrefix("./") || source.hasPrefix("../") || source == "." || source == ".." {
            dir = run.normalize(run.join(config.directory, source))
        } else {
            let key = (configAddress.isEmpty ? "" : configAddress.replacingModulePrefix() + ".") + name
            guard let d = run.downloaded[key] else { return .skipped("module not downloaded (run terraform init)") }
            dir = d
        }
        let childConfig: HCLModuleConfig
        do { childConfig = try run.config(dir) } catch let e as CostGateError {
            run.note("\(prefixed("module.\(name)")): \(e.description)")
            return .skipped("module source cannot be read: \(e.description)")
        } catch { return .skipped("module source cannot be read") }
        if childConfig.files.isEmpty { return .skipped("module source \(source) has no .tf files") }
        let keys: [(Value?, HCLEvaluator.Env)]
        switch expansion(block.body, what: "module.\(name)", file: file) {
        case .failure(let e): return .skipped(e.message)
        case .success(let list): keys = list ?? [(nil, [:])]
        }
        var providerMap: [String: String] = [:]
        if case .object(let items, _)? = block.body.attribute("providers")?.expr {
            for (k, v) in items {
                let kt: String?
                if case .literal(.string(let s), _) = k { kt = s } else { kt = k.traversalText }
                if let kt, let vt = v.traversalText { providerMap[kt] = vt }
            }
        }
        let configAddr = configAddress.isEmpty ? "module.\(name)" : "\(configAddress).module.\(name)"
        var out: [(Value?, HCLModuleInstance)] = []
        for (key, env) in keys {
            var suffix = ""
            switch key {
            case .number(let n)?: suffix = "[\(n)]"
            case .string(let s)?: suffix = "[\(HCLText.quoted(s))]"
            default: break
            }
            let child = HCLModuleInstance(run: run, config: childConfig, address: prefixed("module.\(name)") + suffix,
                                          configAddress: configAddr, parent: self, depth: depth + 1)
            child.callName = name
            child.providerMap = providerMap
            for a in block.body.attributes where !["source", "version", "count", "for_each", "providers", "depends_on"].contains(a.name) {
                child.inputExprs[a.name] = (a.expr, env, file)
            }
            children.append(child)
            out.append((key, child))
        }
        let byKey = block.body.attribute("for_each") != nil
        return .instances(out, byKey: byKey)
    }

    /// Children are kept alive here (they point at their parent weakly).
    private var children: [HCLModuleInstance] = []

    private func moduleValue(_ name: String, _ steps: [HCLStep], _ p: HCLPos) throws -> (Value, Int) {
        switch moduleState(name) {
        case .inProgress: return (.unknown, 1)
        case .skipped(let reason):
            run.note("\(prefixed("module.\(name)")) outputs unknown: \(reason)")
            return (.unknown, 1)
        case .instances(let list, let byKey):
            if list.count == 1, list[0].0 == nil {
                if steps.count > 1, case .attr(let out) = steps[1] { return (try list[0].1.output(out, p), 2) }
                return (list[0].1.allOutputs(), 1)
            }
            // module.x[KEY].output: only that output of that instance
            if steps.count > 2, case .index(let k) = steps[1], case .attr(let out) = steps[2] {
                if let m = HCLEvaluator.poisonTop([k]) { return (m, 2) }
                for (key, inst) in list {
                    if let key, HCLEvaluator.equal(key, k) || (try? HCLEvaluator.string(key)) == (try? HCLEvaluator.string(k)) {
                        return (try inst.output(out, p), 3)
                    }
                }
            }
            if byKey {
                var m = Members()
                for (k, inst) in list { if case .string(let s)? = k { m[s] = inst.allOutputs() } }
                return (.object(m), 1)
            }
            return (.array(list.map { $0.1.allOutputs() }), 1)
        }
    }

    func output(_ name: String, _ p: HCLPos) throws -> Value {
        if let done = outputDone[name] { return try done.get() }
        guard let (block, file) = config.outputs[name] else { throw HCLEvalError("module \(callName) has no output \(name)", p) }
        try run.enter(p)
        defer { run.referenceDepth -= 1 }
        outputDone[name] = .success(.unknown)   // a cycle reads unknown
        var r: Result<Value, HCLEvalError>
        if let v = block.body.attribute("value") {
            var ev = evaluator()
            do { r = .success(try ev.work.within(file) { try ev.eval(v.expr, [:]) }) } catch let e as HCLEvalError { r = .failure(e) } catch { r = .failure(HCLEvalError("\(error)", p)) }
        } else {
            r = .success(.null)
        }
        if case .literal(.bool(true), _)? = block.body.attribute("sensitive")?.expr, case .success = r { r = .success(.sensitive) }
        outputDone[name] = r
        return try r.get()
    }

    func allOutputs() -> Value {
        var m = Members()
        for name in config.outputs.keys.sorted() {
            m[name] = (try? output(name, HCLPos(0, 0))) ?? .unknown
        }
        return .object(m)
    }
}

private extension String {
    /// `module.a.module.b` → `a.b` (the key form of modules.json).
    func replacingModulePrefix() -> String {
        split(separator: ".").enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) }.joined(separator: ".")
    }
}
