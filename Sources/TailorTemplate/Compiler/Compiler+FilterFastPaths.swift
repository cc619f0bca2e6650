/// Built-in filters whose arguments are literals, bound once at compile time.
///
/// `first_name|default("there", true)` and `name|truncate(length=48)` run for
/// every recipient with the same arguments; the general path builds the
/// arguments' slot array and converts each slot on every call, which costs more
/// than the filter's own work. Here the binding and the argument checks run
/// once, and the closure calls the filter's per-value part directly.
///
/// Only when the binding succeeds at compile time: arguments that would fail
/// take the general path, so the error is raised (and located) when the filter
/// runs, as before. A filter replaced with `addFilter` never takes this path.
extension Compiler {
    func compileFilterFastPath(_ name: String, _ args: CallArguments, _ span: Span, input: @escaping Eval) -> Eval? {
        guard !environment.replacedFilters.contains(name), let arguments = constantArguments(args) else {
            return nil
        }
        let source = self.source
        switch name {
        case "default", "d":
            guard let a = try? arguments.bind("default", ["default_value", "boolean"]),
                let boolean = try? Param.bool(a[1], false)
            else { return nil }
            let replacement = a[0] ?? .string("")
            return { rt in
                try locating(source, span) { try DataFilters.defaulted(try input(rt), replacement, boolean: boolean) }
            }

        case "truncate":
            guard let a = try? arguments.bind("truncate", ["length", "killwords", "end", "leeway"]),
                let length = try? Param.int(a[0], 255), let killwords = try? Param.bool(a[1], false),
                let end = try? Param.string(a[2], "..."), let leeway = try? Param.int(a[3], 5),
                length >= end.unicodeScalars.count, leeway >= 0
            else { return nil }
            return { rt in
                try locating(source, span) {
                    try StringFilters.truncated(
                        try input(rt), length: length, killwords: killwords, end: end, leeway: leeway)
                }
            }

        case "trim":
            guard let a = try? arguments.bind("trim", ["chars"]) else { return nil }
            // Not `try?`: it would flatten "no chars given" into "failed".
            let chars: String?
            do { chars = try Param.optionalString(a[0]) } catch { return nil }
            return { rt in try locating(source, span) { try input(rt).mapText { PyString.strip($0, chars) } } }

        case "urlencode":
            guard arguments.positional.isEmpty, arguments.keywords.isEmpty else { return nil }
            // A string (an id, an email address) quotes directly, and one that
            // needs no quoting is passed on as it is; dicts, lists and the
            // rest take the filter.
            return { rt in
                try locating(source, span) {
                    let value = try input(rt)
                    switch value {
                    case .string(let s):
                        let quoted = URLQuote.quotePath(s)
                        return quoted.utf8.count == s.utf8.count ? value : .string(quoted)
                    case .markup(let s):
                        return .string(URLQuote.quotePath(s))
                    default:
                        return try StringFilters.urlencode(value, .empty, rt)
                    }
                }
            }

        case "batch":
            // `recommendations|batch(2)` for a grid: the size bound once.
            guard let a = try? arguments.bind("batch", ["linecount", "fill_with"], required: 1),
                let size = try? Param.int(a[0], 1)
            else { return nil }
            let fill = a[1].flatMap { $0.isNone ? nil : $0 }
            if fill != nil { guard (try? ValueLimits.checkItems(size, "batch")) != nil else { return nil } }
            return { rt in try locating(source, span) { try SequenceFilters.batched(try input(rt), size: size, fill: fill) } }

        default:
            return nil
        }
    }

    /// `"%.2f"|format(price)`: a literal `%.Nf` format and one argument. A
    /// float or an int is printed by ``FixedPoint`` directly, without the
    /// argument list, the tuple operand and the scan of the format that the
    /// general path builds per call; anything else (or a value out of
    /// FixedPoint's range) goes to the filter with the value already evaluated.
    func compileFixedPointFormat(_ format: String, _ args: CallArguments, _ span: Span) throws -> Eval? {
        guard let precision = fixedPointPrecision(format, args) else { return nil }
        let argument = try compile(args.positional[0])
        let source = self.source
        let formatValue = Value.string(format)
        return { rt in
            try locating(source, span) {
                let value = try argument(rt)
                switch value {
                case .float(let d):
                    if let text = FixedPoint.format(d, precision: precision) { return .string(text) }
                case .int(let i):
                    if let text = FixedPoint.format(Double(i), precision: precision) { return .string(text) }
                default:
                    break
                }
                return try StringFilters.format(formatValue, Arguments([value]), rt)
            }
        }
    }

