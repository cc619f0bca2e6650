/// Sequence filters: picking, counting, joining, mapping, selecting, sorting,
/// de-duplicating, aggregating and chunking.
enum SequenceFilters {
    /// `{{ tags|length }}` (also `count`): 0 for an undefined value.
    static func length(_ value: Value, _ args: Arguments, _ runtime: Runtime) throws -> Value {
        _ = try args.bind("length", [])
        return .int(try value.length())
    }

    /// `{{ 'abc'|list }}` gives `['a', 'b', 'c']`.
    static func list(_ value: Value, _ args: Arguments, _ runtime: Runtime) throws -> Value {
        _ = try args.bind("list", [])
        return .list(try value.iterate())
    }

    /// `{{ products|first }}`: undefined when the sequence is empty.
    static func first(_ value: Value, _ args: Arguments, _ runtime: Runtime) throws -> Value {
        _ = try args.bind("first", [])
        return try value.iterate().first ?? runtime.undefined(.message("No first item, sequence was empty."))
    }

    /// `{{ products|last }}`: undefined when the sequence is empty.
    static func last(_ value: Value, _ args: Arguments, _ runtime: Runtime) throws -> Value {
        _ = try args.bind("last", [])
        return try value.iterate().last ?? runtime.undefined(.message("No last item, sequence was empty."))
    }

    /// `{{ tips|random }}`: a random item, the same for the same variables
    /// (see ``RenderRandom``).
    static func random(_ value: Value, _ args: Arguments, _ runtime: Runtime) throws -> Value {
        _ = try args.bind("random", [])
        let items = try value.iterate()
        return runtime.withRandom { items.randomElement(using: &$0) }
            ?? runtime.undefined(.message("No random item, sequence was empty."))
    }

    /// `{{ 'stressed'|reverse }}`: a reversed string, or the items in reverse order.
    static func reverse(_ value: Value, _ args: Arguments, _ runtime: Runtime) throws -> Value {
        _ = try args.bind("reverse", [])
        switch value {
        case .string(let s): return .string(PyString.string(s.unicodeScalars.reversed()))
        case .markup(let s): return .markup(PyString.string(s.unicodeScalars.reversed()))
        case .list, .tuple, .dict, .object, .undefined: return .list(try value.iterate().reversed())
        default: throw TemplateError(.runtime, "argument must be iterable")
        }
    }

    /// `{{ tags|join(', ', attribute=none) }}`. With autoescape on, items are
    /// escaped when the separator or any item is `Markup`, and the result is `Markup`.
    static func join(_ value: Value, _ args: Arguments, _ runtime: Runtime) throws -> Value {
        let a = try args.bind("join", ["d", "attribute"])
        let separator = a[0] ?? .string("")
        var items = try value.iterate()
        if let attribute = a[1], !attribute.isNone {
            let getter = try AttributeGetter(attribute)
            items = try items.map { try getter($0, runtime) }
        }
        guard runtime.autoescape else {
            return .string(try items.map { try $0.stringify() }.joined(separator: try separator.stringify()))
        }
        if !separator.isMarkup && !items.contains(where: \.isMarkup) {
            return .string(try items.map { try $0.stringify() }.joined(separator: try separator.stringify()))
        }
        let parts = try items.map { try Escaping.escape($0).stringify() }
        return .markup(parts.joined(separator: try Escaping.escape(separator).stringify()))
    }

    /// `{{ products|map(attribute='name', default=none) }}` or
    /// `{{ names|map('upper') }}`: looks up an attribute of each item, or
    /// applies a filter (with any further arguments) to each.
    static func map(_ value: Value, _ args: Arguments, _ runtime: Runtime) throws -> Value {
        guard try value.truthy() else { return .list([]) }
        let items = try value.iterate()
        if args.positional.isEmpty, let attribute = args.keyword("attribute") {
            if let extra = args.keywords.first(where: { $0.name != "attribute" && $0.name != "default" }) {
                throw TemplateError(.runtime, "Unexpected keyword argument '\(extra.name)'")
            }
            let getter = try AttributeGetter(attribute, fallback: args.keyword("default"))
            return .list(try items.map { try getter($0, runtime) })
        }
        guard let name = args.positional.first else {
            throw TemplateError(.runtime, "map requires a filter argument")
        }
        let rest = Arguments(Array(args.positional.dropFirst()), keywords: args.keywords)
        let filterName = try name.stringify()
        return .list(try items.map { try runtime.filter(filterName, $0, rest) })
    }

