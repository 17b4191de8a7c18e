import FoundationEssentials
/// Where something came from: a manifest line, or a plan file and the resource's address in it.
public struct SourceLocation: Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var column: Int?

    public init(file: String, line: Int? = nil, column: Int? = nil) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String {
        var text = file
        if let line { text += ":\(line)" }
        if let line = line, line > 0, let column { text += ":\(column)" }
        return text
    }
}

public enum CloudProvider: String, Sendable, CaseIterable {
    case aws, azure, gcp, kubernetes, other
}

/// What the change does to a resource.
public enum Action: String, Sendable, CaseIterable {
    case create, update, delete, replace, noOp = "no-op", read, forget
    /// In planned values only (fragments without resource_changes): present after apply.
    case planned
    /// A Kubernetes manifest: what it declares exists.
    case present
    /// `"actions": []` in hand-made fixtures.
    case none

    /// True when the resource exists after the change is applied.
    public var existsAfter: Bool {
        switch self {
        case .create, .update, .replace, .noOp, .planned, .present, .none: return true
        case .delete, .read, .forget: return false
        }
    }

    /// Maps Terraform's `actions` list.
    public static func fromTerraform(_ actions: [String]) -> Action? {
        switch actions {
        case []: return Action.none
        case ["create"]: return .create
        case ["update"]: return .update
        case ["delete"]: return .delete
        case ["no-op"]: return .noOp
        case ["read"]: return .read
        case ["forget"]: return .forget
        case ["delete", "create"], ["create", "delete"]: return .replace
        default: return nil
        }
    }
}

/// Which reader made a resource.
public enum InputKind: String, Sendable {
    /// `terraform show -json` output.
    case terraformPlan
    /// Kubernetes manifests (YAML or JSON).
    case kubernetesManifest
}

/// One thing that may cost money: a Terraform resource instance or a Kubernetes object.
///
/// The readers finish it: besides the attributes, they set everything later stages judge (tags and
/// where they came from, a Kubernetes object's kind and namespace, the sizes guardrails check, the
/// policies an annotation waives), so that pricing, policies, allocation and reports never read
/// provider- or reader-specific shapes.
public struct Resource: Sendable {
    public var address: String
    public var type: String
    public var name: String
    public var provider: CloudProvider
    public var providerName: String
    public var region: String?
    /// True when no region was found and the run's default was used.
    public var regionAssumed: Bool
    public var action: Action
    /// After-values (what will exist), sensitive leaves already masked, unknowns marked.
    public var attributes: Value
    /// Before-values, for deleted or changed resources.
    public var before: Value
    public var previousAddress: String?
    public var location: SourceLocation?
    /// Terraform configuration references of this resource, by top-level attribute
    /// (`launch_template` → `["aws_launch_template.web.id", "aws_launch_template.web"]`).
    public var references: [String: [String]]
    /// The configuration address of the Terraform module the resource is in (`module.db.module.x`), "" for
    /// the root module and for Kubernetes manifests.
    public var moduleAddress: String
    /// The reader that made it.
    public var input: InputKind
    /// A Kubernetes object's kind (`Deployment`): manifests, and Terraform `kubernetes_*` resources, whose
    /// attributes the Terraform reader turns into the object the manifest would hold. nil elsewhere.
    public var kind: String?
    /// A namespaced Kubernetes object's namespace; nil elsewhere.
    public var namespace: String?
    /// The places the resource carries tags or labels (its own; a workload's pod template); nil when it
    /// cannot carry any.
    public var tagSets: [TagSet]?
    /// Every known tag or label, the resource's own first; nil when it cannot carry any. Made from
    /// `tagSets` by `setTags`, once, because budgets and reports read it for every resource.
    public private(set) var tags: [String: String]?
    /// The instance types, classes or sizes it asks for (what guardrails deny or allow).
    public var sizes: [String]
    /// Policies its author waived on it, and how (a Kubernetes annotation); nil when none.
    public var waiver: Waiver?

    public struct Waiver: Sendable, Equatable {
        /// Policy names; `*` waives every policy.
        public var policies: [String]
        /// Said in findings as the exemption's reason.
        public var reason: String
        public init(policies: [String], reason: String) {
            self.policies = policies
            self.reason = reason
        }
    }

    public init(
        address: String, type: String, name: String = "", provider: CloudProvider, providerName: String = "",
        region: String? = nil, regionAssumed: Bool = false, action: Action, attributes: Value,
        before: Value = .null, previousAddress: String? = nil, location: SourceLocation? = nil,
        references: [String: [String]] = [:], moduleAddress: String = "", input: InputKind = .terraformPlan
    ) {
        self.address = address
        self.type = type
        self.name = name
        self.provider = provider
        self.providerName = providerName
        self.region = region
        self.regionAssumed = regionAssumed
        self.action = action
        self.attributes = attributes
        self.before = before
        self.previousAddress = previousAddress
        self.location = location
        self.references = references
        self.moduleAddress = moduleAddress
        self.input = input
        self.sizes = []
    }

    /// Sets the tag sets and the known tags made from them (a set's own keys first, then later sets').
    public mutating func setTags(_ sets: [TagSet]?) {
        tagSets = sets
        guard let sets else { tags = nil; return }
        if sets.count == 1 { tags = sets[0].known; return }
        var out: [String: String] = [:]
        for s in sets { for (k, v) in s.known where out[k] == nil { out[k] = v } }
        tags = out
    }

    /// The type pricing and the free list look up: `k8s:<Kind>` for Kubernetes objects (a manifest's, or a
    /// Terraform `kubernetes_*` resource's), else the Terraform type.
    public var pricingType: String { kind.map { "k8s:" + $0 } ?? type }

    /// Whether resources of a type (or a type glob's literal start) can be Kubernetes objects with a
    /// namespace: `k8s:` kinds and Terraform's `kubernetes_*`.
    public static func typeMayHaveNamespace(_ type: String) -> Bool { type.hasPrefix("k8s:") || type.hasPrefix("kubernetes_") }

    public static func cloudProvider(forType type: String) -> CloudProvider {
        if type.hasPrefix("aws_") { return .aws }
        if type.hasPrefix("azurerm_") { return .azure }
        if type.hasPrefix("google_") { return .gcp }
        if type.hasPrefix("kubernetes_") || type.hasPrefix("k8s:") { return .kubernetes }
        return .other
    }
}
