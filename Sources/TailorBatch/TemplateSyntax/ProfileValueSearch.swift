import TailorTemplate

/// Which profile attribute carried template syntax into a message: the
/// values of a recipient's profile, nested lists and mappings included,
/// searched for the token the scan found.
///
/// ```swift
/// ProfileValueSearch.holder(of: "{{", in: ["first_name": "{{ 7*7 }}"], shownIn: "Hi {{ 7*7 }}")
/// // ("first_name", "{{ 7*7 }}")
/// ProfileValueSearch.holder(of: "}}", in: ["cart": [["name": "Mug }}"]]], shownIn: "...")
/// // ("cart[0].name", "Mug }}")
/// ```
enum ProfileValueSearch {
    /// Nesting followed at most, against hostile input.
    static let maxDepth = 8

    /// The attribute (a path like `cart[0].name`) and value holding `token`,
    /// preferring one whose whole value is in `part`, in attribute order; nil
    /// when no value holds it.
    static func holder(of token: String, in attributes: [String: Value], shownIn part: String) -> (path: String, value: String)? {
        var found: [(path: String, value: String)] = []
        for key in attributes.keys.sorted() {
            collect(attributes[key]!, path: key, depth: 0, token: token, into: &found)
        }
        return found.first { part.contains($0.value) } ?? found.first
    }

    private static func collect(
        _ value: Value, path: String, depth: Int, token: String, into found: inout [(path: String, value: String)]
    ) {
        guard depth < maxDepth else { return }
        switch value {
        case .string(let text), .markup(let text):
            if text.contains(token) { found.append((path, text)) }
        case .list(let items), .tuple(let items):
            for (index, item) in items.enumerated() {
                collect(item, path: "\(path)[\(index)]", depth: depth + 1, token: token, into: &found)
            }
        case .dict(let dict):
            for (key, item) in dict.pairs {
                guard case .string(let name) = key else { continue }
                collect(item, path: "\(path).\(name)", depth: depth + 1, token: token, into: &found)
            }
        default:
            break
        }
    }
}
