import FoundationEssentials

/// Hands out one shared copy of each repeated string (resource types, provider names, price keys,
/// component names), so a plan with a hundred thousand resources keeps a few hundred strings, not
/// hundreds of thousands of copies.
final class Interner {
    private var table: [String: String] = [:]

    func intern(_ s: String) -> String {
        if s.utf8.count <= 15 { return s }   // small strings live inline; nothing to share
        if let shared = table[s] { return shared }
        table[s] = s
        return s
    }
}
