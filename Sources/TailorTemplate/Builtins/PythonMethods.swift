/// Python methods templates call on plain values: `name.strip().title()`,
/// `tags.index('vip')`, `prefs.get('sms', False)`, `'{:.2f}'.format(price)`.
///
/// The renderer calls ``call(_:_:_:_:)`` for `x.name(args)` when `x` has no
/// attribute or key `name` of its own; `nil` means the type has no such method.
enum PythonMethods {
    /// Calls `receiver.method(args)`, or returns nil when `receiver`'s type has
    /// no method of that name.
    static func call(_ receiver: Value, _ method: String, _ args: Arguments, _ runtime: Runtime) throws -> Value? {
        switch receiver {
        case .string(let s): return try StringMethods.call(s, markup: false, method, args, runtime)
        case .markup(let s): return try StringMethods.call(s, markup: true, method, args, runtime)
        case .list(let items), .tuple(let items): return try sequenceMethod(items, receiver, method, args)
        case .dict(let d): return try dictMethod(d, method, args)
        default: return nil
        }
    }

    /// Whether `receiver` has a method `name`.
    static func has(_ receiver: Value, _ name: String) -> Bool {
        switch receiver {
        case .string, .markup: return StringMethods.names.contains(name)
        case .list, .tuple: return name == "index" || name == "count"
        case .dict: return dictMethodNames.contains(name)
        default: return false
        }
    }

    /// `receiver.name` without a call: a bound method object (what Jinja gives
    /// for `{{ prefs.items }}` or `user|attr('keys')`), nil when there is none.
    static func bound(_ receiver: Value, _ name: String) -> Value? {
        guard has(receiver, name) else { return nil }
        return .object(BoundMethod(receiver: receiver, name: name))
    }

    private static let dictMethodNames: Set<String> = ["get", "keys", "values", "items"]

    private static func sequenceMethod(_ items: [Value], _ receiver: Value, _ method: String, _ args: Arguments) throws
        -> Value?
    {
        switch method {
        case "index":
            let a = try args.bind("index", ["value", "start", "stop"], required: 1)
            let (start, stop) = try PyIndex.bounds(items.count, a[1], a[2])
            if start < stop, let i = items[start..<stop].firstIndex(of: a[0]!) { return .int(i) }
            throw TemplateError(
                .value, receiver.typeName == "list" ? "\(a[0]!.repr) is not in list" : "tuple.index(x): x not in tuple")
        case "count":
            let a = try args.bind("count", ["value"], required: 1)
            return .int(items.filter { $0 == a[0]! }.count)
        default:
            return nil
        }
    }

    private static func dictMethod(_ dict: Dict, _ method: String, _ args: Arguments) throws -> Value? {
        switch method {
        case "get":
            let a = try args.bind("get", ["key", "default"], required: 1)
            try a[0]!.checkHashable()
            return dict[a[0]!] ?? a[1] ?? Value.none
        case "keys":
            _ = try args.bind("keys", [])
            return .object(DictView(.keys, dict.keys))
        case "values":
            _ = try args.bind("values", [])
            return .object(DictView(.values, dict.values))
        case "items":
            _ = try args.bind("items", [])
            return .object(DictView(.items, dict.pairs.map { .tuple([$0.key, $0.value]) }))
        default:
            return nil
        }
    }
}

/// Python's slice bounds for `start`/`end` arguments (`'abc'.find('c', -1)`).
enum PyIndex {
    static func bounds(_ count: Int, _ start: Value?, _ end: Value?) throws -> (Int, Int) {
        let (s, e, _) = try boundsPastEnd(count, start, end)
        return (s, e)
    }

    /// The bounds, and whether `start` lies past the end (where even an empty
    /// substring is not found).
    static func boundsPastEnd(_ count: Int, _ start: Value?, _ end: Value?) throws -> (Int, Int, Bool) {
        func adjusted(_ v: Value?, _ fallback: Int) throws -> Int {
            guard let i = try Param.optionalInt(v) else { return fallback }
            return i < 0 ? max(i + count, 0) : i
        }
        let s = try adjusted(start, 0)
        let e = try adjusted(end, count)
        return (min(s, count), min(e, count), s > count)
    }
}

/// `dict.keys()`, `dict.values()` and `dict.items()`: iterate like lists and
/// print as Python shows them (`dict_keys(['a', 'b'])`).
final class DictView: ValueObject {
    enum Kind: String {
        case keys = "dict_keys", values = "dict_values", items = "dict_items"
    }

    let kind: Kind
    let elements: [Value]

    init(_ kind: Kind, _ elements: [Value]) {
        self.kind = kind
        self.elements = elements
    }

    var typeName: String { kind.rawValue }
    var sequence: [Value]? { elements }
    var reprString: String { "\(kind.rawValue)(\(Value.list(elements).repr))" }
}

/// A method taken without calling it (`{{ prefs.items }}`); calling it runs the method.
final class BoundMethod: ValueObject {
    let receiver: Value
    let name: String

    init(receiver: Value, name: String) {
        self.receiver = receiver
        self.name = name
    }

    var typeName: String { "builtin_function_or_method" }
    var isCallable: Bool { true }
    var reprString: String { "<built-in method \(name) of \(receiver.typeName) object>" }

    func call(_ arguments: Arguments, in runtime: Runtime) throws -> Value {
        guard let result = try PythonMethods.call(receiver, name, arguments, runtime) else {
            throw TemplateError(.attribute, "'\(receiver.typeName)' object has no attribute '\(name)'")
        }
        return result
    }
}
