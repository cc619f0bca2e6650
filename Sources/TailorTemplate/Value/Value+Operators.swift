import Foundation

/// Python's arithmetic and comparison operators on values.
extension Value {
    /// Binary operators of the expression language.
    public enum BinaryOperator: String, Sendable {
        case add = "+", subtract = "-", multiply = "*", divide = "/"
        case floorDivide = "//", modulo = "%", power = "**", concat = "~"
    }

    private static func operandError(_ op: BinaryOperator, _ a: Value, _ b: Value) -> TemplateError {
        if op == .add, a.isString, !b.isString {
            return TemplateError(.type, "can only concatenate str (not \"\(b.typeName)\") to str")
        }
        return TemplateError(.type, "unsupported operand type(s) for \(op.rawValue): '\(a.typeName)' and '\(b.typeName)'")
    }

    /// Applies `op` with Python semantics (int stays int, `/` is true division,
    /// `//` and `%` floor toward negative infinity, `+` joins strings and lists).
    public static func binary(_ op: BinaryOperator, _ a: Value, _ b: Value) throws -> Value {
        try a.checkStrict()
        try b.checkStrict()
        if op == .concat {
            // `~` prints both sides; markup stays markup, escaping the plain side.
            switch (a, b) {
            case (.markup(let x), _) where !b.isMarkup:
                return .markup(x + Escaping.escapeHTML(try b.stringify()))
            case (_, .markup(let y)) where !a.isMarkup:
                return .markup(Escaping.escapeHTML(try a.stringify()) + y)
            case (.markup(let x), .markup(let y)):
                return .markup(x + y)
            default:
                return .string(try a.stringify() + b.stringify())
            }
        }
        if case .undefined(let u) = a { throw u.error }
        if case .undefined(let u) = b { throw u.error }
        if case .object(let o) = a, let result = try o.binary(op, b, objectOnLeft: true) { return result }
        if case .object(let o) = b, let result = try o.binary(op, a, objectOnLeft: false) { return result }
        switch op {
        case .concat:
            return .string(try a.stringify() + b.stringify())
        case .add:
            switch (a, b) {
            case (.string(let x), .string(let y)): return .string(x + y)
            case (.markup(let x), .markup(let y)): return .markup(x + y)
            case (.markup(let x), .string(let y)): return .markup(x + Escaping.escapeHTML(y))
            case (.string(let x), .markup(let y)): return .markup(Escaping.escapeHTML(x) + y)
            case (.list(let x), .list(let y)): return .list(x + y)
            case (.tuple(let x), .tuple(let y)): return .tuple(x + y)
            default: return try arithmetic(op, a, b)
            }
        case .multiply:
            switch (a, b) {
            case (.string(let s), _) where b.intValue != nil:
                return .string(try repeated(s, b.intValue!))
            case (_, .string(let s)) where a.intValue != nil:
                return .string(try repeated(s, a.intValue!))
            case (.markup(let s), _) where b.intValue != nil:
                return .markup(try repeated(s, b.intValue!))
            case (.list(let x), _) where b.intValue != nil:
                let count = max(0, b.intValue!)
                try ValueLimits.checkItems(x.count, times: count, "a list * \(count)")
                return .list(Array([[Value]](repeating: x, count: count).joined()))
            default: return try arithmetic(op, a, b)
            }
        case .modulo:
            if case .string(let s) = a { return .string(try PercentFormat.format(s, b)) }
            if case .markup(let s) = a { return .markup(try PercentFormat.format(s, b, escaping: true)) }
            return try arithmetic(op, a, b)
        default:
            return try arithmetic(op, a, b)
        }
    }

    /// `x ** y` for `y >= 0` by repeated squaring; nil when it overflows `Int`.
    private static func integerPower(_ x: Int, _ y: Int) -> Int? {
        var (result, base, exponent) = (1, x, y)
        while exponent > 0 {
            if exponent & 1 == 1 {
                let (r, o) = result.multipliedReportingOverflow(by: base)
                if o { return nil }
                result = r
            }
            exponent >>= 1
            guard exponent > 0 else { break }
            let (b, o) = base.multipliedReportingOverflow(by: base)
            // A higher bit of the exponent is still set, so this square is a
            // factor of the result: if it overflows, so does the result.
            if o { return nil }
            base = b
        }
        return result
    }

    /// `s * count`, within ``ValueLimits``.
    private static func repeated(_ s: String, _ count: Int) throws -> String {
        try ValueLimits.checkBytes(s.utf8.count, times: count, "a string * \(count)")
        return String(repeating: s, count: max(0, count))
    }

