/// Python's format specification mini-language, as `str.format` applies it:
/// `[[fill]align][sign][#][0][width][,|_][.precision][type]`.
///
/// ```swift
/// try FormatSpec(",.2f").apply(to: 1234.5)   // "1,234.50"
/// ```
struct FormatSpec {
    /// The padding character (default space, or `0` with the `0` flag).
    var fill: Unicode.Scalar?
    /// `<`, `>`, `^` or `=` (padding after the sign).
    var align: Unicode.Scalar?
    var sign: Unicode.Scalar?
    var alternate = false
    var zero = false
    var width: Int?
    /// `,` or `_` between thousands.
    var grouping: Unicode.Scalar?
    var precision: Int?
    var type: Unicode.Scalar?
    /// An empty spec formats like `str()`.
    let isEmpty: Bool

    /// Parses a spec such as `">10"`, `"+,.2f"` or `"08.3e"`.
    init(_ text: String) throws {
        let s = Array(text.unicodeScalars)
        isEmpty = s.isEmpty
        var i = 0
        let aligns: Set<Unicode.Scalar> = ["<", ">", "^", "="]
        if s.count >= 2 && aligns.contains(s[1]) {
            fill = s[0]
            align = s[1]
            i = 2
        } else if !s.isEmpty && aligns.contains(s[0]) {
            align = s[0]
            i = 1
        }
        if i < s.count && (s[i] == "+" || s[i] == "-" || s[i] == " ") {
            sign = s[i]
            i += 1
        }
        if i < s.count && s[i] == "z" { i += 1 }
        if i < s.count && s[i] == "#" {
            alternate = true
            i += 1
        }
        if i < s.count && s[i] == "0" {
            zero = true
            i += 1
        }
        width = try Self.digits(s, &i)
        if i < s.count && (s[i] == "," || s[i] == "_") {
            grouping = s[i]
            i += 1
        }
        if i < s.count && s[i] == "." {
            i += 1
            guard let p = try Self.digits(s, &i) else { throw TemplateError(.value, "Format specifier missing precision") }
            precision = p
        }
        if i < s.count {
            type = s[i]
            i += 1
        }
        guard i == s.count else { throw TemplateError(.value, "Invalid format specifier '\(text)'") }
    }

    /// Reads a run of ASCII digits as a number.
    private static func digits(_ s: [Unicode.Scalar], _ i: inout Int) throws -> Int? {
        var text = ""
        while i < s.count, s[i].isASCII, s[i].properties.numericType == .decimal {
            text.unicodeScalars.append(s[i])
            i += 1
        }
        guard !text.isEmpty else { return nil }
        let n = Int(text) ?? Int.max
        try ValueLimits.checkBytes(n, "a width or precision of \(text) in a format spec")
        return n
    }

    /// The `ValueError` for a type code the value's type does not support.
    private func unknownCode(_ value: Value) -> TemplateError {
        TemplateError(.value, "Unknown format code '\(type!)' for object of type '\(value.typeName)'")
    }

    /// `format(value, spec)`.
    func apply(to value: Value) throws -> String {
        switch value {
        case .string(let s), .markup(let s): return try formatString(s)
        case .bool where isEmpty: return try value.stringify()
        case .int, .bool: return try formatInt(value.intValue!, value)
        case .float(let d): return try formatFloat(d, value)
        default:
            guard isEmpty else {
                throw TemplateError(.type, "unsupported format string passed to \(value.typeName).__format__")
            }
            return try value.stringify()
        }
    }

    /// Strings: precision truncates, left-aligned by default; signs and `=` are errors.
    private func formatString(_ s: String) throws -> String {
        if let type, type != "s" { throw unknownCode(.string(s)) }
        if sign != nil { throw TemplateError(.value, "Sign not allowed in string format specifier") }
        if alternate { throw TemplateError(.value, "Alternate form (#) not allowed in string format specifier") }
        if let grouping { throw TemplateError(.value, "Cannot specify '\(grouping)' with 's'.") }
        if align == "=" { throw TemplateError(.value, "'=' alignment not allowed in string format specifier") }
        var text = s
        if let precision { text = PyString.string(s.unicodeScalars.prefix(precision)) }
        return pad(sign: "", body: text, defaultAlign: "<")
    }

    /// Integers: `d b o x X c n`, or a float type after conversion.
    private func formatInt(_ n: Int, _ value: Value) throws -> String {
        switch type {
        case nil, "d", "n", "b", "o", "x", "X", "c":
            break
        case "e", "E", "f", "F", "g", "G", "%":
            return try formatFloat(Double(n), value)
        default:
            throw unknownCode(value)
        }
        if precision != nil { throw TemplateError(.value, "Precision not allowed in integer format specifier") }
        if type == "c", let grouping { throw TemplateError(.value, "Cannot specify '\(grouping)' with 'c'.") }
        if type == "c" {
            if sign != nil { throw TemplateError(.value, "Sign not allowed with integer format specifier 'c'") }
            if alternate {
                throw TemplateError(.value, "Alternate form (#) not allowed with integer format specifier 'c'")
            }
            guard n >= 0, n < 0x110000, let scalar = Unicode.Scalar(UInt32(n)) else {
                throw TemplateError(.value, "%c arg not in range(0x110000)")
            }
            return pad(sign: "", body: String(scalar), defaultAlign: ">")
        }
        let radix: Int
        var prefix = ""
        switch type {
        case "b": radix = 2; prefix = "0b"
        case "o": radix = 8; prefix = "0o"
        case "x": radix = 16; prefix = "0x"
        case "X": radix = 16; prefix = "0X"
        default: radix = 10
        }
        if let grouping, type == "n" {
            throw TemplateError(.value, "Cannot specify '\(grouping)' with 'n'.")
        }
        if let grouping, grouping == ",", radix != 10 {
            throw TemplateError(.value, "Cannot specify ',' with '\(type!)'.")
        }
        let digits = String(n.magnitude, radix: radix, uppercase: type == "X")
        let signText = n < 0 ? "-" : (sign == "+" ? "+" : (sign == " " ? " " : ""))
        let head = signText + (alternate ? prefix : "")
        return padNumber(head: head, integer: digits, rest: "", groupSize: radix == 10 ? 3 : 4)
    }

