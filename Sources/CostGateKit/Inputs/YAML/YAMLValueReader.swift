import FoundationEssentials
import CLibYAML

/// One YAML document read straight into a `Value` (no node tree), with the few places a reader of
/// Kubernetes manifests needs for its errors and addresses.
public struct YAMLDocument: Sendable {
    public struct Place: Sendable, Equatable { public var line: Int; public var column: Int }

    /// A scalar found in a mapping named like a quantity map (`requests`, `limits`, `default` …).
    public struct QuantityEntry: Sendable {
        public var path: [String]        // keys from the root to the map, list positions as "#0", "#1" …
        public var key: String
        public var text: String?         // nil when the value is not a scalar
        public var place: Place
    }

    public var value: Value
    public var place: Place
    /// Where each element of the root's `items` starts (List kinds).
    public var itemPlaces: [Place]
    public var quantities: [QuantityEntry]
    /// Paths where `resources:` holds a list instead of a mapping.
    public var resourcesLists: [([String], Place)]
}

extension YAMLReader {
    /// The mappings whose scalars are quantities (`requests`, `limits`, LimitRange `default`, `defaultRequest`,
    /// `max`, `min`, pod `overhead`, PV `capacity`), told by length first: no hashing of every key of every document.
    static func isQuantityMap(_ key: String) -> Bool {
        switch key.utf8.count {
        case 3: return key == "max" || key == "min"
        case 6: return key == "limits"
        case 7: return key == "default"
        case 8: return key == "requests" || key == "overhead" || key == "capacity"
        case 14: return key == "defaultRequest"
        default: return false
        }
    }

    /// Streams documents as values. Empty documents are skipped.
    public static func forEachValueDocument(_ bytes: [UInt8], file: String, _ body: (YAMLDocument) throws -> Void) throws {
        try bytes.withUnsafeBufferPointer { try forEachValueDocument($0, lineOffset: 0, file: file, body) }
    }

    /// An open mapping or sequence. Its members wait on the reader's shared scratch stacks from `start`, so
    /// each finished container is one allocation of exactly its size (no growing, no compacting).
    private struct Frame {
        var isMapping: Bool
        var place: YAMLDocument.Place
        var keyInParent: String?
        var indexInParent: Int
        var anchor: String?
        var start: Int
        var count = 0
        var pendingKey: String?
        /// A `requests`/`limits`/… mapping: its scalars are quantities to check, all at this path.
        var quantityPath: [String]?
        /// The root's `items` list (List kinds): where each element starts is kept.
        var isRootItems: Bool
        /// Nodes inside it so far, aliases counted expanded.
        var nodes = 0
    }

