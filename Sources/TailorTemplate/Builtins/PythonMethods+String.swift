/// Python's `str` methods. On `Markup`, methods that return text return
/// `Markup`, and `replace`, `join` and `format` escape their plain-text
/// arguments, as MarkupSafe does.
enum StringMethods {
    /// The `str` methods templates may call; others are not methods of `str` here.
    static let names: Set<String> = [
        "upper", "lower", "casefold", "title", "capitalize", "swapcase", "strip", "lstrip", "rstrip",
        "split", "rsplit", "splitlines", "replace", "startswith", "endswith", "find", "rfind", "index",
        "rindex", "count", "join", "isdigit", "isdecimal", "isnumeric", "isalpha", "isalnum", "isspace",
        "isupper", "islower", "istitle", "partition", "rpartition", "center", "ljust", "rjust", "zfill",
        "format", "format_map", "removeprefix", "removesuffix",
    ]

    /// Calls the `str` method `method` on `s`, nil when `str` has no such method.
    ///
    /// ```jinja
    /// {{ name.strip().title() }}  {{ sku.startswith(("TR", "WB")) }}  {{ "a,b".split(",") }}
    /// ```
    static func call(_ s: String, markup: Bool, _ method: String, _ args: Arguments, _ runtime: Runtime) throws
        -> Value?
    {
        /// Text results keep the receiver's kind.
        func text(_ t: String) -> Value { markup ? .markup(t) : .string(t) }
        /// Arguments interpolated into Markup are escaped first.
        func argument(_ v: Value) throws -> String {
            markup ? try Escaping.escape(v).stringify() : try requireString(v, method)
        }
        func noArguments() throws { _ = try args.bind(method, []) }

        switch method {
        // Case.
        case "upper": try noArguments(); return text(PyString.upper(s))
        case "lower", "casefold": try noArguments(); return text(PyString.lower(s))
        case "title": try noArguments(); return text(PyString.title(s))
        case "capitalize": try noArguments(); return text(PyString.capitalize(s))
        case "swapcase": try noArguments(); return text(PyString.swapcase(s))
        // Trimming and splitting; `None` as the separator means whitespace.
        case "strip", "lstrip", "rstrip":
            let chars = try args.bind(method, ["chars"])[0]
            let set = try chars.flatMap { $0.isNone ? nil : try requireString($0, method) }
            return text(PyString.strip(s, set, leading: method != "rstrip", trailing: method != "lstrip"))
        case "split", "rsplit":
            let a = try args.bind(method, ["sep", "maxsplit"])
            let sep = try a[0].flatMap { $0.isNone ? nil : try requireString($0, method) }
            let maxsplit = try Param.int(a[1], -1)
            let parts = method == "split" ? try PyString.split(s, sep, maxsplit) : try PyString.rsplit(s, sep, maxsplit)
            return .list(parts.map(text))
        case "splitlines":
            let keepends = try Param.bool(try args.bind(method, ["keepends"])[0], false)
            return .list(PyString.splitlines(s, keepends: keepends).map(text))
        case "replace":
            // Markup.replace escapes only the replacement.
            let a = try args.bind(method, ["old", "new", "count"], required: 2)
            let old = try requireString(a[0]!, method)
            return text(PyString.replace(s, old, try argument(a[1]!), try Param.int(a[2], -1)))
        // Searching; `start`/`end` are slice bounds, a tuple tries each prefix.
        case "startswith", "endswith":
            let a = try args.bind(method, ["prefix", "start", "end"], required: 1)
            let scalars = Array(s.unicodeScalars)
            let (start, end) = try PyIndex.bounds(scalars.count, a[1], a[2])
            let candidates: [Value]
            if case .tuple(let items) = a[0]! { candidates = items } else { candidates = [a[0]!] }
            for candidate in candidates {
                guard let affix = candidate.stringValue else {
                    throw TemplateError(
                        .type, "\(method) first arg must be str or a tuple of str, not \(candidate.typeName)")
                }
                let needle = Array(affix.unicodeScalars)
                guard start <= end, end - start >= needle.count else { continue }
                let window = method == "startswith"
                    ? scalars[start..<(start + needle.count)] : scalars[(end - needle.count)..<end]
                if window.elementsEqual(needle) { return .bool(true) }
            }
            return .bool(false)
        case "find", "rfind", "index", "rindex", "count":
            let a = try args.bind(method, ["sub", "start", "end"], required: 1)
            let scalars = Array(s.unicodeScalars)
            let needle = Array(try requireString(a[0]!, method).unicodeScalars)
            let (start, end, pastEnd) = try PyIndex.boundsPastEnd(scalars.count, a[1], a[2])
            if pastEnd {
                if method.hasSuffix("index") { throw TemplateError(.value, "substring not found") }
                return .int(method == "count" ? 0 : -1)
            }
            if method == "count" { return .int(PyString.count(scalars, needle, from: start, to: end)) }
            let found = PyString.find(scalars, needle, from: start, to: end, reverse: method.hasPrefix("r"))
            if let found { return .int(found) }
            if method.hasSuffix("index") { throw TemplateError(.value, "substring not found") }
            return .int(-1)
        case "join":
            let iterable = try args.bind(method, ["iterable"], required: 1)[0]!
            var parts: [String] = []
            for (i, item) in try iterable.iterate().enumerated() {
                guard item.isString || markup else {
                    throw TemplateError(.type, "sequence item \(i): expected str instance, \(item.typeName) found")
                }
                parts.append(try argument(item))
            }
            return text(parts.joined(separator: s))
        // Character classes: true when non-empty and every character matches.
        case "isdigit": try noArguments(); return .bool(PyString.all(s, PyString.isDigit))
        case "isdecimal": try noArguments(); return .bool(PyString.all(s, PyString.isDecimal))
        case "isnumeric": try noArguments(); return .bool(PyString.all(s, PyString.isNumeric))
        case "isalpha": try noArguments(); return .bool(PyString.all(s, PyString.isAlpha))
        case "isalnum": try noArguments(); return .bool(PyString.all(s, PyString.isAlnum))
        case "isspace": try noArguments(); return .bool(PyString.all(s, PyString.isSpace))
        case "isupper": try noArguments(); return .bool(PyString.isUpperString(s))
        case "islower": try noArguments(); return .bool(PyString.isLowerString(s))
        case "istitle": try noArguments(); return .bool(PyString.isTitleString(s))
        case "partition", "rpartition":
            let sep = try requireString(try args.bind(method, ["sep"], required: 1)[0]!, method)
            guard !sep.isEmpty else { throw TemplateError(.value, "empty separator") }
            let scalars = Array(s.unicodeScalars)
            let needle = Array(sep.unicodeScalars)
            guard let at = PyString.find(scalars, needle, reverse: method == "rpartition") else {
                return method == "partition" ? .tuple([text(s), text(""), text("")]) : .tuple([text(""), text(""), text(s)])
            }
            return .tuple([
                text(PyString.string(scalars[..<at])), text(sep),
                text(PyString.string(scalars[(at + needle.count)...])),
            ])
        // Padding with a one-character fill.
        case "center", "ljust", "rjust":
            let a = try args.bind(method, ["width", "fillchar"], required: 1)
            let width = try Param.int(a[0], 0)
            try ValueLimits.checkBytes(width, "\(method)(\(width))")
            var fill: Unicode.Scalar = " "
            if let given = a[1] {
                let chars = Array(try requireString(given, method).unicodeScalars)
                guard chars.count == 1 else {
                    throw TemplateError(.type, "The fill character must be exactly one character long")
                }
                fill = chars[0]
            }
            switch method {
            case "center": return text(PyString.center(s, width, fill))
            case "ljust": return text(PyString.ljust(s, width, fill))
            default: return text(PyString.rjust(s, width, fill))
            }
        case "zfill":
            let width = try Param.int(try args.bind(method, ["width"], required: 1)[0], 0)
            try ValueLimits.checkBytes(width, "zfill(\(width))")
            return text(PyString.zfill(s, width))
        case "removeprefix", "removesuffix":
            let affix = try requireString(try args.bind(method, ["affix"], required: 1)[0]!, method)
            if method == "removeprefix", !affix.isEmpty, s.unicodeScalars.starts(with: affix.unicodeScalars) {
                return text(PyString.string(s.unicodeScalars.dropFirst(affix.unicodeScalars.count)))
            }
            if method == "removesuffix", !affix.isEmpty,
                s.unicodeScalars.reversed().starts(with: affix.unicodeScalars.reversed())
            {
                return text(PyString.string(s.unicodeScalars.dropLast(affix.unicodeScalars.count)))
            }
            return text(s)
        case "format":
            return text(try StrFormat.format(s, args, runtime, escaping: markup))
        case "format_map":
            let mapping = try args.bind(method, ["mapping"], required: 1)[0]!
            guard case .dict(let d) = mapping else {
                throw TemplateError(.type, "'\(mapping.typeName)' object is not subscriptable")
            }
            let keywords = try d.pairs.map { (name: try $0.key.stringify(), value: $0.value) }
            return text(try StrFormat.format(s, Arguments([], keywords: keywords), runtime, escaping: markup))
        default:
            return nil
        }
    }

    /// A `str` argument; anything else is the `TypeError` Python raises.
    private static func requireString(_ v: Value, _ method: String) throws -> String {
        if let s = v.stringValue { return s }
        try v.checkStrict()
        throw TemplateError(.type, "must be str, not \(v.typeName)")
    }
}
