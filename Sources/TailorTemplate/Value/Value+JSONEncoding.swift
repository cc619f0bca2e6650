/// JSON output for the `tojson` filter, as Jinja produces it: Python's
/// `json.dumps(value, sort_keys=True)` (ASCII only, `", "` and `": "`
/// separators, `NaN`/`Infinity` allowed), then `<`, `>`, `&` and `'` written
/// as `\u003c`, `\u003e`, `\u0026` and `\u0027` so the text is safe in HTML.
///
/// ```swift
/// try Value(["b": 1, "a": "<x>"]).htmlSafeJSON()   // {"a": "\u003cx\u003e", "b": 1}
/// ```
extension Value {
    /// The HTML-safe JSON text of the value; `indent` pretty-prints with that many spaces.
    public func htmlSafeJSON(indent: Int? = nil) throws -> String {
        var out = ""
        try Value.appendJSON(self, to: &out, indent: indent, level: 0)
        return out
    }

    /// Appends one value, recursing into arrays and objects.
    private static func appendJSON(_ value: Value, to out: inout String, indent: Int?, level: Int) throws {
        switch value {
        case .none: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .float(let d): out += jsonFloat(d)
        case .string(let s), .markup(let s): appendJSONString(s, to: &out)
        case .list(let items), .tuple(let items):
            try appendJSONArray(items, to: &out, indent: indent, level: level)
        case .dict(let d):
            try appendJSONObject(d, to: &out, indent: indent, level: level)
        case .object(let o):
            if let group = o as? GroupTuple {
                try appendJSONArray(group.sequence ?? [], to: &out, indent: indent, level: level)
            } else {
                throw TemplateError(.type, "Object of type \(o.typeName) is not JSON serializable")
            }
        case .undefined:
            throw TemplateError(.type, "Object of type \(value.jsonTypeName) is not JSON serializable")
        }
    }

    private var jsonTypeName: String {
        if case .undefined(let u) = self { return u.strict ? "StrictUndefined" : "Undefined" }
        return typeName
    }

    /// With an indent: a newline and the indentation of `level`.
    private static func newline(_ out: inout String, _ indent: Int?, _ level: Int) {
        guard let indent else { return }
        out += "\n" + String(repeating: " ", count: max(0, indent) * level)
    }

    private static func appendJSONArray(_ items: [Value], to out: inout String, indent: Int?, level: Int) throws {
        guard !items.isEmpty else { out += "[]"; return }
        out += "["
        for (i, item) in items.enumerated() {
            if i > 0 { out += indent == nil ? ", " : "," }
            newline(&out, indent, level + 1)
            try appendJSON(item, to: &out, indent: indent, level: level + 1)
        }
        newline(&out, indent, level)
        out += "]"
    }

    /// Objects list their keys sorted; keys print as JSON strings.
    private static func appendJSONObject(_ dict: Dict, to out: inout String, indent: Int?, level: Int) throws {
        guard !dict.isEmpty else { out += "{}"; return }
        let pairs = try PySort.sorted(dict.keys.indices.map { Value.int($0) }) { dict.keys[$0.intValue!] }
            .map { (dict.keys[$0.intValue!], dict.values[$0.intValue!]) }
        out += "{"
        for (i, (key, item)) in pairs.enumerated() {
            if i > 0 { out += indent == nil ? ", " : "," }
            newline(&out, indent, level + 1)
            let name: String
            switch key {
            case .string(let s), .markup(let s): name = s
            case .int(let n): name = String(n)
            case .float(let d): name = jsonFloat(d)
            case .bool(let b): name = b ? "true" : "false"
            case .none: name = "null"
            default:
                throw TemplateError(
                    .type, "keys must be str, int, float, bool or None, not \(key.typeName)")
            }
            appendJSONString(name, to: &out)
            out += ": "
            try appendJSON(item, to: &out, indent: indent, level: level + 1)
        }
        newline(&out, indent, level)
        out += "}"
    }

    /// Floats as Python's `repr`, with JavaScript's names for the non-finite ones.
    private static func jsonFloat(_ d: Double) -> String {
        if d.isNaN { return "NaN" }
        if d.isInfinite { return d < 0 ? "-Infinity" : "Infinity" }
        return pythonFloatRepr(d)
    }

    /// A string literal, ASCII only, with the HTML-unsafe characters escaped.
    private static func appendJSONString(_ s: String, to out: inout String) {
        out += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case "<": out += "\\u003c"
            case ">": out += "\\u003e"
            case "&": out += "\\u0026"
            case "'": out += "\\u0027"
            default:
                if scalar.value < 0x20 || scalar.value > 0x7E && scalar.value != 0x7F {
                    if scalar.value > 0xFFFF {
                        let v = scalar.value - 0x10000
                        out += unicodeEscape(0xD800 + (v >> 10)) + unicodeEscape(0xDC00 + (v & 0x3FF))
                    } else {
                        out += unicodeEscape(scalar.value)
                    }
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }

    private static func unicodeEscape(_ v: UInt32) -> String {
        let hex = String(v, radix: 16)
        return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
    }
}
