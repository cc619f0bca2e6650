/// Python's `%` string formatting (`'%s has %d points' % (name, points)`),
/// used by the `%` operator and the `format` filter.
///
/// Supports the conversions `s r a d i u x X o e E f F g G c %`, the flags
/// `- + space # 0`, width and precision (also `*`), and mapping keys
/// (`'%(first)s' % user`). Float conversions go through C's `snprintf`, which
/// rounds the exact binary value as Python does (`'%.1f' % 0.25` is `0.2`).
enum PercentFormat {
    /// Formats `format` with `arguments`: a tuple for several values, a dict
    /// for mapping keys, anything else as the single value.
    static func format(_ format: String, _ arguments: Value) throws -> String {
        try self.format(format, arguments, escaping: false)
    }

    /// With `escaping`, interpolated text is HTML-escaped unless it is
    /// `Markup`, as `Markup('%s') % value` does.
    static func format(_ format: String, _ arguments: Value, escaping: Bool) throws -> String {
        if let fixed = fixedPointShortcut(format, arguments) { return fixed }
        var state = ArgumentState(arguments)
        let chars = Array(format.unicodeScalars)
        var out = ""
        var i = 0
        while i < chars.count {
            let c = chars[i]
            i += 1
            guard c == "%" else {
                out.unicodeScalars.append(c)
                continue
            }
            var spec = Spec()
            var value: Value?
            // %(key)
            if i < chars.count && chars[i] == "(" {
                guard let mapping = state.mapping else { throw TemplateError(.type, "format requires a mapping") }
                var depth = 1
                var j = i + 1
                while j < chars.count && depth > 0 {
                    if chars[j] == "(" { depth += 1 } else if chars[j] == ")" { depth -= 1 }
                    j += 1
                }
                guard depth == 0 else { throw TemplateError(.value, "incomplete format key") }
                let key = PyString.string(chars[(i + 1)..<(j - 1)])
                value = try lookup(mapping, key)
                state.usedMapping = true
                i = j
            }
            // Flags.
            while i < chars.count, let flag = "-+ #0".unicodeScalars.firstIndex(of: chars[i]) {
                switch "-+ #0".unicodeScalars[flag] {
                case "-": spec.left = true
                case "+": spec.plus = true
                case " ": spec.space = true
                case "#": spec.alternate = true
                default: spec.zero = true
                }
                i += 1
            }
            // Width and precision.
            spec.width = try readNumber(chars, &i, &state)
            if i < chars.count && chars[i] == "." {
                i += 1
                spec.precision = try readNumber(chars, &i, &state) ?? 0
            }
            // Length modifiers are accepted and ignored, as in Python.
            while i < chars.count && "hlL".unicodeScalars.contains(chars[i]) { i += 1 }
            guard i < chars.count else { throw TemplateError(.value, "incomplete format") }
            let type = chars[i]
            i += 1
            if type == "%" {
                out += "%"
                continue
            }
            guard "sradiuxXoeEfFgGc".unicodeScalars.contains(type) else {
                let code = String(type.value, radix: 16)
                throw TemplateError(
                    .value, "unsupported format character '\(type)' (0x\(code)) at index \(i - 1)")
            }
            let argument = try value ?? state.next()
            out += try convert(argument, type, spec, escaping: escaping)
        }
        try state.checkAllUsed()
        return out
    }

    /// The flags, width and precision of one conversion.
    private struct Spec {
        var left = false, plus = false, space = false, alternate = false, zero = false
        var width: Int?
        var precision: Int?
    }

    /// The values a format consumes, in order.
    private struct ArgumentState {
        var positional: [Value]
        var index = 0
        var isTuple: Bool
        var mapping: Value?
        var usedMapping = false

        init(_ arguments: Value) {
            if case .tuple(let items) = arguments {
                positional = items
                isTuple = true
            } else {
                positional = [arguments]
                isTuple = false
                switch arguments {
                case .dict, .list: mapping = arguments
                default: break
                }
            }
        }

        /// The next positional value, for a conversion or a `*`.
        mutating func next() throws -> Value {
            guard index < positional.count else {
                throw TemplateError(.type, "not enough arguments for format string")
            }
            index += 1
            return positional[index - 1]
        }