    /// Floats: `e f g %` through C's `snprintf`, or the general form without a type.
    private func formatFloat(_ d: Double, _ value: Value) throws -> String {
        if let grouping, type == "n" {
            throw TemplateError(.value, "Cannot specify '\(grouping)' with 'n'.")
        }
        let digits: String
        let magnitude = Swift.abs(d)
        let hash = alternate ? "#" : ""
        switch type {
        case "f", "F", "e", "E", "g", "G":
            digits = CFormat.format("%\(hash).\(precision ?? 6)\(type!)", magnitude)
        case "%":
            digits = CFormat.format("%\(hash).\(precision ?? 6)f", magnitude * 100) + "%"
        case "n":
            digits = CFormat.format("%\(hash).\(precision ?? 6)g", magnitude)
        case nil:
            digits = generalDigits(magnitude)
        default:
            throw unknownCode(value)
        }
        let negative = d.sign == .minus && !d.isNaN
        let signText = negative ? "-" : (sign == "+" ? "+" : (sign == " " ? " " : ""))
        // Group only the integer part of finite numbers.
        var integer = digits
        var rest = ""
        if let cut = digits.firstIndex(where: { !$0.isNumber }) {
            integer = String(digits[..<cut])
            rest = String(digits[cut...])
        }
        if !d.isFinite { return pad(sign: signText, body: digits, defaultAlign: ">") }
        return padNumber(head: signText, integer: integer, rest: rest, groupSize: 3)
    }

    /// The spec without a type: `repr` without a precision; with one, `g`-like
    /// but keeping a digit after the point (`'{:.3}'.format(1.0)` is `1.0`).
    private func generalDigits(_ x: Double) -> String {
        guard let precision, x.isFinite else {
            var repr = Value.pythonFloatRepr(x)
            // `#` keeps a decimal point even in `1.e+16`.
            if alternate && x.isFinite && !repr.contains(".") {
                repr.insert(".", at: repr.firstIndex(of: "e") ?? repr.endIndex)
            }
            return repr
        }
        let p = max(precision, 1)
        let hash = alternate ? "#" : ""
        let scientific = CFormat.format("%\(hash).\(p - 1)e", x)
        let exponent = Int(scientific[scientific.index(after: scientific.firstIndex(of: "e")!)...]) ?? 0
        if exponent < -4 || exponent >= p - 1 {
            var mantissa = String(scientific[..<scientific.firstIndex(of: "e")!])
            if !alternate && mantissa.contains(".") {
                while mantissa.hasSuffix("0") { mantissa.removeLast() }
                if mantissa.hasSuffix(".") { mantissa.removeLast() }
            }
            let e = Swift.abs(exponent)
            return mantissa + (exponent < 0 ? "e-" : "e+") + (e < 10 ? "0\(e)" : "\(e)")
        }
        var fixed = CFormat.format("%\(hash).\(max(0, p - 1 - exponent))f", x)
        if !alternate && fixed.contains(".") {
            while fixed.hasSuffix("0") { fixed.removeLast() }
        }
        if fixed.hasSuffix(".") { fixed += "0" }
        if !fixed.contains(".") { fixed += ".0" }
        return fixed
    }

    /// Pads `sign + body` to the width with the fill and alignment.
    private func pad(sign: String, body: String, defaultAlign: Unicode.Scalar) -> String {
        let fillChar = fill ?? (zero ? "0" : " ")
        let alignment = align ?? (zero && defaultAlign == ">" ? "=" : defaultAlign)
        let length = sign.unicodeScalars.count + body.unicodeScalars.count
        guard let width, width > length else { return sign + body }
        let padding = width - length
        switch alignment {
        case "<": return sign + body + PyString.repeated(fillChar, padding)
        case "^":
            let left = padding / 2
            return PyString.repeated(fillChar, left) + sign + body + PyString.repeated(fillChar, padding - left)
        case "=": return sign + PyString.repeated(fillChar, padding) + body
        default: return PyString.repeated(fillChar, padding) + sign + body
        }
    }

    /// Numbers: grouping of the integer digits, and zero padding that also
    /// gets separators (`'{:08,}'.format(1234)` is `0,001,234`).
    private func padNumber(head: String, integer: String, rest: String, groupSize: Int) -> String {
        let zeroPadded = (align == nil && zero) || (align == "=" && (fill ?? (zero ? "0" : " ")) == "0")
        guard zeroPadded, let width, let grouping else {
            return pad(sign: head, body: group(integer, groupSize) + rest, defaultAlign: ">")
        }
        let needed = width - head.count - rest.count
        var digits = integer
        var grouped = group(digits, groupSize, separator: grouping)
        while grouped.count < needed {
            digits = "0" + digits
            grouped = group(digits, groupSize, separator: grouping)
        }
        return head + grouped + rest
    }

    /// Inserts the grouping separator every `size` digits from the right.
    private func group(_ digits: String, _ size: Int, separator: Unicode.Scalar? = nil) -> String {
        guard let separator = separator ?? grouping else { return digits }
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % size == 0 { out.unicodeScalars.append(separator) }
            out.append(c)
        }
        return out
    }
}
