/// Python equality: numbers compare by value across int, float and bool;
/// `str` equals `Markup` with the same text; containers compare element-wise.
extension Value: Equatable, Hashable {
    public static func == (lhs: Value, rhs: Value) -> Bool {
        switch (lhs, rhs) {
        case (.string(let a), .string(let b)), (.string(let a), .markup(let b)),
            (.markup(let a), .string(let b)), (.markup(let a), .markup(let b)):
            return a == b
        case (.int(let a), .int(let b)): return a == b
        case (.none, .none): return true
        case (.undefined, .undefined): return true
        case (.list(let a), .list(let b)), (.tuple(let a), .tuple(let b)): return a == b
        case (.dict(let a), .dict(let b)):
            guard a.count == b.count else { return false }
            for (k, v) in zip(a.keys, a.values) where b[k] != v { return false }
            return true
        case (.object(let a), _): return a.isEqual(to: rhs)
        case (_, .object(let b)): return b.isEqual(to: lhs)
        default:
            if lhs.isNumber && rhs.isNumber, let a = lhs.doubleValue, let b = rhs.doubleValue {
                if let x = lhs.intValue, let y = rhs.intValue { return x == y }
                return a == b
            }
            return false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch self {
        case .string(let s), .markup(let s): hasher.combine(s)
        case .int(let i): hasher.combine(i)
        case .bool(let b): hasher.combine(b ? 1 : 0)
        case .float(let d):
            if d.rounded() == d, abs(d) < 9.2e18 { hasher.combine(Int(d)) } else { hasher.combine(d) }
        case .none: hasher.combine(-0x5EED)
        case .undefined: hasher.combine(-0x0DEF)
        case .list(let a), .tuple(let a): hasher.combine(a)
        case .dict(let d):
            // Order-independent, as dict equality is.
            var combined = 0
            for (k, v) in zip(d.keys, d.values) { combined ^= k.hashValue &* 31 &+ v.hashValue }
            hasher.combine(d.count)
            hasher.combine(combined)
        case .object(let o): hasher.combine(ObjectIdentifier(o))
        }
    }
}