        /// Python refuses leftover positional values (but not an unused mapping).
        func checkAllUsed() throws {
            if index < positional.count && mapping == nil {
                throw TemplateError(.type, "not all arguments converted during string formatting")
            }
        }
    }

    /// `%(key)s`: the mapping's value for `key`.
    private static func lookup(_ mapping: Value, _ key: String) throws -> Value {
        switch mapping {
        case .dict(let d):
            guard let v = d[string: key] else { throw TemplateError(.key, Value.pythonStringRepr(key)) }
            return v
        default:
            throw TemplateError(.type, "\(mapping.typeName) indices must be integers or slices, not str")
        }
    }

    /// `'%.2f' % price`, the common case in email, without scanning the format:
    /// exactly `%.Nf` and one number. Nil for anything else, which takes the
    /// general path (and gives the same text).
    private static func fixedPointShortcut(_ format: String, _ arguments: Value) -> String? {
        let utf8 = format.utf8
        guard utf8.count == 4 else { return nil }
        var bytes = utf8.makeIterator()
        guard bytes.next() == UInt8(ascii: "%"), bytes.next() == UInt8(ascii: "."), let digit = bytes.next(),
            digit >= UInt8(ascii: "0"), digit <= UInt8(ascii: "9"), bytes.next() == UInt8(ascii: "f")
        else { return nil }
        let number: Double
        switch arguments {
        case .float(let d): number = d
        case .int(let i): number = Double(i)
        case .tuple(let items) where items.count == 1:
            switch items[0] {
            case .float(let d): number = d
            case .int(let i): number = Double(i)
            default: return nil
            }
        default: return nil
        }
        return FixedPoint.format(number, precision: Int(digit - UInt8(ascii: "0")))
    }

    /// A width or precision: digits, or `*` taking the next argument.
    private static func readNumber(_ chars: [Unicode.Scalar], _ i: inout Int, _ state: inout ArgumentState) throws -> Int? {
        if i < chars.count && chars[i] == "*" {
            i += 1
            guard let n = try state.next().intValue else { throw TemplateError(.type, "* wants int") }
            try ValueLimits.checkBytes(n, "a width or precision of \(n) in a % format")
            return n
        }
        var digits = ""
        while i < chars.count, chars[i].value >= 0x30, chars[i].value <= 0x39 {
            digits.unicodeScalars.append(chars[i])
            i += 1
        }
        guard !digits.isEmpty else { return nil }
        let n = Int(digits) ?? Int.max
        try ValueLimits.checkBytes(n, "a width or precision of \(digits) in a % format")
        return n
    }

    // MARK: Conversions

    /// One conversion of `value`, padded to the width.
    private static func convert(_ value: Value, _ type: Unicode.Scalar, _ spec: Spec, escaping: Bool) throws -> String {
        var spec = spec
        switch type {
        case "s", "r", "a":
            var text: String
            switch type {
            case "s": text = try value.stringify()
            case "r": text = value.repr
            default: text = asciiRepr(value.repr)
            }
            if escaping && !(type == "s" && value.isMarkup) { text = Escaping.escapeHTML(text) }
            if let precision = spec.precision { text = PyString.string(text.unicodeScalars.prefix(precision)) }
            return pad(text, spec)
        case "c":
            var text: String
            if let i = value.intValue {
                guard i >= 0, i < 0x110000, let scalar = Unicode.Scalar(UInt32(i)) else {
                    throw TemplateError(.value, "%c arg not in range(0x110000)")
                }
                text = String(scalar)
            } else if let s = value.stringValue, s.unicodeScalars.count == 1 {
                text = s
            } else {
                throw TemplateError(.type, "%c requires int or char")
            }
            if escaping && !value.isMarkup { text = Escaping.escapeHTML(text) }
            return pad(text, spec)
        case "d", "i", "u", "x", "X", "o":
            let (negative, magnitude) = try integerDigits(value, type)
            let radix = type == "d" || type == "i" || type == "u" ? 10 : (type == "o" ? 8 : 16)
            var digits = try magnitude ?? String(integer(value, type).magnitude, radix: radix, uppercase: type == "X")
            if let precision = spec.precision { digits = digits.leftPadded(to: precision) }
            var prefix = negative ? "-" : (spec.plus ? "+" : (spec.space ? " " : ""))
            if spec.alternate && radix != 10 { prefix += type == "o" ? "0o" : (type == "X" ? "0X" : "0x") }
            return padNumber(prefix, digits, spec)
        default:
            if case .undefined(let u) = value { throw u.error }
            guard value.isNumber, let d = value.doubleValue else {
                throw TemplateError(.type, "must be real number, not \(value.typeName)")
            }
            spec.precision = spec.precision ?? 6
            if !d.isFinite {
                // Python pads `inf` and `nan` with zeros too, unlike C.
                var text = d.isNaN ? "nan" : "inf"
                if "EFG".unicodeScalars.contains(type) { text = text.uppercased() }
                let sign = d < 0 ? "-" : (spec.plus ? "+" : (spec.space ? " " : ""))
                return padNumber(sign, text, spec)
            }
            if (type == "f" || type == "F"), !spec.left, !spec.plus, !spec.space, !spec.alternate, !spec.zero,
                spec.width == nil, let fixed = FixedPoint.format(d, precision: spec.precision!)
            {
                return fixed
            }
            var flags = ""
            if spec.left { flags += "-" }
            if spec.plus { flags += "+" }
            if spec.space { flags += " " }
            if spec.alternate { flags += "#" }
            if spec.zero { flags += "0" }
            let width = spec.width.map(String.init) ?? ""
            return CFormat.format("%\(flags)\(width).\(spec.precision!)\(type)", d)
        }
    }

