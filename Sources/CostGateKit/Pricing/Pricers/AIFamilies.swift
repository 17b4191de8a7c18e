extension Families {
    static let ai: [any Pricer] = []
}
