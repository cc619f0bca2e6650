/// Text filters: case, trimming, padding, truncation, word counts, wrapping,
/// replacement, `%` formatting and URL encoding.
enum StringFilters {
    /// `{{ name|upper }}`: upper-cases with full case mapping (`'straße'|upper` is `STRASSE`).
    static func upper(_ value: Value, _ args: Arguments, _ runtime: Runtime) throws -> Value {
        _ = try args.bind("upper", [])
        return try value.mapText(PyString.upper)
    }

    /// `{{ name|lower }}`.
    static func lower(_ value: Value, _ args: Arguments, _ runtime: Runtime) throws -> Value {
        _ = try args.bind("lower", [])
        return try value.mapText(PyString.lower)
    }

    /// `{{ 'hello WORLD'|capitalize }}` gives `Hello world`.
    static func capitalize(_ value: Value, _ args: Arguments, _ runtime: Runtime) throws -> Value {
        _ = try args.bind("capitalize", [])
        return try value.mapText(PyString.capitalize)
    }

    /// `{{ "mARY-jane o'neil"|title }}` gives `Mary-Jane O'neil`: a word starts
    /// after whitespace or one of `- ( { [ <`, so apostrophes do not start words.
    static func title(_ value: Value, _ args: Arguments, _ runtime: Runtime) throws -> Value {
        _ = try args.bind("title", [])
        let text = try value.stringify()
        if let ascii = asciiTitle(text) { return .string(ascii) }
        var out = ""
        var wordStart = true
        for c in text.unicodeScalars {
            if PyString.isSpace(c) || "-({[<".unicodeScalars.contains(c) {
                out.unicodeScalars.append(c)
                wordStart = true
            } else {
                out += wordStart ? c.properties.uppercaseMapping : c.properties.lowercaseMapping
                wordStart = false
            }
        }
        return .string(out)
    }

    /// `title` over ASCII text, byte by byte; nil when the text is not ASCII.
    /// Text already in title case (most names) comes back as it is; other
    /// text is written straight into the new string's storage (inline for a
    /// short name), with no intermediate byte array.
    private static func asciiTitle(_ text: String) -> String? {
        var text = text
        let changes = text.withUTF8 { bytes -> Bool? in
            var wordStart = true
            var changes = false
            for b in bytes {
                if b >= 0x80 { return nil }
                if titleCased(b, &wordStart) != b { changes = true }
            }
            return changes
        }
        guard let changes else { return nil }
        guard changes else { return text }
        return text.withUTF8 { bytes in
            String(unsafeUninitializedCapacity: bytes.count) { out in
                var wordStart = true
                for i in bytes.indices { out[i] = titleCased(bytes[i], &wordStart) }
                return bytes.count
            }
        }
    }

    /// One ASCII byte of `title`: upper case at the start of a word, lower
    /// case inside one; whitespace and `- ( { [ <` start a new word.
    @inline(__always)
    private static func titleCased(_ b: UInt8, _ wordStart: inout Bool) -> UInt8 {
        switch b {
        case 0x09...0x0D, 0x1C...0x20, 0x2D, 0x28, 0x7B, 0x5B, 0x3C:  // whitespace - ( { [ <
            wordStart = true
            return b
        case 0x61...0x7A:  // a-z
            defer { wordStart = false }
            return wordStart ? b - 32 : b
        case 0x41...0x5A:  // A-Z
            defer { wordStart = false }
            return wordStart ? b : b + 32
        default:
            wordStart = false
            return b
        }
    }

    /// `{{ '--sale--'|trim('-') }}`: strips whitespace or the given characters.
    static func trim(_ value: Value, _ args: Arguments, _ runtime: Runtime) throws -> Value {
        let a = try args.bind("trim", ["chars"])
        let chars = try Param.optionalString(a[0])
        return try value.mapText { PyString.strip($0, chars) }
    }

    /// `{{ 'SALE'|center(10) }}`: centers in a field of `width` (default 80).
    static func center(_ value: Value, _ args: Arguments, _ runtime: Runtime) throws -> Value {
        let a = try args.bind("center", ["width"])
        let width = try Param.int(a[0], 80)
        try ValueLimits.checkBytes(width, "center(\(width))")
        return try value.mapText { PyString.center($0, width) }
    }

    /// `{{ text|truncate(30, killwords=false, end='...', leeway=none) }}`: cuts at
    /// a word boundary unless `killwords`; text within `length + leeway` (leeway
    /// defaults to 5) is left alone.
    static func truncate(_ value: Value, _ args: Arguments, _ runtime: Runtime) throws -> Value {
        let a = try args.bind("truncate", ["length", "killwords", "end", "leeway"])
        let length = try Param.int(a[0], 255)
        let killwords = try Param.bool(a[1], false)
        let end = try Param.string(a[2], "...")
        let leeway = try Param.int(a[3], 5)
        let endLength = end.unicodeScalars.count
        guard length >= endLength else {
            throw TemplateError(.runtime, "expected length >= \(endLength), got \(length)")
        }
        guard leeway >= 0 else { throw TemplateError(.runtime, "expected leeway >= 0, got \(leeway)") }
        return try truncated(value, length: length, killwords: killwords, end: end, leeway: leeway)
    }

