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
    static let quantityMaps: Set<String> = ["requests", "limits", "default", "defaultRequest", "max", "min", "overhead", "capacity"]

    /// Streams documents as values. Empty documents are skipped.
    public static func forEachValueDocument(_ bytes: [UInt8], file: String, _ body: (YAMLDocument) throws -> Void) throws {
        try bytes.withUnsafeBufferPointer { try forEachValueDocument($0, lineOffset: 0, file: file, body) }
    }

    /// Streams the documents of part of a stream that starts `lineOffset` lines into the file.
    static func forEachValueDocument(_ buffer: UnsafeBufferPointer<UInt8>, lineOffset: Int, file: String,
                                     _ body: (YAMLDocument) throws -> Void) throws {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { throw CostGateError("cannot start the YAML parser", at: SourceLocation(file: file)) }
        defer { yaml_parser_delete(&parser) }

        struct Frame {
            var isMapping: Bool
            var place: YAMLDocument.Place
            var keyInParent: String?
            var indexInParent: Int
            var anchor: String?
            var members = Members()
            var items: [Value] = []
            var pendingKey: String?
        }

        do {
            yaml_parser_set_input_string(&parser, buffer.baseAddress ?? UnsafePointer(bitPattern: 1)!, buffer.count)
            var stack: [Frame] = []
            var anchors: [String: Value] = [:]
            var doc = YAMLDocument(value: .null, place: .init(line: 1, column: 1), itemPlaces: [], quantities: [], resourcesLists: [])
            var root: Value?
            var event = yaml_event_t()

            /// Keys from the root to the innermost container; list positions as `#0`, `#1` …
            func path() -> [String] {
                var p: [String] = []
                for f in stack.dropFirst() { p.append(f.keyInParent ?? "#\(f.indexInParent)") }
                return p
            }

            /// Adds a finished value to the innermost open container (or makes it the document's root).
            func add(_ v: Value, place: YAMLDocument.Place, scalarText: String?) {
                guard !stack.isEmpty else { root = v; return }
                let top = stack.count - 1
                if stack[top].isMapping {
                    if let key = stack[top].pendingKey {
                        stack[top].pendingKey = nil
                        if key == "<<" {
                            // merge key: the aliased mapping's members (or a list of mappings)
                            var merged: [Value] = []
                            if case .array(let list) = v { merged = list } else { merged = [v] }
                            for m in merged { for (k, mv) in m.objectMembers where stack[top].members[k] == nil { stack[top].members.append(k, mv) } }
                        } else {
                            stack[top].members.append(key, v)
                        }
                        if let parentKey = stack[top].keyInParent, quantityMaps.contains(parentKey) {
                            doc.quantities.append(.init(path: path(), key: key, text: scalarText, place: place))
                        }
                        if key == "resources", case .array = v { doc.resourcesLists.append((path(), place)) }
                    } else {
                        // a key: scalars only (complex keys become their text)
                        stack[top].pendingKey = scalarText ?? ""
                    }
                } else {
                    if stack.count == 2, stack[0].isMapping, stack[1].keyInParent == "items" { doc.itemPlaces.append(place) }
                    stack[top].items.append(v)
                }
            }

            while true {
                guard yaml_parser_parse(&parser, &event) == 1 else { throw syntaxError(parser, file: file, lineOffset: lineOffset) }
                defer { yaml_event_delete(&event) }
                let place = YAMLDocument.Place(line: Int(event.start_mark.line) + 1 + lineOffset, column: Int(event.start_mark.column) + 1)
                // the key a new container is the value of, if any
                let keyForChild: String? = stack.last.flatMap { $0.isMapping ? $0.pendingKey : nil }
                switch event.type {
                case YAML_STREAM_END_EVENT:
                    return
                case YAML_DOCUMENT_START_EVENT:
                    root = nil
                    anchors = [:]
                    doc = YAMLDocument(value: .null, place: place, itemPlaces: [], quantities: [], resourcesLists: [])
                case YAML_DOCUMENT_END_EVENT:
                    if let r = root, r != .null {
                        doc.value = r
                        try body(doc)
                    }
                case YAML_SCALAR_EVENT:
                    let s = event.data.scalar
                    let text = s.value.map { String(decoding: UnsafeBufferPointer(start: $0, count: s.length), as: UTF8.self) } ?? ""
                    let plain = s.style == YAML_PLAIN_SCALAR_STYLE
                    let isKey = stack.last.map { $0.isMapping && $0.pendingKey == nil } ?? false
                    let v: Value = isKey ? .string(text) : typed(text, plain: plain)
                    if let a = s.anchor { anchors[String(cString: a)] = v }
                    if stack.isEmpty { doc.place = place }
                    add(v, place: place, scalarText: text)
                case YAML_ALIAS_EVENT:
                    let name = event.data.alias.anchor.map { String(cString: $0) } ?? ""
                    guard let target = anchors[name] else {
                        throw CostGateError("YAML alias *\\(name) names no anchor", at: SourceLocation(file: file, line: place.line, column: place.column))
                    }
                    add(target, place: place, scalarText: target.string)
                case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                    if stack.isEmpty { doc.place = place }
                    let isMapping = event.type == YAML_MAPPING_START_EVENT
                    let anchor = (isMapping ? event.data.mapping_start.anchor : event.data.sequence_start.anchor).map { String(cString: $0) }
                    let index = stack.last.map { $0.isMapping ? 0 : $0.items.count } ?? 0
                    stack.append(Frame(isMapping: isMapping, place: place, keyInParent: keyForChild, indexInParent: index, anchor: anchor))
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    let frame = stack.removeLast()
                    var v: Value
                    if frame.isMapping {
                        var m = frame.members
                        m.compact()
                        v = .object(m)
                    } else {
                        v = .array(frame.items)
                    }
                    if let a = frame.anchor { anchors[a] = v }
                    add(v, place: frame.place, scalarText: nil)
                default:
                    break
                }
            }
        }
    }

    /// Plain scalars typed as YAML 1.2's core schema does; quoted ones stay strings.
    static func typed(_ s: String, plain: Bool) -> Value {
        guard plain else { return .string(s) }
        if s.isEmpty || s == "~" || s == "null" || s == "Null" || s == "NULL" { return .null }
        if s == "true" || s == "True" || s == "TRUE" { return .bool(true) }
        if s == "false" || s == "False" || s == "FALSE" { return .bool(false) }
        if Money.isDecimalLiteral(s) { return .number(s) }
        return .string(s)
    }
}
