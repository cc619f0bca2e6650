/// Small pieces the built-in filters share: argument conversion, text that
/// keeps its `Markup` flag, and `attribute=` lookups.
extension Value {
    /// Applies a text transformation, keeping `Markup` as `Markup` the way
    /// MarkupSafe's string methods do (`Markup.upper()` is still `Markup`).
    func mapText(_ transform: (String) throws -> String) throws -> Value {
        if case .markup(let s) = self { return .markup(try transform(s)) }
        return .string(try transform(try stringify()))
    }
}

/// Converts bound arguments the way the Python filters would use them.
enum Param {
    /// An integer argument; `nil` and `None` give `fallback`.
    static func int(_ value: Value?, _ fallback: Int) throws -> Int {
        guard let value, !value.isNone else { return fallback }
        try value.checkStrict()
        if let i = value.intValue { return i }
        throw TemplateError(.type, "'\(value.typeName)' object cannot be interpreted as an integer")
    }

    /// An optional integer argument.
    static func optionalInt(_ value: Value?) throws -> Int? {
        guard let value, !value.isNone else { return nil }
        return try int(value, 0)
    }

    /// A boolean argument, by Python truthiness.
    static func bool(_ value: Value?, _ fallback: Bool) throws -> Bool {
        guard let value else { return fallback }
        return try value.truthy()
    }

    /// A string argument, printed with `str()`.
    static func string(_ value: Value?, _ fallback: String) throws -> String {
        guard let value else { return fallback }
        return try value.stringify()
    }

    /// An optional string argument where `None` means "not given".
    static func optionalString(_ value: Value?) throws -> String? {
        guard let value, !value.isNone else { return nil }
        return try value.stringify()
    }
}

/// Looks up `attribute=` arguments on items, like Jinja's `make_attrgetter`:
/// dotted paths (`"address.city"`), digit parts as indexes (`"items.0"`),
/// each part by item first, then attribute.
struct AttributeGetter {
    enum Part {
        case key(String)
        case index(Int)
    }

    let parts: [Part]
    /// Replaces an undefined result after any part (`map(default=...)`, `groupby(default=...)`).
    let fallback: Value?
    /// Lower-cases string results, for case-insensitive comparisons.
    let ignoreCase: Bool

    init(_ attribute: Value, fallback: Value? = nil, ignoreCase: Bool = false) throws {
        self.fallback = fallback.flatMap { $0.isNone ? nil : $0 }
        self.ignoreCase = ignoreCase
        switch attribute {
        case .int(let i):
            parts = [.index(i)]
        case .string(let s), .markup(let s):
            parts = s.split(separator: ".", omittingEmptySubsequences: false).map { part in
                if !part.isEmpty, part.unicodeScalars.allSatisfy({ PyString.isDigit($0) }), let i = Int(part) {
                    return .index(i)
                }
                return .key(String(part))
            }
        case .none:
            parts = []
        default:
            try attribute.checkStrict()
            parts = [.key(try attribute.stringify())]
        }
    }

    /// The comma-separated getters of `sort(attribute="a,b")`.
    static func multiple(_ attribute: Value, ignoreCase: Bool) throws -> [AttributeGetter] {
        guard let s = attribute.stringValue else { return [try AttributeGetter(attribute, ignoreCase: ignoreCase)] }
        return try s.split(separator: ",", omittingEmptySubsequences: false).map {
            try AttributeGetter(.string(String($0)), ignoreCase: ignoreCase)
        }
    }

    func callAsFunction(_ item: Value, _ runtime: Runtime) throws -> Value {
        var current = item
        for part in parts {
            switch part {
            case .key(let name): current = try runtime.item(of: current, .string(name))
            case .index(let i): current = try runtime.item(of: current, .int(i))
            }
            if let fallback, current.isUndefined { current = fallback }
        }
        return ignoreCase ? current.caseFolded : current
    }
}

extension Value {
    /// Jinja's `ignore_case`: strings lower-cased, anything else unchanged.
    var caseFolded: Value {
        switch self {
        case .string(let s): return .string(s.lowercased())
        case .markup(let s): return .markup(s.lowercased())
        default: return self
        }
    }
}

/// Sorting with Python's rules: only `<` is used, ties keep their order
/// (also when reversed), mixed types are a `TypeError`.
enum PySort {
    static func sorted(_ items: [Value], reverse: Bool = false, key: (Value) throws -> Value) throws -> [Value] {
        let keys = try items.map(key)
        var order = Array(items.indices)
        try order.sort { a, b in
            let c = try Value.compare(keys[a], keys[b])
            if c != 0 { return reverse ? c > 0 : c < 0 }
            return a < b
        }
        return order.map { items[$0] }
    }
}
