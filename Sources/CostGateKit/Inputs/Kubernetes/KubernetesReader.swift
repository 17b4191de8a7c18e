import FoundationEssentials
import Dispatch

/// Reads Kubernetes manifests (YAML or JSON, many documents, `List` kinds) into neutral resources
/// `k8s:<Kind>` addressed `Kind/namespace/name`, with the file and line of each object.
public struct KubernetesReader: Sendable {
    public struct Result: Sendable {
        public var resources: [Resource] = []
        public var skipped: [SkippedResource] = []
    }

    public init() {}

    public func read(bytes: [UInt8], file: String) throws -> Result {
        try read(bytes: bytes, file: file, parallel: bytes.count >= Self.parallelFrom)
    }

    func read(bytes: [UInt8], file: String, parallel: Bool) throws -> Result {
        guard parallel, let split = Self.documentBoundary(in: bytes) else {
            var out = Result()
            var index = 0
            try bytes.withUnsafeBufferPointer { try read($0, lineOffset: 0, file: file, index: &index, into: &out) }
            return out
        }
        // two halves read on two cores, then joined in order, as from one stream: the first half's error
        // comes first; the second half's documents are numbered after the first half's
        let halves = YAMLHalves(bytes: bytes, split: split) { buffer, lineOffset, index, out in
            try self.read(buffer, lineOffset: lineOffset, file: file, index: &index, into: &out)
        }
        if let e = halves.first.error { throw e }
        if let e = halves.second.error { throw e }
        var out = halves.first.result
        let offset = halves.first.documents
        out.resources += halves.second.result.resources
        out.skipped += halves.second.result.skipped.map { k in
            guard k.type == "document", let hash = k.address.lastIndex(of: "#"), let n = Int(k.address[k.address.index(after: hash)...]) else { return k }
            var k = k
            k.address = "\(file)#\(n + offset)"
            return k
        }
        return out
    }

    /// Reads the documents of (part of) a stream, numbering them from `index`.
    private func read(_ buffer: UnsafeBufferPointer<UInt8>, lineOffset: Int, file: String, index: inout Int, into out: inout Result) throws {
        try YAMLReader.forEachValueDocument(buffer, lineOffset: lineOffset, file: file) { doc in
            index += 1
            let place = SourceLocation(file: file, line: doc.place.line, column: doc.place.column)
            let kind = doc.value["kind"].string
            if let kind, kind.hasSuffix("List"), case .array(let items) = doc.value["items"] {
                for (i, item) in items.enumerated() {
                    let p = i < doc.itemPlaces.count ? doc.itemPlaces[i] : doc.place
                    try add(item, place: SourceLocation(file: file, line: p.line, column: p.column), file: file,
                            documentIndex: index, doc: doc, prefix: ["items", "#\(i)"], into: &out)
                }
                return
            }
            try add(doc.value, place: place, file: file, documentIndex: index, doc: doc, prefix: [], into: &out)
        }
    }

    /// Streams this large are parsed in two halves at once (libyaml's parsing is most of the reading).
    static let parallelFrom = 1 << 20

    /// The start of the first document-start line (`---` at the start of a line) after the middle.
    static func documentBoundary(in bytes: [UInt8]) -> Int? {
        var i = bytes.count / 2
        let dash = UInt8(ascii: "-")
        while i + 3 <= bytes.count {
            if bytes[i] == 0x0A, i + 4 <= bytes.count, bytes[i + 1] == dash, bytes[i + 2] == dash, bytes[i + 3] == dash {
                let after = i + 4 < bytes.count ? bytes[i + 4] : 0x0A
                if after == 0x0A || after == 0x0D || after == 0x20 || after == 0x09 { return i + 1 }
            }
            i += 1
        }
        return nil
    }

