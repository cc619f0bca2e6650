/// Filters over mappings and structured data: `default`, `dictsort`,
/// `groupby`, `items`, `attr`, `tojson` and `pprint`.
enum DataFilters {
    /// `{{ nickname|default('friend', boolean=false) }}` (also `d`): replaces an
    /// undefined value, or with `boolean` any falsy one.
    static func `default`(_ value: Value, _ args: Arguments, _ runtime: Runtime) throws -> Value {
        let a = try args.bind("default", ["default_value", "boolean"])
        return try defaulted(value, a[0] ?? .string(""), boolean: try Param.bool(a[1], false))
    }

    /// `default` with its arguments bound: `replacement` for undefined, and
    /// with `boolean` for anything falsy too.
    @inline(__always)
    static func defaulted(_ value: Value, _ replacement: Value, boolean: Bool) throws -> Value {
        if value.isUndefined { return replacement }
        if boolean, !(try value.truthy()) { return replacement }
        return value
    }

    /// `{% for k, v in prefs|dictsort(case_sensitive=false, by='key', reverse=false) %}`.
    static func dictsort(_ value: Value, _ args: Arguments, _ runtime: Runtime) throws -> Value {
        let a = try args.bind("dictsort", ["case_sensitive", "by", "reverse"])
        let caseSensitive = try Param.bool(a[0], false)
        let by = try Param.string(a[1], "key")
        let reverse = try Param.bool(a[2], false)
        guard by == "key" || by == "value" else {
            throw TemplateError(.runtime, "You can only sort by either \"key\" or \"value\"")
        }
        let pairs = try mappingPairs(value)
        let sorted = try PySort.sorted(pairs, reverse: reverse) { pair in
            let part = pair.arrayValue![by == "key" ? 0 : 1]
            return caseSensitive ? part : part.caseFolded
        }
        return .list(sorted)
    }

    /// `{% for k, v in prefs|items %}`: key/value pairs; none for an undefined value.
    static func items(_ value: Value, _ args: Arguments, _ runtime: Runtime) throws -> Value {
        _ = try args.bind("items", [])
        if case .undefined(let u) = value {
            if u.strict { throw u.error }
            return .list([])
        }
        guard case .dict(let d) = value else {
            throw TemplateError(.type, "Can only get item pairs from a mapping.")
        }
        return .list(d.pairs.map { .tuple([$0.key, $0.value]) })
    }

    /// The `(key, value)` tuples of `value.items()`.
    private static func mappingPairs(_ value: Value) throws -> [Value] {
        switch value {
        case .dict(let d): return d.pairs.map { .tuple([$0.key, $0.value]) }
        case .undefined(let u): throw u.error
        default: throw TemplateError(.attribute, "'\(value.typeName)' object has no attribute 'items'")
        }
    }

    /// `{% for g in products|groupby('category', default=none, case_sensitive=false) %}`:
    /// groups sorted by the attribute; each group has `.grouper` and `.list`
    /// and unpacks as `(grouper, list)`.
    static func groupby(_ value: Value, _ args: Arguments, _ runtime: Runtime) throws -> Value {
        let a = try args.bind("groupby", ["attribute", "default", "case_sensitive"], required: 1)
        let caseSensitive = try Param.bool(a[2], false)
        let key = try AttributeGetter(a[0]!, fallback: a[1], ignoreCase: !caseSensitive)
        let display = try AttributeGetter(a[0]!, fallback: a[1])
        let items = try value.iterate()
        let sorted = try PySort.sorted(items) { try key($0, runtime) }
        var groups: [Value] = []
        var currentKey: Value?
        var members: [Value] = []
        func flush() throws {
            guard let first = members.first, let k = currentKey else { return }
            let grouper = caseSensitive ? k : try display(first, runtime)
            groups.append(.object(GroupTuple(grouper: grouper, list: members)))
        }
        for item in sorted {
            let k = try key(item, runtime)
            if let currentKey, currentKey == k {
                members.append(item)
            } else {
                try flush()
                currentKey = k
                members = [item]
            }
        }
        try flush()
        return .list(groups)
    }

    /// `{{ user|attr('first_name') }}`: an attribute of an object only, never a
    /// dict item (so `{'a': 1}|attr('a')` is undefined).
    static func attr(_ value: Value, _ args: Arguments, _ runtime: Runtime) throws -> Value {
        let a = try args.bind("attr", ["name"], required: 1)
        let name = try a[0]!.stringify()
        switch value {
        case .undefined(let u): throw u.error
        case .object(let o):
            if let v = o.attribute(name) { return v }
        default:
            if let method = PythonMethods.bound(value, name) { return method }
        }
        return runtime.undefined(.attribute(owner: "\(value.typeName) object", name: name))
    }

    /// `{{ user|tojson(indent=none) }}`: JSON with sorted keys, safe to embed in
    /// HTML and `<script>` (`<`, `>`, `&`, `'` as `\u003c`...); the result is `Markup`.
    static func tojson(_ value: Value, _ args: Arguments, _ runtime: Runtime) throws -> Value {
        let a = try args.bind("tojson", ["indent"])
        let indent = try Param.optionalInt(a[0])
        if let indent { try ValueLimits.checkBytes(indent, "tojson(indent=\(indent))") }
        return .markup(try value.htmlSafeJSON(indent: indent))
    }

    /// `{{ value|pprint }}`: Python's `pprint.pformat`, see ``PrettyPrinter``.
    static func pprint(_ value: Value, _ args: Arguments, _ runtime: Runtime) throws -> Value {
        _ = try args.bind("pprint", [])
        return .string(PrettyPrinter.format(value))
    }
}

/// One group of `groupby`: a `(grouper, list)` tuple that also has the
/// attributes `grouper` and `list`, printing as the plain tuple.
final class GroupTuple: ValueObject {
    let grouper: Value
    let list: [Value]

    init(grouper: Value, list: [Value]) {
        self.grouper = grouper
        self.list = list
    }

    var typeName: String { "tuple" }
    var sequence: [Value]? { [grouper, .list(list)] }
    var reprString: String { Value.tuple([grouper, .list(list)]).repr }

    func attribute(_ name: String) -> Value? {
        switch name {
        case "grouper": return grouper
        case "list": return .list(list)
        default: return nil
        }
    }
}
