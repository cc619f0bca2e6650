import Foundation

/// Number filters: `abs`, `int`, `float`, `round`, `filesizeformat`.
enum NumberFilters {
    /// `{{ -5|abs }}`.
    static func abs(_ value: Value, _ args: Arguments, _ runtime: Runtime) throws -> Value {
        _ = try args.bind("abs", [])
        switch value {
        case .int(let i): return i == .min ? .float(-Double(i)) : .int(Swift.abs(i))
        case .bool(let b): return .int(b ? 1 : 0)
        case .float(let d): return .float(Swift.abs(d))
        default: throw TemplateError(.type, "bad operand type for abs(): '\(value.typeName)'")
        }
    }

    /// `{{ '42'|int(default=0, base=10) }}`: parses like Python's `int()`,
    /// falling back to `int(float(value))` (`'3.7'|int` is 3), then to `default`.
    static func int(_ value: Value, _ args: Arguments, _ runtime: Runtime) throws -> Value {
        let a = try args.bind("int", ["default", "base"])
        let fallback = a[0] ?? .int(0)
        let base = try Param.int(a[1], 10)
        if case .undefined(let u) = value { throw u.error }
        switch value {
        case .int, .bool: return .int(value.intValue!)
        case .float(let d):
            return PyNumber.truncate(d).map(Value.int) ?? fallback
        case .string(let s), .markup(let s):
            if let i = try PyNumber.parseInt(s, base: base) { return .int(i) }
            if let d = PyNumber.parseFloat(s), let i = PyNumber.truncate(d) { return .int(i) }
            return fallback
        default:
            return fallback
        }
    }

    /// `{{ '12.5'|float(default=0.0) }}`: parses like Python's `float()`.
    static func float(_ value: Value, _ args: Arguments, _ runtime: Runtime) throws -> Value {
        let a = try args.bind("float", ["default"])
        let fallback = a[0] ?? .float(0)
        if case .undefined(let u) = value { throw u.error }
        switch value {
        case .int, .bool, .float: return .float(value.doubleValue!)
        case .string(let s), .markup(let s): return PyNumber.parseFloat(s).map(Value.float) ?? fallback
        default: return fallback
        }
    }

    /// `{{ 42.55|round(precision=0, method='common') }}`: `common` rounds as
    /// Python's `round()` does (to the nearest, ties to even on the exact
    /// binary value), `ceil` and `floor` always go up or down.
    static func round(_ value: Value, _ args: Arguments, _ runtime: Runtime) throws -> Value {
        let a = try args.bind("round", ["precision", "method"])
        let precision = try Param.int(a[0], 0)
        let method = try Param.string(a[1], "common")
        guard method == "common" || method == "ceil" || method == "floor" else {
            throw TemplateError(.runtime, "method must be common, ceil or floor")
        }
        guard value.isNumber, let d = value.doubleValue else {
            throw TemplateError(.type, "type \(value.typeName) doesn't define __round__ method")
        }
        if method == "common" {
            if let i = value.intValue {
                guard precision < 0 else { return .int(i) }
                return .int(Int(PyNumber.round(Double(i), precision)))
            }
            return .float(PyNumber.round(d, precision))
        }
        let scale = Foundation.pow(10, Double(precision))
        let scaled = d * scale
        let whole = method == "ceil" ? scaled.rounded(.up) : scaled.rounded(.down)
        return .float(whole / scale)
    }

    /// `{{ 1536000|filesizeformat(binary=false) }}` gives `1.5 MB`
    /// (`1.5 MiB` with `binary`).
    static func filesizeformat(_ value: Value, _ args: Arguments, _ runtime: Runtime) throws -> Value {
        let a = try args.bind("filesizeformat", ["binary"])
        let binary = try Param.bool(a[0], false)
        if case .undefined(let u) = value { throw u.error }
        let bytes: Double
        switch value {
        case .int, .bool, .float: bytes = value.doubleValue!
        case .string(let s), .markup(let s):
            guard let d = PyNumber.parseFloat(s) else {
                throw TemplateError(.value, "could not convert string to float: \(Value.pythonStringRepr(s))")
            }
            bytes = d
        default:
            throw TemplateError(
                .type, "float() argument must be a string or a real number, not '\(value.typeName)'")
        }
        let base: Double = binary ? 1024 : 1000
        let prefixes =
            binary
            ? ["KiB", "MiB", "GiB", "TiB", "PiB", "EiB", "ZiB", "YiB"]
            : ["kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"]
        if bytes == 1 { return "1 Byte" }
        if bytes < base { return .string("\(PyNumber.truncate(bytes) ?? 0) Bytes") }
        var unit = base
        for prefix in prefixes {
            unit *= base
            if bytes < unit || prefix == prefixes.last! {
                return .string(CFormat.format("%.1f", base * bytes / unit) + " " + prefix)
            }
        }
        return .string("")
    }
}