    /// `select`, `reject`, `selectattr` and `rejectattr`: keep the items (or the
    /// items whose attribute) pass the named test, or are truthy without one.
    static func selecting(keep: Bool, byAttribute: Bool) -> Filter {
        { value, args, runtime in
            guard try value.truthy() else { return .list([]) }
            var positional = args.positional[...]
            var getter: AttributeGetter?
            if byAttribute {
                guard let attribute = positional.popFirst() else {
                    throw TemplateError(.runtime, "Missing parameter for attribute name")
                }
                getter = try AttributeGetter(attribute)
            }
            let testName = try positional.popFirst()?.stringify()
            let testArgs = Arguments(Array(positional), keywords: args.keywords)
            return .list(
                try value.iterate().filter { item in
                    let subject = try getter?(item, runtime) ?? item
                    let passed =
                        try testName.map { try runtime.test($0, subject, testArgs) } ?? subject.truthy()
                    return passed == keep
                })
        }
    }

    /// `{{ names|sort(reverse=false, case_sensitive=false, attribute=none) }}`;
    /// `attribute` may list several paths, `'category,name'`.
    static func sort(_ value: Value, _ args: Arguments, _ runtime: Runtime) throws -> Value {
        let a = try args.bind("sort", ["reverse", "case_sensitive", "attribute"])
        let reverse = try Param.bool(a[0], false)
        let ignoreCase = !(try Param.bool(a[1], false))
        let items = try value.iterate()
        if let attribute = a[2], !attribute.isNone {
            let getters = try AttributeGetter.multiple(attribute, ignoreCase: ignoreCase)
            return .list(
                try PySort.sorted(items, reverse: reverse) { item in
                    .list(try getters.map { try $0(item, runtime) })
                })
        }
        return .list(try PySort.sorted(items, reverse: reverse) { ignoreCase ? $0.caseFolded : $0 })
    }

    /// `{{ tags|unique(case_sensitive=false, attribute=none) }}`: first occurrences, in order.
    static func unique(_ value: Value, _ args: Arguments, _ runtime: Runtime) throws -> Value {
        let a = try args.bind("unique", ["case_sensitive", "attribute"])
        let getter = try AttributeGetter(a[1] ?? .none, ignoreCase: !(try Param.bool(a[0], false)))
        var seen = Set<Value>()
        var out: [Value] = []
        for item in try value.iterate() {
            let key = try getter(item, runtime)
            try key.checkHashable()
            if seen.insert(key).inserted { out.append(item) }
        }
        return .list(out)
    }

    /// `min` and `max` with `case_sensitive=false, attribute=none`; undefined when empty.
    static func extreme(_ name: String, largest: Bool) -> Filter {
        { value, args, runtime in
            let a = try args.bind(name, ["case_sensitive", "attribute"])
            let getter = try AttributeGetter(a[1] ?? .none, ignoreCase: !(try Param.bool(a[0], false)))
            let items = try value.iterate()
            guard var best = items.first else {
                return runtime.undefined(.message("No aggregated item, sequence was empty."))
            }
            var bestKey = try getter(best, runtime)
            for item in items.dropFirst() {
                let key = try getter(item, runtime)
                let order = try largest ? Value.compare(key, bestKey, ">") : Value.compare(key, bestKey, "<")
                if largest ? order > 0 : order < 0 {
                    best = item
                    bestKey = key
                }
            }
            return best
        }
    }