    /// The sign and decimal digits of a float too large for `Int` under `%d`
    /// (Python's integers have no bound); nil digits for everything else.
    private static func integerDigits(_ value: Value, _ type: Unicode.Scalar) throws -> (Bool, String?) {
        if case .float(let d) = value, d.isFinite, Swift.abs(d) >= 9.2e18, "diu".unicodeScalars.contains(type) {
            return (d < 0, CFormat.format("%.0f", Swift.abs(d.rounded(.towardZero))))
        }
        if case .float(let d) = value { return (d <= -1, nil) }
        return ((value.intValue ?? 0) < 0, nil)
    }

    /// The integer `%d` and friends print: floats are truncated for `d i u`,
    /// refused for `x X o`.
    private static func integer(_ value: Value, _ type: Unicode.Scalar) throws -> Int {
        switch value {
        case .int, .bool: return value.intValue!
        case .float(let d) where "diu".unicodeScalars.contains(type):
            guard let i = PyNumber.truncate(d) else {
                throw TemplateError(.value, d.isNaN ? "cannot convert float NaN to integer" : "cannot convert float infinity to integer")
            }
            return i
        case .undefined(let u): throw u.error
        default:
            let requirement = "diu".unicodeScalars.contains(type) ? "a real number" : "an integer"
            throw TemplateError(.type, "%\(type) format: \(requirement) is required, not \(value.typeName)")
        }
    }

    /// Pads text to the width, left-justified with `-`.
    private static func pad(_ text: String, _ spec: Spec) -> String {
        guard let width = spec.width else { return text }
        return spec.left ? PyString.ljust(text, width) : PyString.rjust(text, width)
    }

    /// Pads a number: zeros go between the sign/prefix and the digits.
    private static func padNumber(_ prefix: String, _ digits: String, _ spec: Spec) -> String {
        let width = spec.width ?? 0
        let length = prefix.count + digits.count
        guard width > length else { return prefix + digits }
        if spec.left { return prefix + digits + String(repeating: " ", count: width - length) }
        if spec.zero { return prefix + String(repeating: "0", count: width - length) + digits }
        return String(repeating: " ", count: width - length) + prefix + digits
    }

    /// Python's `ascii()`: `repr()` with non-ASCII characters escaped.
    static func asciiRepr(_ repr: String) -> String {
        var out = ""
        for scalar in repr.unicodeScalars {
            if scalar.isASCII {
                out.unicodeScalars.append(scalar)
            } else if scalar.value <= 0xFF {
                out += "\\x" + String(scalar.value, radix: 16).leftPadded(to: 2)
            } else if scalar.value <= 0xFFFF {
                out += "\\u" + String(scalar.value, radix: 16).leftPadded(to: 4)
            } else {
                out += "\\U" + String(scalar.value, radix: 16).leftPadded(to: 8)
            }
        }
        return out
    }
}
