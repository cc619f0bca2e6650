extension Value {
    /// Python truthiness: empty strings and containers, zero and `None` are false.
    /// Using a strict undefined value as a condition is an error.
    public func truthy() throws -> Bool {
        switch self {
        case .bool(let b): return b
        case .none: return false
        case .undefined(let u):
            if u.strict { throw u.error }
            return false
        case .int(let i): return i != 0
        case .float(let d): return d != 0
        case .string(let s), .markup(let s): return !s.isEmpty
        case .list(let a), .tuple(let a): return !a.isEmpty
        case .dict(let d): return !d.isEmpty
        case .object(let o):
            if let items = o.sequence { return !items.isEmpty }
            return true
        }
    }
}
