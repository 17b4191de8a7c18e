import FoundationEssentials
import CLibYAML
import Synchronization

/// A light YAML node with its place in the file.
public struct YAMLNode: Sendable {
    public enum Kind: Sendable {
        case scalar(String, plain: Bool)
        case sequence([YAMLNode])
        case mapping([(YAMLNode, YAMLNode)])
    }

    public var kind: Kind
    // The place is kept as numbers (the file as an index into a table of names), so copying a node
    // costs no reference counting: a large manifest has millions of node copies.
    private var fileID: UInt32
    private var line: UInt32
    private var column: UInt32

    public init(kind: Kind, location: SourceLocation) {
        self.kind = kind
        self.fileID = FileNames.id(location.file)
        self.line = UInt32(location.line ?? 0)
        self.column = UInt32(location.column ?? 0)
    }

    init(kind: Kind, fileID: UInt32, line: Int, column: Int) {
        self.kind = kind
        self.fileID = fileID
        self.line = UInt32(line)
        self.column = UInt32(column)
    }

    public var location: SourceLocation {
        SourceLocation(file: FileNames.name(fileID), line: line == 0 ? nil : Int(line), column: column == 0 ? nil : Int(column))
    }

    public var scalar: String? {
        if case .scalar(let s, _) = kind { return s }
        return nil
    }

    /// A plain `null`, `~` or empty scalar.
    public var isNull: Bool {
        if case .scalar(let s, let plain) = kind, plain { return s.isEmpty || s == "~" || s == "null" || s == "Null" || s == "NULL" }
        return false
    }

    public subscript(key: String) -> YAMLNode? {
        if case .mapping(let pairs) = kind {
            for (k, v) in pairs where k.scalar == key { return v }
        }
        return nil
    }

    public var items: [YAMLNode] {
        if case .sequence(let items) = kind { return items }
        return []
    }

    public var pairs: [(YAMLNode, YAMLNode)] {
        if case .mapping(let pairs) = kind { return pairs }
        return []
    }
}

/// The names of the files YAML nodes come from.
enum FileNames {
    private static let table = Mutex<(names: [String], ids: [String: UInt32])>(([], [:]))

    static func id(_ name: String) -> UInt32 {
        table.withLock { t in
            if let id = t.ids[name] { return id }
            let id = UInt32(t.names.count)
            t.names.append(name)
            t.ids[name] = id
            return id
        }
    }

    static func name(_ id: UInt32) -> String { table.withLock { Int(id) < $0.names.count ? $0.names[Int(id)] : "?" } }
}

/// Streams libyaml events into `YAMLNode` trees, one per document, with line and column for every node.
public enum YAMLReader {
    /// Every document of a stream; an empty document is nil.
    public static func parseAll(_ bytes: [UInt8], file: String) throws -> [YAMLNode?] {
        var documents: [YAMLNode?] = []
        try forEachDocument(bytes, file: file) { documents.append($0) }
        return documents
    }

