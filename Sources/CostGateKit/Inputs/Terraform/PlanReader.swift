import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif
/// Reads `terraform show -json` output into neutral `Resource`s.
///
/// Only what pricing needs is decoded: for each resource the reader asks `attributesFor(type)` which
/// top-level attributes to keep (besides the tags, regions and sizes it reads itself); everything else is skipped by a validating scan. Sensitive leaves
/// are replaced by `Value.sensitive` here, so no later stage can print them.
public struct PlanReader: Sendable {
    public struct Options: Sendable {
        public var defaultRegion: String
        public var regionWasGiven: Bool
        public init(defaultRegion: String = "us-east-1", regionWasGiven: Bool = false) {
            self.defaultRegion = defaultRegion
            self.regionWasGiven = regionWasGiven
        }
    }

    public struct Plan: Sendable {
        public var file: String
        public var formatVersion: String?
        public var terraformVersion: String?
        public var resources: [Resource]
        public var dataSources: Int
    }

    /// Top-level attributes to decode for a resource type.
    public let attributesFor: @Sendable (String) -> Set<String>
    public let options: Options

    public init(options: Options = Options(), attributesFor: @escaping @Sendable (String) -> Set<String>) {
        self.options = options
        self.attributesFor = attributesFor
    }

    /// Reads a plan file. A UTF-8 file is memory-mapped and its pages are released as the reader passes
    /// them; UTF-16 and standard input are read into memory.
    public func read(path: String) throws -> Plan {
        if path != "-", let mapped = MappedFile(path: path) {
            let b = mapped.bytes
            let utf16 = b.count >= 2 && ((b[0] == 0xFF && b[1] == 0xFE) || (b[0] == 0xFE && b[1] == 0xFF))
            let zip = b.count >= 4 && b[0] == 0x50 && b[1] == 0x4B && b[2] == 0x03 && b[3] == 0x04
            if !utf16 && !zip {
                let start = b.count >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF ? 3 : 0
                return try parse(UnsafeBufferPointer(rebasing: b[start...]), file: path, mapped: mapped)
            }
        }
        let raw = try FileIO.read(path)
        return try read(bytes: raw, file: path)
    }

    public func read(bytes raw: [UInt8], file: String) throws -> Plan {
        if raw.count >= 4, raw[0] == 0x50, raw[1] == 0x4B, raw[2] == 0x03, raw[3] == 0x04 {
            throw CostGateError(
                "this is a binary Terraform plan (a zip file), not JSON; run `terraform show -json \(file) > plan.json` and pass plan.json",
                at: SourceLocation(file: file, line: 1, column: 1))
        }
        if raw.isEmpty {
            throw CostGateError("the file is empty; pass the output of `terraform show -json PLANFILE`",
                                at: SourceLocation(file: file, line: 1, column: 1))
        }
        let bytes = TextEncoding.utf8(raw)
        return try bytes.withUnsafeBufferPointer { buffer in
            try parse(buffer, file: file)
        }
    }

    // MARK: - document

    private struct RawChange {
        var address = ""
        var moduleAddress = ""
        var mode = "managed"
        var type = ""
        var name = ""
        var providerName = ""
        var previousAddress: String?
        var deposed = false
        var changeOffset: Int?
        var parsed: ParsedChange?
        var valuesOffset: Int?
        var sensitiveOffset: Int?
    }

    /// Top-level keys only a plan has; a JSON object with none of them (package.json, `{}`) is not a plan.
    static let planKeys: Set<String> = ["format_version", "terraform_version", "resource_changes", "planned_values", "prior_state"]
    public static let notAPlan = "not a Terraform plan: it has none of a plan's keys (format_version, resource_changes, planned_values); "
        + "pass the output of `terraform show -json PLANFILE`, or --skip-other-files to pass over other JSON files"