    /// `{{ lines|sum(attribute='qty', start=0) }}`.
    static func sum(_ value: Value, _ args: Arguments, _ runtime: Runtime) throws -> Value {
        let a = try args.bind("sum", ["attribute", "start"])
        var total = a[1] ?? .int(0)
        let getter = try a[0].flatMap { $0.isNone ? nil : try AttributeGetter($0) }
        for item in try value.iterate() {
            total = try Value.binary(.add, total, try getter?(item, runtime) ?? item)
        }
        return total
    }

    /// `{% for row in items|batch(3, fill_with=none) %}`: rows of `linecount`
    /// items, the last padded with `fill_with` when given.
    static func batch(_ value: Value, _ args: Arguments, _ runtime: Runtime) throws -> Value {
        let a = try args.bind("batch", ["linecount", "fill_with"], required: 1)
        let size = try Param.int(a[0], 1)
        let fill = a[1].flatMap { $0.isNone ? nil : $0 }
        if fill != nil { try ValueLimits.checkItems(size, "batch(\(size)) with fill_with") }
        return try batched(value, size: size, fill: fill)
    }

    /// `batch`'s per-value part, its arguments bound: `fill` is nil for none
    /// (and already checked against the item limit when not).
    static func batched(_ value: Value, size: Int, fill: Value?) throws -> Value {
        let items = try value.iterate()
        if size >= 1 {
            // Each row copied out at its size, instead of grown an item at a time.
            var rows: [Value] = []
            rows.reserveCapacity(items.count / size + 1)
            var start = 0
            while start < items.count {
                let end = items.count - start > size ? start + size : items.count
                var row = Array(items[start..<end])
                if let fill, row.count < size {
                    row += Array(repeating: fill, count: size - row.count)
                }
                rows.append(.list(row))
                start = end
            }
            return .list(rows)
        }
        // A size below one never fills a row: the items land in one (after an
        // empty one for zero), as in Jinja.
        var rows: [Value] = []
        var row: [Value] = []
        for item in items {
            if row.count == size {
                rows.append(.list(row))
                row = []
            }
            row.append(item)
        }
        if !row.isEmpty {
            if let fill, row.count < size {
                row += Array(repeating: fill, count: size - row.count)
            }
            rows.append(.list(row))
        }
        return .list(rows)
    }

    /// `{% for column in items|slice(3, fill_with=none) %}`: `slices` columns,
    /// the first ones one longer when the items do not divide evenly.
    static func slice(_ value: Value, _ args: Arguments, _ runtime: Runtime) throws -> Value {
        let a = try args.bind("slice", ["slices", "fill_with"], required: 1)
        let slices = try Param.int(a[0], 1)
        guard slices != 0 else { throw TemplateError(.zeroDivision, "integer division or modulo by zero") }
        let items = try value.iterate()
        let perSlice = pyFloorDiv(items.count, slices)
        let withExtra = items.count - perSlice * slices
        var offset = 0
        var out: [Value] = []
        for number in 0..<max(0, slices) {
            let start = offset + number * perSlice
            if number < withExtra { offset += 1 }
            let end = offset + (number + 1) * perSlice
            var column = Array(items[min(max(0, start), items.count)..<min(max(start, end), items.count)])
            if let fill = a[1], !fill.isNone, number >= withExtra { column.append(fill) }
            out.append(.list(column))
        }
        return .list(out)
    }

    private static func pyFloorDiv(_ a: Int, _ b: Int) -> Int {
        var q = a / b
        if a % b != 0 && ((a < 0) != (b < 0)) { q -= 1 }
        return q
    }
}

extension Value {
    /// Raises Python's `unhashable type` error for lists and dicts.
    func checkHashable() throws {
        switch self {
        case .list, .dict: throw TemplateError(.type, "unhashable type: '\(typeName)'")
        case .tuple(let items): for item in items { try item.checkHashable() }
        default: try checkStrict()
        }
    }
}