/// Python's numeric parsing and rounding.
enum PyNumber {
    /// `int(d)`: truncation toward zero; nil for infinities, NaN and out of range.
    static func truncate(_ d: Double) -> Int? {
        guard d.isFinite, d > -9.223372036854775808e18, d < 9.223372036854775808e18 else { return nil }
        return Int(d)
    }

    /// Removes single underscores between digits, as Python's numeric literals allow.
    private static func removeUnderscores(_ s: Substring) -> String? {
        guard s.contains("_") else { return String(s) }
        let chars = Array(s)
        var out = ""
        for (i, c) in chars.enumerated() {
            if c == "_" {
                guard i > 0, i < chars.count - 1, chars[i - 1].isHexDigit, chars[i + 1].isHexDigit else { return nil }
                continue
            }
            out.append(c)
        }
        return out
    }

    /// `int(s, base)`: surrounding whitespace, a sign, a matching `0x`/`0o`/`0b`
    /// prefix and underscores between digits are allowed.
    static func parseInt(_ s: String, base: Int) throws -> Int? {
        guard base == 0 || (2...36).contains(base) else {
            throw TemplateError(.value, "int() base must be >= 2 and <= 36, or 0")
        }
        var text = Substring(PyString.strip(s, nil))
        var negative = false
        if let first = text.first, first == "+" || first == "-" {
            negative = first == "-"
            text = text.dropFirst()
        }
        var radix = base
        let lower = text.lowercased()
        for (prefix, prefixBase) in [("0x", 16), ("0o", 8), ("0b", 2)] where lower.hasPrefix(prefix) {
            if base == prefixBase || base == 0 {
                radix = prefixBase
                text = text.dropFirst(2)
                if text.first == "_" { text = text.dropFirst() }
            }
        }
        if radix == 0 {
            // Base 0 reads a literal: no leading zeros on a non-zero number.
            radix = 10
            if text.first == "0" && !text.allSatisfy({ $0 == "0" || $0 == "_" }) { return nil }
        }
        guard !text.isEmpty, let digits = removeUnderscores(text), let magnitude = Int(digits, radix: radix) else {
            return nil
        }
        return negative ? -magnitude : magnitude
    }

    /// `float(s)`: decimal and exponent forms, `inf`, `infinity`, `nan`,
    /// surrounding whitespace and underscores between digits.
    static func parseFloat(_ s: String) -> Double? {
        let text = PyString.strip(s, nil)
        var body = Substring(text)
        var sign = 1.0
        if let first = body.first, first == "+" || first == "-" {
            sign = first == "-" ? -1 : 1
            body = body.dropFirst()
        }
        switch body.lowercased() {
        case "inf", "infinity": return sign * .infinity
        case "nan": return .nan
        default: break
        }
        guard !body.isEmpty, body.allSatisfy({ $0.isASCII && ($0.isNumber || "._eE+-".contains($0)) }),
            body.first != "_", let cleaned = removeUnderscores(body),
            cleaned.contains(where: \.isNumber)
        else { return nil }
        // Swift's parser accepts hexadecimal floats and a few other forms Python rejects.
        guard !cleaned.lowercased().contains("x"), let d = Double(cleaned) else { return nil }
        return sign * d
    }

    /// Python's `round(x, ndigits)`: correctly rounded, ties to even.
    static func round(_ x: Double, _ ndigits: Int) -> Double {
        guard x.isFinite else { return x }
        if ndigits > 330 { return x }
        if ndigits >= 0 {
            // Python rounds by printing `%.{ndigits}f` correctly rounded;
            // FixedPoint prints exactly that, without printf, when in range.
            let text = FixedPoint.format(x, precision: ndigits) ?? CFormat.format("%.\(ndigits)f", x)
            return Double(text) ?? x
        }
        let scale = Foundation.pow(10, Double(-ndigits))
        if scale.isInfinite { return 0 * x }
        return (x / scale).rounded(.toNearestOrEven) * scale
    }
}