    private func parse(_ bytes: UnsafeBufferPointer<UInt8>, file: String, mapped: MappedFile? = nil) throws -> Plan {
        var r = JSONReader(bytes: bytes, file: file)
        r.keys = Interner()
        r.skipWhitespace()
        guard r.pos < bytes.count else {
            throw CostGateError("the file holds only white space; pass the output of `terraform show -json PLANFILE`",
                                at: SourceLocation(file: file, line: 1, column: 1))
        }
        if bytes[r.pos] != UInt8(ascii: "{") {
            // Tolerate text before the JSON (the hashicorp/setup-terraform wrapper's "[command]…" line).
            var i = r.pos
            var found: Int?
            while i < bytes.count {
                if bytes[i] == 0x0A {
                    var j = i + 1
                    while j < bytes.count, bytes[j] == 0x20 || bytes[j] == 0x0D { j += 1 }
                    if j < bytes.count, bytes[j] == UInt8(ascii: "{") { found = j; break }
                }
                i += 1
            }
            guard let start = found else {
                throw r.fail("not a JSON plan: expected '{', found \(r.describe(at: r.pos)); pass the output of `terraform show -json PLANFILE`")
            }
            r.pos = start
        }

        var formatVersion: String?
        var terraformVersion: String?
        var changes: [RawChange] = []
        var sawResourceChanges = false
        var plannedValuesOffset: Int?
        var config = ConfigIndex()
        var variables: [String: Value] = [:]
        var redacted = false
        var stateValues = false
        let strings = Interner()
        let keySets = KeySets(attributesFor)

        var sawPlanKey = false
        var top = try r.beginObject()
        while let key = try r.nextKey(&top) {
            if Self.planKeys.contains(key) { sawPlanKey = true }
            switch key {
            case "format_version":
                formatVersion = r.consumeNull() ? nil : (try r.readValue()).string
            case "terraform_version":
                terraformVersion = r.consumeNull() ? nil : (try r.readValue()).string
            case "plan_format_version", "provider_format_version", "provider_schemas":
                redacted = true
                try r.skipValue()
            case "values":
                stateValues = true
                try r.skipValue()
            case "resource_changes":
                sawResourceChanges = true
                if r.consumeNull() { break }
                var arr = try r.beginArray()
                while try r.nextElement(&arr) {
                    changes.append(try readChangeHeader(&r, strings: strings, keySets: keySets))
                    mapped?.release(upTo: r.pos)
                }
            case "planned_values":
                plannedValuesOffset = r.pos
                try r.skipValue()
                mapped?.release(upTo: r.pos)
            case "configuration":
                if !r.consumeNull() { config = try ConfigIndex.read(&r) }
            case "variables":
                if !r.consumeNull() {
                    var obj = try r.beginObject()
                    while let name = try r.nextKey(&obj) {
                        let v = try r.readValue()
                        variables[name] = v["value"]
                    }
                }
            default:
                try r.skipValue()
            }
        }
        // After the object: only white space, or the setup-terraform wrapper's "%0A" / "::set-output" tail.
        r.skipWhitespace()
        if r.pos < bytes.count {
            let tail = String(decoding: UnsafeBufferPointer(rebasing: bytes[r.pos..<min(bytes.count, r.pos + 3)]), as: UTF8.self)
            if !(tail.hasPrefix("%0A") || tail.hasPrefix("::")) {
                throw r.fail("invalid JSON: unexpected \(r.describe(at: r.pos)) after the end of the plan object (is a brace unbalanced?)")
            }
        }
        if redacted {
            throw CostGateError(
                "this is an HCP Terraform redacted JSON plan, which costgate does not read; run `terraform show -json PLANFILE` locally and pass its output",
                at: SourceLocation(file: file, line: 1, column: 1))
        }
        if let fv = formatVersion {
            let major = fv.split(separator: ".").first.map(String.init) ?? fv
            guard major == "0" || major == "1" else {
                throw CostGateError("unsupported plan format_version \"\(fv)\"; costgate reads 0.x and 1.x (Terraform 0.12 and later)",
                                    at: SourceLocation(file: file, line: 1, column: 1))
            }
        }
        if stateValues && !sawResourceChanges && plannedValuesOffset == nil {
            throw CostGateError(
                "this is Terraform state (`values`), not a plan; run `terraform plan -out tfplan && terraform show -json tfplan > plan.json` and pass plan.json",
                at: SourceLocation(file: file, line: 1, column: 1))
        }
        if !sawPlanKey {
            throw CostGateError(Self.notAPlan, at: SourceLocation(file: file, line: 1, column: 1))
        }

        let regions = RegionResolver(config: config, variables: variables, options: options)
        let moduleNames = ModuleNames()
        var resources: [Resource] = []
        var dataSources = 0

        if changes.isEmpty, let offset = plannedValuesOffset {
            // Fragments and trimmed fixtures: no resource_changes, so read what planned_values says will exist.
            r.pos = offset
            var planned: [RawChange] = []
            if !r.consumeNull() { try readPlannedModule(&r, into: &planned, strings: strings) }
            changes = planned
        }
        // Consume the raw changes while building resources, so the two lists are not both whole at once.
        resources.reserveCapacity(changes.count)
        while let change = changes.popLast() {
            if change.mode == "data" { dataSources += 1; continue }
            if change.deposed { continue }
            resources.append(try buildResource(change, reader: &r, regions: regions, moduleNames: moduleNames, keySets: keySets, file: file))
        }
        resources.reverse()
        return Plan(file: file, formatVersion: formatVersion, terraformVersion: terraformVersion,
                    resources: resources, dataSources: dataSources)
    }