    /// `truncate` with its arguments bound and checked (`length` at least the
    /// length of `end`, `leeway` not negative).
    static func truncated(_ value: Value, length: Int, killwords: Bool, end: String, leeway: Int) throws -> Value {
        let text = try value.stringify()
        // Never more scalars than UTF-8 bytes: most names fit without counting
        // (theirs, or the end marker's).
        if text.utf8.count <= length + leeway { return value.isMarkup ? value : .string(text) }
        let scalars = Array(text.unicodeScalars)
        if scalars.count <= length + leeway { return value.isMarkup ? value : .string(text) }
        let endLength = end.unicodeScalars.count
        var kept = PyString.string(scalars[..<(length - endLength)])
        if !killwords, let space = kept.unicodeScalars.lastIndex(of: " ") {
            kept = String(kept.unicodeScalars[..<space])
        }
        if value.isMarkup { return .markup(kept + Escaping.escapeHTML(end)) }
        return .string(kept + end)
    }

    /// `{{ text|wordcount }}`: the number of runs of word characters.
    static func wordcount(_ value: Value, _ args: Arguments, _ runtime: Runtime) throws -> Value {
        _ = try args.bind("wordcount", [])
        var count = 0
        var inWord = false
        for c in try value.stringify().unicodeScalars {
            let word = PyString.isWord(c)
            if word && !inWord { count += 1 }
            inWord = word
        }
        return .int(count)
    }

    /// `{{ text|wordwrap(width=79, break_long_words=true, wrapstring=none, break_on_hyphens=true) }}`:
    /// wraps each existing line with Python's `textwrap` rules.
    static func wordwrap(_ value: Value, _ args: Arguments, _ runtime: Runtime) throws -> Value {
        let a = try args.bind("wordwrap", ["width", "break_long_words", "wrapstring", "break_on_hyphens"])
        try value.checkStrict()
        if case .undefined(let u) = value { throw u.error }
        let width = try Param.int(a[0], 79)
        let wrapper = TextWrapper(
            width: width, breakLongWords: try Param.bool(a[1], true),
            breakOnHyphens: try Param.bool(a[3], true))
        let wrapstring = try Param.optionalString(a[2]) ?? "\n"
        let text = try value.stringify()
        let lines = try PyString.splitlines(text).map { try wrapper.wrap($0).joined(separator: wrapstring) }
        return .string(lines.joined(separator: wrapstring))
    }

    /// `{{ 'Hello NAME'|replace('NAME', first_name, count=none) }}`. With
    /// autoescape on, replacing into plain text with `Markup` escapes the text
    /// first, as Jinja does.
    static func replace(_ value: Value, _ args: Arguments, _ runtime: Runtime) throws -> Value {
        let a = try args.bind("replace", ["old", "new", "count"], required: 2)
        let old = a[0]!, new = a[1]!
        let count = try Param.optionalInt(a[2]) ?? -1
        guard runtime.autoescape else {
            return .string(PyString.replace(try value.stringify(), try old.stringify(), try new.stringify(), count))
        }
        // Markup.replace escapes its arguments; plain text turns into Markup
        // when either argument is Markup.
        var receiverIsMarkup = value.isMarkup
        var text = try value.stringify()
        if !receiverIsMarkup && (old.isMarkup || new.isMarkup) {
            text = Escaping.escapeHTML(text)
            receiverIsMarkup = true
        }
        guard receiverIsMarkup else {
            return .string(PyString.replace(text, try old.stringify(), try new.stringify(), count))
        }
        // Markup.replace escapes the replacement, not the text it looks for.
        let escapedNew = try Escaping.escape(new).stringify()
        return .markup(PyString.replace(text, try old.stringify(), escapedNew, count))
    }

    /// `{{ 42|string }}`: `str()` of the value; `Markup` stays `Markup`.
    static func string(_ value: Value, _ args: Arguments, _ runtime: Runtime) throws -> Value {
        _ = try args.bind("string", [])
        if value.isMarkup { return value }
        return .string(try value.stringify())
    }

    /// `{{ '%s has %d points'|format(name, points) }}`: printf-style formatting
    /// with positional or keyword arguments (not both).
    static func format(_ value: Value, _ args: Arguments, _ runtime: Runtime) throws -> Value {
        if !args.positional.isEmpty && !args.keywords.isEmpty {
            throw TemplateError(.runtime, "can't handle positional and keyword arguments at the same time")
        }
        let operand: Value
        if args.keywords.isEmpty {
            operand = .tuple(args.positional)
        } else {
            operand = .dict(Dict(args.keywords.map { (Value.string($0.name), $0.value) }))
        }
        if case .markup(let s) = value {
            return .markup(try PercentFormat.format(s, operand, escaping: true))
        }
        return .string(try PercentFormat.format(try value.stringify(), operand))
    }

    /// `{{ 'Autumn Sale & more'|urlencode }}`: percent-encodes text (keeping `/`);
    /// a dict or a list of pairs becomes a query string.
    static func urlencode(_ value: Value, _ args: Arguments, _ runtime: Runtime) throws -> Value {
        _ = try args.bind("urlencode", [])
        let pairs: [Value]
        switch value {
        case .string(let s), .markup(let s): return .string(URLQuote.quotePath(s))
        case .dict(let d): pairs = d.pairs.map { .tuple([$0.key, $0.value]) }
        case .list, .tuple, .undefined: pairs = try value.iterate()
        case .object(let o) where o.sequence != nil: pairs = o.sequence!
        default: return .string(URLQuote.quote(try value.stringify(), safe: "/"))
        }
        var parts: [String] = []
        for pair in pairs {
            let kv = try pair.iterate()
            guard kv.count == 2 else {
                throw TemplateError(.value, "too many values to unpack (expected 2)")
            }
            parts.append(
                URLQuote.quote(try kv[0].stringify(), forQuery: true) + "="
                    + URLQuote.quote(try kv[1].stringify(), forQuery: true))
        }
        return .string(parts.joined(separator: "&"))
    }
}

extension String {
    func leftPadded(to width: Int, with pad: Character = "0") -> String {
        count >= width ? self : String(repeating: pad, count: width - count) + self
    }
}