    /// Streams the documents of part of a stream that starts `lineOffset` lines into the file.
    static func forEachValueDocument(_ buffer: UnsafeBufferPointer<UInt8>, lineOffset: Int, file: String,
                                     _ body: (YAMLDocument) throws -> Void) throws {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { throw CostGateError("cannot start the YAML parser", at: SourceLocation(file: file)) }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_input_string(&parser, buffer.baseAddress ?? UnsafePointer(bitPattern: 1)!, buffer.count)

        var stack: [Frame] = []
        var pairs = ScratchStack<Members.Element>()   // members of the open mappings, innermost last
        var items = ScratchStack<Value>()             // items of the open sequences, innermost last
        defer { pairs.release(); items.release() }
        var anchors: [String: (value: Value, nodes: Int)] = [:]
        var aliasNodes = 0   // nodes the document's aliases and merge keys add, counted expanded
        var doc = YAMLDocument(value: .null, place: .init(line: 1, column: 1), itemPlaces: [], quantities: [], resourcesLists: [])
        var root: Value?
        var event = yaml_event_t()

        /// Keys from the root to the innermost container; list positions as `#0`, `#1` …
        func path() -> [String] {
            var p: [String] = []
            p.reserveCapacity(stack.count)
            for i in stack.indices.dropFirst() { p.append(stack[i].keyInParent ?? "#\(stack[i].indexInParent)") }
            return p
        }

        var mergedMembers = 0
        /// Adds a finished value to the innermost open container (or makes it the document's root).
        func add(_ v: Value, place: YAMLDocument.Place, scalarText: String?) {
            let top = stack.count - 1
            guard top >= 0 else { root = v; return }
            guard stack[top].isMapping else {
                if stack[top].isRootItems { doc.itemPlaces.append(place) }
                items.append(v)
                stack[top].count += 1
                return
            }
            guard let key = stack[top].pendingKey else {
                // a key: scalars only (complex keys become their text)
                stack[top].pendingKey = scalarText ?? ""
                return
            }
            stack[top].pendingKey = nil
            if key == "<<" {
                // merge key: the aliased mapping's members (or a list of mappings), where not set here
                let start = stack[top].start
                for m in v.array.isEmpty ? [v] : v.array {
                    mergedMembers += m.objectMembers.count
                    for (k, mv) in m.objectMembers where !pairs.contains(from: start, where: { $0.key == k }) {
                        pairs.append((k, mv))
                        stack[top].count += 1
                    }
                }
            } else {
                pairs.append((key, v))
                stack[top].count += 1
            }
            if let p = stack[top].quantityPath { doc.quantities.append(.init(path: p, key: key, text: scalarText, place: place)) }
            if key == "resources", case .array = v { doc.resourcesLists.append((path(), place)) }
        }

        while true {
            guard yaml_parser_parse(&parser, &event) == 1 else { throw syntaxError(parser, file: file, lineOffset: lineOffset) }
            defer { yaml_event_delete(&event) }
            let place = YAMLDocument.Place(line: Int(event.start_mark.line) + 1 + lineOffset, column: Int(event.start_mark.column) + 1)
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return
            case YAML_DOCUMENT_START_EVENT:
                mergedMembers = 0
                root = nil
                anchors = [:]
                aliasNodes = 0
                doc = YAMLDocument(value: .null, place: place, itemPlaces: [], quantities: [], resourcesLists: [])
            case YAML_DOCUMENT_END_EVENT:
                if let r = root, r != .null {
                    doc.value = r
                    try body(doc)
                }
            case YAML_SCALAR_EVENT:
                let s = event.data.scalar
                let text = scalarText(s.value, s.length, s.style)
                let top = stack.count - 1
                let isKey = top >= 0 && stack[top].isMapping && stack[top].pendingKey == nil
                let v: Value = isKey ? .string(text) : typed(text, plain: s.style == YAML_PLAIN_SCALAR_STYLE)
                if case .number(let n) = v, !Limits.numberInRange(n) { throw numberOutOfRange(n, file: file, place: place) }
                if let a = s.anchor { anchors[String(cString: a)] = (v, 1) }
                if top >= 0 { stack[top].nodes += 1 }
                if top < 0 { doc.place = place }
                add(v, place: place, scalarText: text)
            case YAML_ALIAS_EVENT:
                let name = event.data.alias.anchor.map { String(cString: $0) } ?? ""
                guard let (target, nodes) = anchors[name] else {
                    throw CostGateError("YAML alias *\(Limits.echo(name)) names no anchor", at: SourceLocation(file: file, line: place.line, column: place.column))
                }
                aliasNodes += nodes
                if aliasNodes > Limits.maxAliasNodes { throw aliasBudget(file: file, place: place) }
                if let top = stack.indices.last { stack[top].nodes += nodes }
                add(target, place: place, scalarText: target.string)
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                let isMapping = event.type == YAML_MAPPING_START_EVENT
                let anchor = (isMapping ? event.data.mapping_start.anchor : event.data.sequence_start.anchor).map { String(cString: $0) }
                let top = stack.count - 1
                // the key this container is the value of, if any
                let key = top >= 0 && stack[top].isMapping ? stack[top].pendingKey : nil
                if top < 0 { doc.place = place }
                if stack.count >= Limits.maxDepth { throw tooDeep(file: file, place: place) }
                stack.append(Frame(isMapping: isMapping, place: place, keyInParent: key,
                                   indexInParent: top >= 0 && !stack[top].isMapping ? stack[top].count : 0,
                                   anchor: anchor, start: isMapping ? pairs.count : items.count,
                                   quantityPath: nil, isRootItems: !isMapping && top == 0 && key == "items"))
                if isMapping, let key, isQuantityMap(key) { stack[stack.count - 1].quantityPath = path() }
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                let frame = stack.removeLast()
                let v: Value
                if frame.isMapping {
                    v = .object(Members(taking: pairs.take(from: frame.start)))
                } else {
                    v = .array(items.take(from: frame.start))
                }
                if let top = stack.indices.last { stack[top].nodes += frame.nodes + 1 }
                if let a = frame.anchor { anchors[a] = (v, frame.nodes + 1) }
                add(v, place: frame.place, scalarText: nil)
                if mergedMembers > Limits.maxAliasNodes { throw aliasBudget(file: file, place: frame.place) }
            default:
                break
            }
        }
    }

    /// A stack whose top elements are moved out into an array of exactly their number (no copies, no
    /// reference counting), for the members of the containers a reader has open.
    struct ScratchStack<Element> {
        private var base: UnsafeMutablePointer<Element>
        private var capacity = 256
        private(set) var count = 0

        init() { base = .allocate(capacity: capacity) }

        mutating func append(_ e: Element) {
            if count == capacity {
                let grown = UnsafeMutablePointer<Element>.allocate(capacity: capacity * 2)
                grown.moveInitialize(from: base, count: count)
                base.deallocate()
                base = grown
                capacity *= 2
            }
            (base + count).initialize(to: e)
            count += 1
        }

        /// The elements from `start` to the top, moved out; the stack is left `start` long.
        mutating func take(from start: Int) -> [Element] {
            let n = count - start
            guard n > 0 else { return [] }
            let source = base + start
            count = start
            let out = Array(UnsafeBufferPointer(start: source, count: n))
            source.deinitialize(count: n)
            return out
        }

        func contains(from start: Int, where match: (Element) -> Bool) -> Bool {
            var i = start
            while i < count {
                if match(base[i]) { return true }
                i += 1
            }
            return false
        }

        /// Frees the storage (the reader calls it once, when it is done).
        mutating func release() {
            base.deinitialize(count: count)
            base.deallocate()
            count = 0
        }
    }

    /// A scalar's text. Quoted and block scalars may hold control characters (`"\n"`, `"\e"`, `|`), and any
    /// scalar NEL or U+2028: they are kept as their escapes, so no value read from input can break a line of
    /// an error or a report.
    static func scalarText(_ value: UnsafeMutablePointer<UInt8>?, _ length: Int, _ style: yaml_scalar_style_t) -> String {
        guard let p = value else { return "" }
        let bytes = UnsafeBufferPointer(start: p, count: length)
        let text = String(decoding: bytes, as: UTF8.self)
        if Limits.hasControl(bytes) {
            return Limits.escapingControls(text, keepingTabs: true)
        }
        return text
    }

    static func numberOutOfRange(_ n: String, file: String, place: YAMLDocument.Place) -> CostGateError {
        CostGateError("the number \(Limits.echo(n)) is out of range: costgate reads numbers from 1e-18 to 1e18 (and zero)",
                      at: SourceLocation(file: file, line: place.line, column: place.column))
    }

    static func tooDeep(file: String, place: YAMLDocument.Place) -> CostGateError {
        CostGateError("YAML nested more than \(Limits.maxDepth) levels deep; costgate reads at most that",
                      at: SourceLocation(file: file, line: place.line, column: place.column))
    }

    static func aliasBudget(file: String, place: YAMLDocument.Place) -> CostGateError {
        CostGateError("YAML aliases and merge keys expand to more than \(Limits.maxAliasNodes) nodes in one document; write the values out",
                      at: SourceLocation(file: file, line: place.line, column: place.column))
    }

    /// Plain scalars typed as YAML 1.2's core schema does; quoted ones stay strings.
    static func typed(_ s: String, plain: Bool) -> Value {
        guard plain else { return .string(s) }
        // most scalars are names: only these first bytes can start a null, a boolean or a number
        guard let first = s.utf8.first else { return .null }
        switch first {
        case UInt8(ascii: "~"): return s == "~" ? .null : .string(s)
        case UInt8(ascii: "n"), UInt8(ascii: "N"): return s == "null" || s == "Null" || s == "NULL" ? .null : .string(s)
        case UInt8(ascii: "t"), UInt8(ascii: "T"): return s == "true" || s == "True" || s == "TRUE" ? .bool(true) : .string(s)
        case UInt8(ascii: "f"), UInt8(ascii: "F"): return s == "false" || s == "False" || s == "FALSE" ? .bool(false) : .string(s)
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."):
            return Money.isDecimalLiteral(s) ? .number(s) : .string(s)
        default: return .string(s)
        }
    }
}
