import FoundationEssentials
/// A mapping rule from `.costgate.yml` `custom_prices`: resources whose type matches get a usage line priced
/// from the user's own price book (internal platforms, licences, SaaS seats). The rule names the price key and
/// how the quantity is found; the unit price comes from the book, so views and versions apply as to any price.
/// A type no pricer knows becomes priced; a type a pricer knows gets the line added to its own.
public struct CustomPriceRule: Sendable, Equatable {
    public enum QuantitySource: Sendable, Equatable {
        /// One per resource (a monitor, a namespace).
        case count
        /// The same amount for every resource.
        case constant(Decimal)
        /// A numeric attribute (`spec.replicas`, `size`), times a factor.
        case attribute(String, times: Decimal)
    }

    public var name: String
    public var types: [Glob]
    public var priceKey: String
    public var unit: String
    public var quantity: QuantitySource
    /// Where the rule is written, for messages.
    public var location: SourceLocation?

    public init(name: String, types: [Glob], priceKey: String, unit: String, quantity: QuantitySource, location: SourceLocation? = nil) {
        self.location = location
        self.name = name
        self.types = types
        self.priceKey = priceKey
        self.unit = unit
        self.quantity = quantity
    }

    /// Rules whose price is in the user's book must name a price that is there, in the rule's unit: a typo
    /// would otherwise show only as "price not found" on every resource it maps.
    public static func check(_ rules: [CustomPriceRule], against book: PriceBook) throws {
        for rule in rules where rule.priceKey.hasPrefix(book.id + "/") {
            guard let price = book.price(rule.priceKey) else {
                throw CostGateError("price \(rule.priceKey) is not in custom price book \(book.id) \(book.version); check the key or add the price",
                                    at: rule.location)
            }
            guard price.unit == rule.unit else {
                throw CostGateError("rule \(rule.name) counts per \(rule.unit), but \(rule.priceKey) is priced per \(price.unit); set unit: \(price.unit)",
                                    at: rule.location)
            }
        }
    }

    public func matches(_ type: String) -> Bool {
        let bare = type.hasPrefix("k8s:") ? String(type.dropFirst(4)) : type
        return types.contains { $0.matches(type) || $0.matches(bare) }
    }

    /// The top-level attribute the plan reader must decode for this rule, if any.
    var attribute: String? {
        if case .attribute(let path, _) = quantity { return String(path.prefix { $0 != "." }) }
        return nil
    }

    func line(for r: Resource) -> UsageLine {
        let quantity: Quantity
        switch self.quantity {
        case .count: quantity = .value(1)
        case .constant(let d): quantity = .value(d)
        case .attribute(let path, let factor):
            // `spec.replicas`; a Terraform nested block on the way (`settings.disk_size`) is its first element
            let parts = path.split(separator: ".").map(String.init)
            var v = r.attributes
            for (i, part) in parts.enumerated() { v = i == parts.count - 1 ? v[part] : v[part].block }
            if Quantities.isUnknown(v) {
                quantity = .unknownUntilApply(attribute: path)
            } else if let d = v.decimal ?? v.string.flatMap(KubeQuantity.parse) {
                quantity = .value(d * factor)
            } else {
                quantity = .notDeclared(reason: "\(path) is not set")
            }
        }
        return UsageLine(name, unit: unit, quantity: quantity, priceKey: priceKey)
    }
}
