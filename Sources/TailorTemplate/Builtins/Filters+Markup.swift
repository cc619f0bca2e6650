import Foundation

/// HTML filters: escaping and marking safe, tag stripping, attributes,
/// indentation and links.
enum MarkupFilters {
    /// `{{ comment|escape }}` (also `e`): HTML-escapes text; `Markup` is left alone.
    static func escape(_ value: Value, _ args: Arguments, _ runtime: Runtime) throws -> Value {
        _ = try args.bind("escape", [])
        return try Escaping.escape(value)
    }

    /// `{{ html|forceescape }}`: escapes even `Markup`.
    static func forceescape(_ value: Value, _ args: Arguments, _ runtime: Runtime) throws -> Value {
        _ = try args.bind("forceescape", [])
        return .markup(Escaping.escapeHTML(try value.stringify()))
    }

    /// `{{ banner_html|safe }}`: marks text as safe, so autoescaping leaves it alone.
    static func safe(_ value: Value, _ args: Arguments, _ runtime: Runtime) throws -> Value {
        _ = try args.bind("safe", [])
        return .markup(try value.stringify())
    }

    /// `{{ '<p>Fish &amp; Chips</p>'|striptags }}` gives `Fish & Chips`: drops
    /// comments and tags, collapses whitespace and decodes entities.
    static func striptags(_ value: Value, _ args: Arguments, _ runtime: Runtime) throws -> Value {
        _ = try args.bind("striptags", [])
        var text = try value.stringify()
        text = removeDelimited(text, open: "<!--", close: "-->")
        text = removeDelimited(text, open: "<", close: ">")
        text = try PyString.split(text, nil).joined(separator: " ")
        return .string(HTMLEntities.unescape(text))
    }

    /// Removes each `open ... close` span, stopping at an unclosed one.
    private static func removeDelimited(_ text: String, open: String, close: String) -> String {
        var text = text
        var searchFrom = text.startIndex
        while let start = text.range(of: open, range: searchFrom..<text.endIndex) {
            guard let end = text.range(of: close, range: start.upperBound..<text.endIndex) else { break }
            let offset = text.distance(from: text.startIndex, to: start.lowerBound)
            text.removeSubrange(start.lowerBound..<end.upperBound)
            searchFrom = text.index(text.startIndex, offsetBy: offset)
        }
        return text
    }

    /// `<td{{ {'width': 100, 'class': 'cell'}|xmlattr(autospace=true) }}>`:
    /// escaped `key="value"` pairs, skipping `None` and undefined values.
    static func xmlattr(_ value: Value, _ args: Arguments, _ runtime: Runtime) throws -> Value {
        let a = try args.bind("xmlattr", ["autospace"])
        let autospace = try Param.bool(a[0], true)
        let dict: Dict
        switch value {
        case .dict(let d): dict = d
        case .undefined(let u): throw u.error
        default: throw TemplateError(.attribute, "'\(value.typeName)' object has no attribute 'items'")
        }
        var parts: [String] = []
        for (key, item) in zip(dict.keys, dict.values) {
            if item.isNone || item.isUndefined { continue }
            let name = try key.stringify()
            if name.unicodeScalars.contains(where: { " \t\n\r\u{0B}\u{0C}\u{1C}\u{1D}\u{1E}\u{1F}/>=".unicodeScalars.contains($0) }) {
                throw TemplateError(.value, "Invalid character in attribute name: \(key.repr)")
            }
            let escapedKey = try Escaping.escape(key).stringify()
            let escapedValue = try Escaping.escape(item).stringify()
            parts.append("\(escapedKey)=\"\(escapedValue)\"")
        }
        var result = parts.joined(separator: " ")
        if autospace && !result.isEmpty { result = " " + result }
        return runtime.autoescape ? .markup(result) : .string(result)
    }

    /// `{{ body|indent(width=4, first=false, blank=false) }}`: indents every
    /// line after the first (and the first with `first`); blank lines only with
    /// `blank`. `width` may be a string to use as the indentation.
    static func indent(_ value: Value, _ args: Arguments, _ runtime: Runtime) throws -> Value {
        let a = try args.bind("indent", ["width", "first", "blank"])
        let indentation: String
        if let width = a[0], let s = width.stringValue {
            indentation = s
        } else {
            let width = try Param.int(a[0], 4)
            try ValueLimits.checkBytes(width, "indent(\(width))")
            indentation = String(repeating: " ", count: max(0, width))
        }
        let first = try Param.bool(a[1], false)
        let blank = try Param.bool(a[2], false)
        if case .undefined(let u) = value { throw u.error }
        guard let text = value.stringValue else {
            throw TemplateError(.type, "unsupported operand type(s) for +=: '\(value.typeName)' and 'str'")
        }
        var lines = PyString.splitlines(text + "\n")
        var result: String
        if blank {
            result = lines.joined(separator: "\n" + indentation)
        } else {
            result = lines.isEmpty ? "" : lines.removeFirst()
            if !lines.isEmpty {
                result += "\n" + lines.map { $0.isEmpty ? $0 : indentation + $0 }.joined(separator: "\n")
            }
        }
        if first { result = indentation + result }
        return value.isMarkup ? .markup(result) : .string(result)
    }

    /// `{{ text|urlize(trim_url_limit=none, nofollow=false, target=none, rel=none, extra_schemes=none) }}`:
    /// turns URLs and email addresses into links (with `rel="noopener"`).
    static func urlize(_ value: Value, _ args: Arguments, _ runtime: Runtime) throws -> Value {
        let a = try args.bind("urlize", ["trim_url_limit", "nofollow", "target", "rel", "extra_schemes"])
        var rel = Set(try Param.optionalString(a[3])?.split(separator: " ").map(String.init) ?? [])
        if try Param.bool(a[1], false) { rel.insert("nofollow") }
        rel.insert("noopener")
        var schemes: [String] = []
        if let extra = a[4], !extra.isNone {
            schemes = try extra.iterate().map { try $0.stringify() }
            for scheme in schemes where !Linkifier.isSchemePrefix(scheme) {
                throw TemplateError(.runtime, "\(Value.pythonStringRepr(scheme)) is not a valid URI scheme prefix.")
            }
        }
        let linkifier = Linkifier(
            trimLimit: try Param.optionalInt(a[0]), rel: rel.sorted().joined(separator: " "),
            target: try Param.optionalString(a[2]), extraSchemes: schemes)
        let result = linkifier.urlize(try value.stringify(), isMarkup: value.isMarkup)
        return runtime.autoescape ? .markup(result) : .string(result)
    }
}