    /// `{{ "%.2f"|format(price) }}` (an output statement at `outputSpan`): a
    /// float or an int is printed by ``FixedPoint`` straight into the output
    /// (digits, a point and a sign need no escaping), with no string made;
    /// anything else, or an environment with a `finalize`, prints the
    /// filter's result as usual.
    func compileFixedPointOutput(_ expr: Expr, markedAt outputSpan: Span) throws -> Exec? {
        guard case .filter(.constant(.string(let format), _), "format", let args, let span) = expr,
            let precision = fixedPointPrecision(format, args)
        else { return nil }
        let argument = try compile(args.positional[0])
        let source = self.source
        let formatValue = Value.string(format)
        return { rt in
            rt.mark(source, outputSpan, isStatic: false)
            try locating(source, outputSpan) {
                let value = try locating(source, span) { try argument(rt) }
                if rt.environment.finalize == nil {
                    let number: Double?
                    switch value {
                    case .float(let d): number = d
                    case .int(let i): number = Double(i)
                    default: number = nil
                    }
                    if let number, try FixedPoint.withText(number, precision: precision, { try rt.write($0) }) != nil {
                        return
                    }
                }
                let formatted = try locating(source, span) {
                    switch value {
                    case .float(let d):
                        if let text = FixedPoint.format(d, precision: precision) { return Value.string(text) }
                    case .int(let i):
                        if let text = FixedPoint.format(Double(i), precision: precision) { return Value.string(text) }
                    default:
                        break
                    }
                    return try StringFilters.format(formatValue, Arguments([value]), rt)
                }
                try rt.emit(formatted)
            }
        }
    }

    /// `{{ value|urlencode }}` (an output statement at `outputSpan`): a
    /// string's quoted bytes go straight into the output, with no string
    /// made and no escaping scan (quoted text holds none of `& < > " '`);
    /// anything else, or an environment with a `finalize`, prints the
    /// filter's result as usual.
    func compileURLEncodeOutput(_ expr: Expr, markedAt outputSpan: Span) throws -> Exec? {
        guard case .filter(let base, "urlencode", let args, let span) = expr, args.isEmpty,
            !environment.replacedFilters.contains("urlencode"), environment.filterTable["urlencode"] != nil
        else { return nil }
        let input = try compile(base)
        let source = self.source
        return { rt in
            rt.mark(source, outputSpan, isStatic: false)
            try locating(source, outputSpan) {
                let value = try locating(source, span) { try input(rt) }
                if rt.environment.finalize == nil {
                    switch value {
                    case .string(let s), .markup(let s):
                        return try URLQuote.withQuotedPath(s) { try rt.write($0) }
                    default:
                        break
                    }
                }
                try rt.emit(try locating(source, span) { try StringFilters.urlencode(value, .empty, rt) })
            }
        }
    }

    /// N of a literal `%.Nf` format applied to one positional argument, or nil.
    private func fixedPointPrecision(_ format: String, _ args: CallArguments) -> Int? {
        guard !environment.replacedFilters.contains("format"), args.keywords.isEmpty, args.starArgs == nil,
            args.starKwargs == nil, args.positional.count == 1
        else { return nil }
        let utf8 = Array(format.utf8)
        guard utf8.count == 4, utf8[0] == UInt8(ascii: "%"), utf8[1] == UInt8(ascii: "."),
            utf8[2] >= UInt8(ascii: "0"), utf8[2] <= UInt8(ascii: "9"), utf8[3] == UInt8(ascii: "f")
        else { return nil }
        return Int(utf8[2] - UInt8(ascii: "0"))
    }

    /// The call's arguments when every one is a literal (no `*args`, no `**kwargs`).
    private func constantArguments(_ args: CallArguments) -> Arguments? {
        guard args.starArgs == nil, args.starKwargs == nil, let positional = constantValues(args.positional),
            let keywords = constantValues(args.keywords.map(\.value))
        else { return nil }
        return Arguments(positional, keywords: zip(args.keywords, keywords).map { ($0.name, $1) })
    }
}