    private func readChangeHeader(_ r: inout JSONReader, strings: Interner, keySets: KeySets) throws -> RawChange {
        var c = RawChange()
        var obj = try r.beginObject()
        while let key = try r.nextKey(&obj) {
            switch key {
            case "address": c.address = try r.readStringOrNull() ?? c.address
            case "module_address": c.moduleAddress = try r.readStringOrNull() ?? c.moduleAddress
            case "mode": c.mode = try r.readStringOrNull() ?? c.mode
            case "type": c.type = strings.intern(try r.readStringOrNull() ?? c.type)
            case "name": c.name = try r.readStringOrNull() ?? c.name
            case "provider_name": c.providerName = strings.intern(try r.readStringOrNull() ?? c.providerName)
            case "previous_address": c.previousAddress = try r.readStringOrNull()
            case "deposed": c.deposed = !r.consumeNull(); if c.deposed { try r.skipValue() }
            case "change":
                // Terraform writes `type` before `change`; then the change is read in one pass.
                if !c.type.isEmpty, c.mode != "data" {
                    c.parsed = try readChange(&r, wanted: keySets.forType(c.type), address: c.address)
                } else {
                    c.changeOffset = r.pos
                    try r.skipValue()
                }
            default: try r.skipValue()
            }
        }
        return c
    }

    struct ParsedChange {
        var action: Action
        var after: Value
        var before: Value
    }

    private func readChange(_ r: inout JSONReader, wanted: KeySet, address: String) throws -> ParsedChange {
        var afterRaw: Value = .null, beforeRaw: Value = .null
        var afterUnknown: Value = .null, afterSensitive: Value = .null, beforeSensitive: Value = .null
        var actions: [String]?
        r.skipWhitespace()
        let start = r.pos
        var obj = try r.beginObject()
        while let key = try r.nextKey(&obj) {
            switch key {
            case "actions":
                if r.consumeNull() { actions = []; break }
                var list: [String] = []
                var arr = try r.beginArray()
                while try r.nextElement(&arr) { if let a = try r.readStringOrNull() { list.append(a) } }
                actions = list
            case "after": afterRaw = try readSelected(&r, wanted)
            case "before": beforeRaw = try readSelected(&r, wanted)
            case "after_unknown": afterUnknown = try readSelected(&r, wanted)
            case "after_sensitive": afterSensitive = try readSelected(&r, wanted)
            case "before_sensitive": beforeSensitive = try readSelected(&r, wanted)
            default: try r.skipValue()
            }
        }
        let list = actions ?? []
        guard let action = Action.fromTerraform(list) else {
            throw CostGateError("resource \(Limits.echo(address)) has unknown actions \(Limits.echo("\(list)")); costgate knows create, update, delete, no-op, read, forget and replace",
                                at: r.location(of: start))
        }
        return ParsedChange(action: action, after: Self.overlay(afterRaw, unknown: afterUnknown, sensitive: afterSensitive),
                            before: Self.overlay(beforeRaw, unknown: .null, sensitive: beforeSensitive))
    }

