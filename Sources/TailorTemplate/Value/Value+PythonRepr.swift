/// Printing values the way Python does: `str()` for output, `repr()` inside
/// containers.
extension Value {
    /// `str(value)`: what `{{ value }}` prints (before escaping).
    /// A strict undefined value cannot be printed.
    public func stringify() throws -> String {
        switch self {
        case .string(let s), .markup(let s): return s
        case .int(let i): return String(i)
        case .undefined(let u):
            if u.strict { throw u.error }
            return ""
        case .object(let o): return o.displayString
        default: return repr
        }
    }

    /// `str(value)` for values that cannot fail (undefined prints as empty).
    public var displayString: String {
        (try? stringify()) ?? ""
    }

    /// Python's `repr(value)`.
    public var repr: String {
        switch self {
        case .undefined: return "Undefined"
        case .none: return "None"
        case .bool(let b): return b ? "True" : "False"
        case .int(let i): return String(i)
        case .float(let d): return Value.pythonFloatRepr(d)
        case .string(let s): return Value.pythonStringRepr(s)
        case .markup(let s): return "Markup(" + Value.pythonStringRepr(s) + ")"
        case .list(let a): return "[" + a.map(\.repr).joined(separator: ", ") + "]"
        case .tuple(let a):
            if a.count == 1 { return "(" + a[0].repr + ",)" }
            return "(" + a.map(\.repr).joined(separator: ", ") + ")"
        case .dict(let d):
            return "{" + zip(d.keys, d.values).map { "\($0.repr): \($1.repr)" }.joined(separator: ", ") + "}"
        case .object(let o): return o.reprString
        }
    }

    /// Python's `repr()` of a str: single quotes unless the text holds a single
    /// quote and no double quote; what Python does not print (controls,
    /// format characters, separators other than the space, unassigned and
    /// private-use code points) as `\xXX`, `\uXXXX` or `\UXXXXXXXX`.
    public static func pythonStringRepr(_ s: String) -> String {
        let quote: Character = (s.contains("'") && !s.contains("\"")) ? "\"" : "'"
        var out = String(quote)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if Character(scalar) == quote {
                    out += "\\" + String(quote)
                } else if !isPythonPrintable(scalar) {
                    let v = scalar.value
                    out += v < 0x100 ? "\\x" + hex(v, width: 2) : v < 0x10000 ? "\\u" + hex(v, width: 4) : "\\U" + hex(v, width: 8)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out.append(quote)
        return out
    }

    /// Python's `str.isprintable()` for one character.
    static func isPythonPrintable(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value >= 0x20 && scalar.value < 0x7F { return true }
        switch scalar.properties.generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned, .lineSeparator, .paragraphSeparator,
            .spaceSeparator:
            return false
        default:
            return true
        }
    }

    private static func hex(_ v: UInt32, width: Int) -> String {
        let digits = String(v, radix: 16)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    /// Python's `repr()` of a float: the shortest digits that round-trip, in
    /// fixed notation for exponents -4 through 15 and scientific otherwise.
    public static func pythonFloatRepr(_ d: Double) -> String {
        if d.isNaN { return "nan" }
        if d.isInfinite { return d < 0 ? "-inf" : "inf" }
        if d == 0 { return d.sign == .minus ? "-0.0" : "0.0" }
        let (negative, digits, exponent) = shortestDigits(d)
        var out = negative ? "-" : ""
        // `exponent` is the power of ten of the first digit.
        if exponent >= -4 && exponent < 16 {
            if exponent < 0 {
                out += "0." + String(repeating: "0", count: -exponent - 1) + digits
            } else if digits.count > exponent + 1 {
                let split = digits.index(digits.startIndex, offsetBy: exponent + 1)
                out += digits[..<split] + "." + digits[split...]
            } else {
                out += digits + String(repeating: "0", count: exponent + 1 - digits.count) + ".0"
            }
        } else {
            out += String(digits.first!)
            if digits.count > 1 { out += "." + digits.dropFirst() }
            out += exponent < 0 ? "e-" : "e+"
            let e = abs(exponent)
            out += e < 10 ? "0\(e)" : "\(e)"
        }
        return out
    }

    /// Sign, significant digits and decimal exponent of the shortest round-trip
    /// representation (Swift's `description` already finds those digits).
    static func shortestDigits(_ d: Double) -> (Bool, String, Int) {
        var text = abs(d).description
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            exponent = Int(text[text.index(after: e)...]) ?? 0
            text = String(text[..<e])
        }
        var intPart = text
        var fracPart = ""
        if let dot = text.firstIndex(of: ".") {
            intPart = String(text[..<dot])
            fracPart = String(text[text.index(after: dot)...])
        }
        var digits = intPart + fracPart
        var pointPosition = intPart.count + exponent
        while digits.hasPrefix("0") && digits.count > 1 {
            digits.removeFirst()
            pointPosition -= 1
        }
        while digits.hasSuffix("0") && digits.count > 1 { digits.removeLast() }
        return (d < 0, digits, pointPosition - 1)
    }
}
