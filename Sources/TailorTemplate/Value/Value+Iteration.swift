extension Value {
    /// The items `for x in value` visits: list and tuple elements, dict keys,
    /// a string's characters (Unicode scalars), an iterable object's elements.
    public func iterate() throws -> [Value] {
        switch self {
        case .list(let a), .tuple(let a): return a
        case .dict(let d): return d.keys
        // Like Python's Markup, iterating gives plain one-character strings.
        case .string(let s), .markup(let s): return s.unicodeScalars.map { .string(String($0)) }
        case .undefined(let u):
            if u.strict { throw u.error }
            return []
        case .object(let o):
            if let items = o.sequence { return items }
            throw TemplateError(.type, "'\(o.typeName)' object is not iterable")
        default:
            throw TemplateError(.type, "'\(typeName)' object is not iterable")
        }
    }

    /// `len(value)`, for sized values.
    public func length() throws -> Int {
        switch self {
        case .list(let a), .tuple(let a): return a.count
        case .dict(let d): return d.count
        case .string(let s), .markup(let s): return s.unicodeScalars.count
        case .undefined(let u):
            if u.strict { throw u.error }
            return 0
        case .object(let o):
            if let items = o.sequence { return items.count }
            throw TemplateError(.type, "object of type '\(o.typeName)' has no len()")
        default:
            throw TemplateError(.type, "object of type '\(typeName)' has no len()")
        }
    }
}
