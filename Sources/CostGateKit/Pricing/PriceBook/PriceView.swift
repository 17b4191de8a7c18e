import FoundationEssentials

/// How unit prices are read from the book: the list price, or a view of it (a negotiated discount,
/// commitment or internal rates, a what-if). A view changes unit prices only, never quantities.
///
/// For a price key, the first `overrides` entry whose glob matches gives the unit price outright; else the
/// first `commitments` entry whose glob matches blends its committed rate over the share it covers; else the
/// first `discounts` entry whose glob matches takes its percent off; else `discountPercent` applies to all.
public struct PriceView: Sendable, Equatable {
    public struct Discount: Sendable, Equatable {
        public var prices: Glob
        public var percent: Decimal
    }

    public struct Override: Sendable, Equatable {
        public var prices: Glob
        public var amount: Decimal
    }

    /// A commitment (savings plan, reservation, committed-use discount): usage it covers is billed at
    /// `percent` off list, the rest at list, so the unit price is list × (1 − coverage × percent).
    public struct Commitment: Sendable, Equatable {
        public var prices: Glob
        public var percent: Decimal
        public var coveragePercent: Decimal = 100
    }

    public var name: String
    public var discountPercent: Decimal = 0
    public var discounts: [Discount] = []
    public var overrides: [Override] = []
    public var commitments: [Commitment] = []
    /// The books' automatic discounts (Google's sustained use) apply, unless the view turns them off.
    public var bookRules = true

    public init(name: String, discountPercent: Decimal = 0, discounts: [Discount] = [], overrides: [Override] = [],
                commitments: [Commitment] = []) {
        self.name = name
        self.discountPercent = discountPercent
        self.discounts = discounts
        self.overrides = overrides
        self.commitments = commitments
    }

    public static let list = PriceView(name: "list")

    /// True when the view sets this price itself (an override, commitment or discount; a blanket discount too):
    /// the cloud's automatic discounts do not stack on another discount.
    public func touches(_ key: String) -> Bool {
        discountPercent != 0 || overrides.contains { $0.prices.matches(key) } || commitments.contains { $0.prices.matches(key) }
            || discounts.contains { $0.prices.matches(key) }
    }

    public func apply(to price: Price) -> Decimal {
        if discountPercent == 0 && discounts.isEmpty && overrides.isEmpty && commitments.isEmpty { return price.amount }
        if let o = overrides.first(where: { $0.prices.matches(price.key) }) { return o.amount }
        if let c = commitments.first(where: { $0.prices.matches(price.key) }) {
            return price.amount * (10000 - c.coveragePercent * c.percent) / 10000
        }
        let percent = discounts.first(where: { $0.prices.matches(price.key) })?.percent ?? discountPercent
        return percent == 0 ? price.amount : price.amount * (100 - percent) / 100
    }
}