    private func readPlannedModule(_ r: inout JSONReader, into out: inout [RawChange], strings: Interner) throws {
        var obj = try r.beginObject()
        while let key = try r.nextKey(&obj) {
            switch key {
            case "root_module", "module":
                if !r.consumeNull() { try readPlannedModule(&r, into: &out, strings: strings) }
            case "resources":
                if r.consumeNull() { break }
                var arr = try r.beginArray()
                while try r.nextElement(&arr) {
                    var c = RawChange()
                    var res = try r.beginObject()
                    while let k = try r.nextKey(&res) {
                        switch k {
                        case "address": c.address = try r.readStringOrNull() ?? c.address
                        case "mode": c.mode = try r.readStringOrNull() ?? c.mode
                        case "type": c.type = strings.intern(try r.readStringOrNull() ?? c.type)
                        case "name": c.name = try r.readStringOrNull() ?? c.name
                        case "provider_name": c.providerName = strings.intern(try r.readStringOrNull() ?? c.providerName)
                        case "values": c.valuesOffset = r.pos; try r.skipValue()
                        case "sensitive_values": c.sensitiveOffset = r.pos; try r.skipValue()
                        default: try r.skipValue()
                        }
                    }
                    c.moduleAddress = ConfigIndex.modulePart(of: c.address)
                    out.append(c)
                }
            case "child_modules":
                if r.consumeNull() { break }
                var arr = try r.beginArray()
                while try r.nextElement(&arr) { try readPlannedModule(&r, into: &out, strings: strings) }
            default:
                try r.skipValue()
            }
        }
    }

    // MARK: - one resource

    private func buildResource(_ c: RawChange, reader r: inout JSONReader, regions: RegionResolver, moduleNames: ModuleNames,
                               keySets: KeySets, file: String) throws -> Resource {
        let wanted = keySets.forType(c.type)
        var action: Action = .planned
        var after: Value = .null
        var before: Value = .null

        var parsed = c.parsed
        if parsed == nil, let offset = c.changeOffset {
            r.pos = offset
            parsed = try readChange(&r, wanted: wanted, address: c.address)
        }
        if let p = parsed {
            action = p.action
            after = p.after
            before = p.before
        } else if let offset = c.valuesOffset {
            r.pos = offset
            let values = try readSelected(&r, wanted)
            var sensitive: Value = .null
            if let s = c.sensitiveOffset {
                r.pos = s
                sensitive = try readSelected(&r, wanted)
            }
            after = Self.overlay(values, unknown: .null, sensitive: sensitive)
        }

        let provider = Resource.cloudProvider(forType: c.type)
        let module = moduleNames.name(c.moduleAddress)
        let configAddress = module.isEmpty ? "\(c.type).\(c.name)" : "\(module).\(c.type).\(c.name)"
        let configResource = regions.config.resources[configAddress]
        let attributes = action.existsAfter ? after : before
        let (region, assumed) = regions.region(
            provider: provider, providerName: c.providerName, configKey: configResource?.providerConfigKey,
            moduleAddress: c.moduleAddress, attributes: attributes)
        var resource = Resource(
            address: c.address, type: c.type, name: c.name, provider: provider, providerName: c.providerName,
            region: region, regionAssumed: assumed, action: action, attributes: after, before: before,
            previousAddress: c.previousAddress, location: SourceLocation(file: file),
            references: configResource?.references ?? [:], moduleAddress: module)
        TerraformResources.finish(&resource)
        return resource
    }

    /// Reads an object keeping only the wanted top-level members (or skips a non-object).
    private func readSelected(_ r: inout JSONReader, _ wanted: KeySet) throws -> Value {
        guard let c = r.peek() else { throw r.fail("invalid JSON: unexpected end of file") }
        if c != UInt8(ascii: "{") {
            // a bool mirror (`after_sensitive: true`) or null
            if c == UInt8(ascii: "t") || c == UInt8(ascii: "f") || c == UInt8(ascii: "n") { return try r.readValue() }
            try r.skipValue()
            return .null
        }
        var members = Members(reservingCapacity: 8)
        var obj = try r.beginObject()
        while let range = try r.nextKeyRange(&obj) {
            // compare the key's bytes with the wanted names; allocate only for the ones kept
            let keyBytes = UnsafeBufferPointer(rebasing: r.bytes[range])
            // a key spelled with an escape is matched on its decoded text (attribute names have no escapes,
            // but a mirror may spell one: `"instance\u005ftype": true` must still mask instance_type)
            if let name = keyBytes.contains(UInt8(ascii: "\\")) ? wanted.match(decoded: try r.decodedKey(range)) : wanted.match(keyBytes) {
                members.append(name, try r.readValue())
            } else {
                try r.skipValue()
            }
        }
        members.compact()
        return .object(members)
    }