    /// Streams the documents of a stream one at a time, so only one document's tree is in memory.
    public static func forEachDocument(_ bytes: [UInt8], file: String, _ body: (YAMLNode?) throws -> Void) throws {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { throw CostGateError("cannot start the YAML parser", at: SourceLocation(file: file)) }
        defer { yaml_parser_delete(&parser) }
        try bytes.withUnsafeBufferPointer { buffer in
            yaml_parser_set_input_string(&parser, buffer.baseAddress ?? UnsafePointer(bitPattern: 1)!, buffer.count)
            let fileID = FileNames.id(file)
            var stack: [Frame] = []
            var anchors: [String: (node: YAMLNode, nodes: Int)] = [:]
            var aliasNodes = 0   // nodes aliases and merge keys add to the document, counted expanded
            var current: YAMLNode?
            var event = yaml_event_t()
            while true {
                guard yaml_parser_parse(&parser, &event) == 1 else {
                    throw syntaxError(parser, file: file)
                }
                defer { yaml_event_delete(&event) }
                let line = Int(event.start_mark.line) + 1, column = Int(event.start_mark.column) + 1
                switch event.type {
                case YAML_STREAM_END_EVENT:
                    return
                case YAML_DOCUMENT_START_EVENT:
                    current = nil
                    anchors = [:]
                    aliasNodes = 0
                case YAML_DOCUMENT_END_EVENT:
                    try body(current)
                    current = nil
                case YAML_SCALAR_EVENT:
                    let s = event.data.scalar
                    let text = scalarText(s.value, s.length, s.style)
                    let node = YAMLNode(kind: .scalar(text, plain: s.style == YAML_PLAIN_SCALAR_STYLE), fileID: fileID, line: line, column: column)
                    if let a = s.anchor { anchors[String(cString: a)] = (node, 1) }
                    if !stack.isEmpty { stack[stack.count - 1].nodes += 1 }
                    try add(node, to: &stack, root: &current, file: file)
                case YAML_ALIAS_EVENT:
                    let name = event.data.alias.anchor.map { String(cString: $0) } ?? ""
                    let place = YAMLDocument.Place(line: line, column: column)
                    guard let (target, nodes) = anchors[name] else {
                        throw CostGateError("YAML alias *\(Limits.echo(name)) names no anchor", at: SourceLocation(file: file, line: line, column: column))
                    }
                    aliasNodes += nodes
                    if aliasNodes > Limits.maxAliasNodes { throw aliasBudget(file: file, place: place) }
                    if !stack.isEmpty { stack[stack.count - 1].nodes += nodes }
                    try add(target, to: &stack, root: &current, file: file)
                case YAML_SEQUENCE_START_EVENT:
                    if stack.count >= Limits.maxDepth { throw tooDeep(file: file, place: .init(line: line, column: column)) }
                    stack.append(Frame(isMapping: false, line: line, column: column,
                                       anchor: event.data.sequence_start.anchor.map { String(cString: $0) }))
                case YAML_MAPPING_START_EVENT:
                    if stack.count >= Limits.maxDepth { throw tooDeep(file: file, place: .init(line: line, column: column)) }
                    stack.append(Frame(isMapping: true, line: line, column: column,
                                       anchor: event.data.mapping_start.anchor.map { String(cString: $0) }))
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    let frame = stack.removeLast()
                    let node: YAMLNode
                    if frame.isMapping {
                        var pairs: [(YAMLNode, YAMLNode)] = []
                        pairs.reserveCapacity(frame.items.count / 2)
                        var i = 0
                        while i + 1 < frame.items.count {
                            let key = frame.items[i], value = frame.items[i + 1]
                            if key.scalar == "<<" {
                                // merge key: copy the aliased mapping's pairs that are not set here
                                let merged = value.pairs.isEmpty ? value.items.flatMap(\.pairs) : value.pairs
                                aliasNodes += merged.count
                                if aliasNodes > Limits.maxAliasNodes {
                                    throw aliasBudget(file: file, place: .init(line: frame.line, column: frame.column))
                                }
                                pairs.append(contentsOf: merged)
                            } else {
                                pairs.append((key, value))
                            }
                            i += 2
                        }
                        node = YAMLNode(kind: .mapping(pairs), fileID: fileID, line: frame.line, column: frame.column)
                    } else {
                        node = YAMLNode(kind: .sequence(frame.items), fileID: fileID, line: frame.line, column: frame.column)
                    }
                    if !stack.isEmpty { stack[stack.count - 1].nodes += frame.nodes + 1 }
                    if let a = frame.anchor { anchors[a] = (node, frame.nodes + 1) }
                    try add(node, to: &stack, root: &current, file: file)
                default:
                    break
                }
            }
        }
    }

    /// The first document of a stream (nil when empty).
    public static func parseSingle(_ bytes: [UInt8], file: String) throws -> YAMLNode? {
        try parseAll(bytes, file: file).compactMap { $0 }.first
    }

    private struct Frame {
        var isMapping: Bool
        var line: Int
        var column: Int
        var anchor: String?
        var items: [YAMLNode] = []
        var nodes = 0
    }

    private static func add(_ node: YAMLNode, to stack: inout [Frame], root: inout YAMLNode?, file: String) throws {
        if stack.isEmpty { root = node } else { stack[stack.count - 1].items.append(node) }
    }

    static func syntaxError(_ parser: yaml_parser_t, file: String, lineOffset: Int = 0) -> CostGateError {
        let problem = parser.problem.map { Limits.echo(String(cString: $0)) } ?? "syntax error"
        let context = parser.context.map { Limits.echo(String(cString: $0)) + ": " } ?? ""
        let mark = parser.problem_mark
        return CostGateError("invalid YAML: \(context)\(problem)",
                             at: SourceLocation(file: file, line: Int(mark.line) + 1 + lineOffset, column: Int(mark.column) + 1))
    }
}