    private static func arithmetic(_ op: BinaryOperator, _ a: Value, _ b: Value) throws -> Value {
        if let x = a.intValue, let y = b.intValue {
            switch op {
            case .add:
                let (r, o) = x.addingReportingOverflow(y)
                return o ? .float(Double(x) + Double(y)) : .int(r)
            case .subtract:
                let (r, o) = x.subtractingReportingOverflow(y)
                return o ? .float(Double(x) - Double(y)) : .int(r)
            case .multiply:
                let (r, o) = x.multipliedReportingOverflow(by: y)
                return o ? .float(Double(x) * Double(y)) : .int(r)
            case .divide:
                guard y != 0 else { throw TemplateError(.zeroDivision, "division by zero") }
                return .float(Double(x) / Double(y))
            case .floorDivide:
                guard y != 0 else { throw TemplateError(.zeroDivision, "integer division or modulo by zero") }
                // Int.min // -1 is 2**63: past Int, so a float, like every other overflow.
                if y == -1 && x == .min { return .float(-Double(x)) }
                var q = x / y
                if (x % y != 0) && ((x < 0) != (y < 0)) { q -= 1 }
                return .int(q)
            case .modulo:
                guard y != 0 else { throw TemplateError(.zeroDivision, "integer modulo by zero") }
                var r = y == -1 ? 0 : x % y
                if r != 0 && ((r < 0) != (y < 0)) { r += y }
                return .int(r)
            case .power:
                if y >= 0 {
                    return integerPower(x, y).map(Value.int) ?? .float(Foundation.pow(Double(x), Double(y)))
                }
                if x == 0 { throw TemplateError(.zeroDivision, "0.0 cannot be raised to a negative power") }
                return .float(Foundation.pow(Double(x), Double(y)))
            case .concat:
                break
            }
        }
        guard a.isNumber, b.isNumber, let x = a.doubleValue, let y = b.doubleValue else {
            throw operandError(op, a, b)
        }
        switch op {
        case .add: return .float(x + y)
        case .subtract: return .float(x - y)
        case .multiply: return .float(x * y)
        case .divide:
            guard y != 0 else { throw TemplateError(.zeroDivision, "float division by zero") }
            return .float(x / y)
        case .floorDivide:
            guard y != 0 else { throw TemplateError(.zeroDivision, "float floor division by zero") }
            return .float((x / y).rounded(.down))
        case .modulo:
            guard y != 0 else { throw TemplateError(.zeroDivision, "float modulo") }
            var r = fmod(x, y)
            if r != 0 && ((r < 0) != (y < 0)) { r += y }
            return .float(r)
        case .power:
            if x == 0 && y < 0 { throw TemplateError(.zeroDivision, "0.0 cannot be raised to a negative power") }
            return .float(Foundation.pow(x, y))
        case .concat:
            throw operandError(op, a, b)
        }
    }

    /// Unary minus and plus.
    public static func negate(_ a: Value) throws -> Value {
        if case .undefined(let u) = a { throw u.error }
        switch a {
        case .int(let i): return i == .min ? .float(-Double(i)) : .int(-i)
        case .bool(let b): return .int(b ? -1 : 0)
        case .float(let d): return .float(-d)
        default: throw TemplateError(.type, "bad operand type for unary -: '\(a.typeName)'")
        }
    }

    public static func plus(_ a: Value) throws -> Value {
        if case .undefined(let u) = a { throw u.error }
        switch a {
        case .int, .float: return a
        case .bool(let b): return .int(b ? 1 : 0)
        default: throw TemplateError(.type, "bad operand type for unary +: '\(a.typeName)'")
        }
    }

    /// Python ordering (`<`, `<=`, `>`, `>=`): numbers with numbers, strings with
    /// strings (by code point), lists and tuples element-wise; anything else is a
    /// `TypeError`.
    public static func compare(_ a: Value, _ b: Value, _ symbol: String = "<") throws -> Int {
        if case .undefined(let u) = a { throw u.error }
        if case .undefined(let u) = b { throw u.error }
        if let x = a.intValue, let y = b.intValue { return x < y ? -1 : (x > y ? 1 : 0) }
        if a.isNumber, b.isNumber, let x = a.doubleValue, let y = b.doubleValue {
            return x < y ? -1 : (x > y ? 1 : 0)
        }
        if let x = a.stringValue, let y = b.stringValue {
            return compareScalars(x, y)
        }
        if case .object(let o) = a, let order = o.compare(to: b) { return order }
        if case .object(let o) = b, let order = o.compare(to: a) { return -order }
        switch (a, b) {
        case (.list(let x), .list(let y)), (.tuple(let x), .tuple(let y)):
            for (p, q) in zip(x, y) where p != q { return try compare(p, q, symbol) }
            return x.count < y.count ? -1 : (x.count > y.count ? 1 : 0)
        default:
            throw TemplateError(
                .type, "'\(symbol)' not supported between instances of '\(a.typeName)' and '\(b.typeName)'")
        }
    }

    /// Compares strings by Unicode code point, as Python does.
    static func compareScalars(_ x: String, _ y: String) -> Int {
        var i = x.unicodeScalars.makeIterator()
        var j = y.unicodeScalars.makeIterator()
        while true {
            switch (i.next(), j.next()) {
            case (nil, nil): return 0
            case (nil, _): return -1
            case (_, nil): return 1
            case (let p?, let q?):
                if p != q { return p.value < q.value ? -1 : 1 }
            }
        }
    }

    /// Python's `in`: substring for strings, membership for containers, key
    /// membership for dicts.
    public static func contains(_ container: Value, _ item: Value) throws -> Bool {
        try container.checkStrict()
        try item.checkStrict()
        switch container {
        case .string(let s), .markup(let s):
            guard let needle = item.stringValue else {
                throw TemplateError(.type, "'in <string>' requires string as left operand, not \(item.typeName)")
            }
            return needle.isEmpty || s.contains(needle)
        case .list(let a), .tuple(let a): return a.contains(item)
        case .dict(let d): return d.position(of: item) != nil
        case .undefined: return false
        case .object(let o):
            if let items = o.sequence { return items.contains(item) }
            throw TemplateError(.type, "argument of type '\(o.typeName)' is not iterable")
        default:
            throw TemplateError(.type, "argument of type '\(container.typeName)' is not iterable")
        }
    }
}
