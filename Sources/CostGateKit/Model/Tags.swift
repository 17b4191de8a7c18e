import FoundationEssentials

/// The tags (or labels) in one place on a resource, as its reader found them.
public struct TagSet: Sendable, Equatable {
    /// Where they are, for messages: "" for the resource itself, "pod template" for a workload's pods.
    public var place: String
    /// What the provider calls them: "tag" or "label".
    public var noun: String
    /// How to set a missing one, for findings ("set it in tags (or the provider's default_tags)").
    public var howToSet: String
    public var known: [String: String] = [:]
    /// Keys whose value Terraform will only know after apply.
    public var unknown: Set<String> = []
    /// Keys whose value is sensitive (never printed, never compared).
    public var sensitive: Set<String> = []
    /// The whole map is unknown until apply (`tags_all` with default tags computed at apply).
    public var wholeUnknown = false

    public func has(_ key: String) -> Bool { known[key] != nil || unknown.contains(key) || sensitive.contains(key) }

    /// The members of an attribute map: string values are known, unknown and sensitive leaves are marked.
    public init(place: String, noun: String, howToSet: String? = nil, _ v: Value) {
        self.place = place
        self.noun = noun
        self.howToSet = howToSet ?? "set the \(noun)"
        switch v {
        case .object(let m):
            known.reserveCapacity(m.count)
            for (k, value) in m {
                switch value {
                case .unknown: unknown.insert(k)
                case .sensitive: sensitive.insert(k)
                case .null: continue
                default: if let s = value.string { known[k] = s }
                }
            }
        case .unknown, .sensitive: wholeUnknown = true
        default: break
        }
    }

    /// A computed map (`tags_all`) over the configured one (`tags`): known values from either, the unknown
    /// ones marked.
    public mutating func merge(_ other: TagSet) {
        for (k, v) in other.known where !has(k) { known[k] = v }
        unknown.formUnion(other.unknown.filter { known[$0] == nil })
        sensitive.formUnion(other.sensitive.filter { known[$0] == nil })
    }
}