    private func add(_ object: Value, place: SourceLocation, file: String, documentIndex: Int, doc: YAMLDocument, prefix: [String],
                     into out: inout Result) throws {
        guard case .object(let members) = object else {
            out.skipped.append(SkippedResource(address: "\(file)#\(documentIndex)", type: "document", reason: .notKubernetes,
                                               detail: "not a Kubernetes object (not a mapping)", location: place))
            return
        }
        guard let kind = object["kind"].nonEmptyString, let apiVersion = object["apiVersion"].nonEmptyString else {
            out.skipped.append(SkippedResource(address: "\(file)#\(documentIndex)", type: "document", reason: .notKubernetes,
                                               detail: "no apiVersion and kind: not a Kubernetes object (a template, CloudFormation, a config file?)",
                                               location: place))
            return
        }
        let metadata = object["metadata"]
        let name = metadata["name"].string ?? metadata["generateName"].string ?? "(unnamed)"
        let namespace = KubernetesObjects.clusterScoped.contains(kind) ? nil : (metadata["namespace"].string ?? "default")
        let address = namespace.map { "\(kind)/\($0)/\(name)" } ?? "\(kind)/\(name)"
        try Self.checkQuantities(kind: kind, doc: doc, prefix: prefix, file: file)
        // CRDs carry whole OpenAPI schemas and ConfigMaps whole dashboards: keep only their metadata
        var attributes = object
        if kind == "CustomResourceDefinition" || kind == "ConfigMap" || kind == "Secret" {
            var kept = Members()
            for (k, v) in members where k == "apiVersion" || k == "kind" || k == "metadata" { kept.append(k, v) }
            attributes = .object(kept)
        }
        var resource = Resource(address: address, type: "k8s:\(kind)", name: name, provider: .kubernetes, providerName: apiVersion,
                                region: nil, action: .present, attributes: attributes, location: place, input: .kubernetesManifest)
        KubernetesObjects.finish(&resource, kind: kind, namespace: namespace)
        out.resources.append(resource)
    }

    /// The quantities costgate reads (containers' resources, pod overhead, claim templates, a claim's
    /// resources, a LimitRange's limits) must parse; a wrong one is an error at its line and column.
    static func checkQuantities(kind: String, doc: YAMLDocument, prefix: [String], file: String) throws {
        if doc.resourcesLists.isEmpty && doc.quantities.isEmpty { return }
        /// The path below this object (`prefix` is where a List's item sits), when it is one costgate reads.
        func relevant(_ path: [String]) -> Bool {
            guard path.count >= prefix.count, path.starts(with: prefix) else { return false }
            let p = path[prefix.count...]
            switch kind {
            case "PersistentVolumeClaim": return p.starts(with: ["spec", "resources"])
            case "LimitRange": return p.starts(with: ["spec", "limits"])
            default:
                guard KubernetesObjects.workloadKinds.contains(kind) else { return false }
                return p.contains(where: { $0 == "containers" || $0 == "initContainers" || $0 == "overhead" || $0 == "volumeClaimTemplates" })
            }
        }
        for (path, place) in doc.resourcesLists where relevant(path) {
            throw CostGateError("`resources` must be a mapping of requests and limits, not a list",
                                at: SourceLocation(file: file, line: place.line, column: place.column))
        }
        var lastPath: [String]? = nil, lastRelevant = false   // a map's entries share their path
        for q in doc.quantities {
            if q.path != lastPath { lastPath = q.path; lastRelevant = relevant(q.path) }
            guard lastRelevant else { continue }
            let at = SourceLocation(file: file, line: q.place.line, column: q.place.column)
            let map = q.path.last ?? ""
            guard let text = q.text else { throw CostGateError("\(map).\(q.key) must be a quantity such as 500m or 2Gi", at: at) }
            if !KubeQuantity.isQuantity(text) {
                throw CostGateError("\(map).\(q.key): \"\(text)\" is not a Kubernetes quantity (such as 500m, 0.5, 2Gi, 512M, 1e3)", at: at)
            }
        }
    }

}

/// A stream's two halves read on two threads.
final class YAMLHalves {
    /// One half: its bytes, where it starts in the file, and what reading it gave. Each is used by one
    /// thread only, and read after both have finished.
    final class Half: @unchecked Sendable {
        let bytes: UnsafeBufferPointer<UInt8>
        let lineOffset: Int
        var documents = 0
        var result = KubernetesReader.Result()
        var error: (any Error)?
        init(_ bytes: UnsafeBufferPointer<UInt8>, _ lineOffset: Int) {
            self.bytes = bytes
            self.lineOffset = lineOffset
        }
    }

    let first: Half
    let second: Half

    typealias Reader = @Sendable (UnsafeBufferPointer<UInt8>, Int, inout Int, inout KubernetesReader.Result) throws -> Void

    init(bytes: [UInt8], split: Int, read: Reader) {
        let lineOffset = bytes[..<split].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
        (first, second) = bytes.withUnsafeBufferPointer { all in
            let halves = [Half(UnsafeBufferPointer(rebasing: all[..<split]), 0), Half(UnsafeBufferPointer(rebasing: all[split...]), lineOffset)]
            DispatchQueue.concurrentPerform(iterations: 2) { i in
                let half = halves[i]
                do { try read(half.bytes, half.lineOffset, &half.documents, &half.result) } catch { half.error = error }
            }
            return (halves[0], halves[1])
        }
    }
}