    /// Attribute names to keep, as bytes grouped by length, so a key is matched without allocating.
    struct KeySet {
        private var byLength: [[([UInt8], String)]] = []

        init(_ names: Set<String>) {
            for name in names.sorted() {
                let bytes = Array(name.utf8)
                while byLength.count <= bytes.count { byLength.append([]) }
                byLength[bytes.count].append((bytes, name))
            }
        }

        func match(decoded key: String) -> String? {
            var key = key
            return key.withUTF8 { match($0) }
        }

        /// The wanted name equal to these key bytes.
        func match(_ key: UnsafeBufferPointer<UInt8>) -> String? {
            guard key.count < byLength.count else { return nil }
            for (bytes, name) in byLength[key.count] {
                if bytes.withUnsafeBufferPointer({ memcmp($0.baseAddress!, key.baseAddress!, key.count) == 0 }) { return name }
            }
            return nil
        }
    }

    /// Key sets by resource type, built once per type in a run.
    final class KeySets {
        private var sets: [String: KeySet] = [:]
        private let attributesFor: (String) -> Set<String>
        init(_ attributesFor: @escaping (String) -> Set<String>) { self.attributesFor = attributesFor }
        func forType(_ type: String) -> KeySet {
            if let k = sets[type] { return k }
            // what the pricers read, and what the reader itself needs to finish the resource
            let k = KeySet(attributesFor(type).union(TerraformResources.attributes(for: type)))
            sets[type] = k
            return k
        }
    }

    /// A mirror that marks nothing: null, false, or containers of those.
    static func isTrivialMirror(_ m: Value) -> Bool {
        switch m {
        case .null, .bool(false): return true
        case .object(let members): return members.values.allSatisfy(isTrivialMirror)
        case .array(let items): return items.allSatisfy(isTrivialMirror)
        default: return false
        }
    }

    /// Module instance address → configuration address (`module.a["k"]` → `module.a`), memoized.
    final class ModuleNames {
        private var names: [String: String] = ["": ""]
        func name(_ instance: String) -> String {
            if let n = names[instance] { return n }
            let n = ConfigIndex.stripKeys(instance)
            names[instance] = n
            return n
        }
    }

    /// Merges a value with its `after_unknown` and `*_sensitive` mirrors.
    static func overlay(_ value: Value, unknown: Value, sensitive: Value) -> Value {
        if case .bool(true) = sensitive { return .sensitive }
        if case .bool(true) = unknown { return .unknown }
        if isTrivialMirror(unknown) && isTrivialMirror(sensitive) { return value }
        switch value {
        case .object(let members):
            // only the members the mirrors mention change; the rest is shared, not copied. A key is decided
            // over every copy of it (in the value and in the mirrors): a key given twice is masked whole if
            // any copy of its mirror marks anything, so no shadowed copy can keep a secret.
            var out = members
            var marked: [String] = []
            for (k, m) in unknown.objectMembers where !isTrivialMirror(m) && !marked.contains(k) { marked.append(k) }
            for (k, m) in sensitive.objectMembers where !isTrivialMirror(m) && !marked.contains(k) { marked.append(k) }
            for k in marked {
                let masks = sensitive.objectMembers.filter { $0.key == k && !isTrivialMirror($0.value) }.map(\.value)
                let copies = members.count(of: k)
                if masks.contains(.bool(true)) || masks.count > 1 || (!masks.isEmpty && copies > 1) {
                    out.replaceAll(k, with: .sensitive)
                    continue
                }
                let unknowns = unknown.objectMembers.filter { $0.key == k && !isTrivialMirror($0.value) }.map(\.value)
                out.replaceAll(k, with: overlay(members[k] ?? .null, unknown: unknowns.last ?? .null, sensitive: masks.first ?? .null))
            }
            return .object(out)
        case .array(let items):
            var out: [Value] = []
            out.reserveCapacity(items.count)
            for (i, v) in items.enumerated() { out.append(overlay(v, unknown: unknown[i], sensitive: sensitive[i])) }
            return .array(out)
        case .null:
            // a block that is wholly unknown except for its shape: keep the unknown leaves
            if unknown.objectMembers.values.contains(where: { $0 == .bool(true) }) {
                return overlay(.object(Members()), unknown: unknown, sensitive: sensitive)
            }
            return .null
        default:
            return value
        }
    }
}
