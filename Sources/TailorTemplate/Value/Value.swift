/// A value a template sees: the data model of the engine.
///
/// Values follow Python's data model as Jinja exposes it: `None`, booleans,
/// integers and floats kept apart (`1` prints as `1`, `1.0` as `1.0`), strings
/// (plain or `Markup`, safe from escaping), lists, tuples, insertion-ordered
/// dicts, and host objects (macros, loops, namespaces) behind ``ValueObject``.
///
/// ```swift
/// let ctx: [String: Value] = ["name": "Ada", "items": [1, 2.5, .none]]
/// ```
public enum Value: Sendable {
    /// A missing value; how it behaves on use depends on ``Undefined/strict``.
    case undefined(Undefined)
    case none
    case bool(Bool)
    case int(Int)
    case float(Double)
    /// A plain string, escaped when autoescaping.
    case string(String)
    /// A `Markup` string: already safe, never escaped again.
    case markup(String)
    case list([Value])
    case tuple([Value])
    case dict(Dict)
    case object(any ValueObject)
}

/// Why a value is missing, and whether using it is an error.
public struct Undefined: Sendable {
    /// What was looked up, for the error message.
    public enum Hint: Sendable {
        case name(String)
        case attribute(owner: String, name: String)
        case item(owner: String, key: String)
        case message(String)
    }

    /// The hint and the strictness, in one shared box. Every ``Value`` is as
    /// wide as its widest case, and a hint holds up to two strings: boxed, an
    /// `Undefined` is one reference, so a `Value` stays two words wide and
    /// copies of it (every variable lookup, every argument) stay cheap.
    private final class Storage: Sendable {
        let hint: Hint
        let strict: Bool

        init(_ hint: Hint, strict: Bool) {
            self.hint = hint
            self.strict = strict
        }
    }

    private var storage: Storage

    public var hint: Hint {
        get { storage.hint }
        set { storage = Storage(newValue, strict: storage.strict) }
    }

    /// Strict undefined values fail on any use beyond `is defined` and `default`.
    public var strict: Bool {
        get { storage.strict }
        set { storage = Storage(storage.hint, strict: newValue) }
    }

    public init(_ hint: Hint, strict: Bool) {
        storage = Storage(hint, strict: strict)
    }

    /// The message Jinja gives when this value is misused.
    public var message: String {
        switch hint {
        case .name(let name): return "'\(name)' is undefined"
        case .attribute(let owner, let name): return "'\(owner)' has no attribute '\(name)'"
        case .item(let owner, let key): return "'\(owner)' has no item \(key)"
        case .message(let text): return text
        }
    }

    /// The error raised when this value is used where a value is required.
    public var error: TemplateError {
        TemplateError(.undefined, message)
    }
}

extension Value {
    /// The name Python gives the value's type, as used in Jinja's messages.
    public var typeName: String {
        switch self {
        case .undefined: return "Undefined"
        case .none: return "NoneType"
        case .bool: return "bool"
        case .int: return "int"
        case .float: return "float"
        case .string: return "str"
        case .markup: return "Markup"
        case .list: return "list"
        case .tuple: return "tuple"
        case .dict: return "dict"
        case .object(let object): return object.typeName
        }
    }

    public var isUndefined: Bool {
        if case .undefined = self { return true }
        return false
    }

    public var isNone: Bool {
        if case .none = self { return true }
        return false
    }

    /// True for `str` and `Markup`.
    public var isString: Bool {
        switch self {
        case .string, .markup: return true
        default: return false
        }
    }

    /// The text of a string or markup value, nil for anything else.
    public var stringValue: String? {
        switch self {
        case .string(let s), .markup(let s): return s
        default: return nil
        }
    }

    /// True for `Markup` strings.
    public var isMarkup: Bool {
        if case .markup = self { return true }
        return false
    }

    /// True for `int`, `float` and `bool` (Python's numbers).
    public var isNumber: Bool {
        switch self {
        case .int, .float, .bool: return true
        default: return false
        }
    }

    /// The value as a Double, for numbers and booleans.
    public var doubleValue: Double? {
        switch self {
        case .int(let i): return Double(i)
        case .float(let d): return d
        case .bool(let b): return b ? 1 : 0
        default: return nil
        }
    }

    /// The value as an Int, for integers and booleans (not floats).
    public var intValue: Int? {
        switch self {
        case .int(let i): return i
        case .bool(let b): return b ? 1 : 0
        default: return nil
        }
    }

    /// The elements of a list or tuple, nil for anything else.
    public var arrayValue: [Value]? {
        switch self {
        case .list(let a), .tuple(let a): return a
        default: return nil
        }
    }

    /// Raises the undefined error when this is a strict undefined value.
    @inline(__always)
    public func checkStrict() throws {
        if case .undefined(let u) = self, u.strict { throw u.error }
    }
}

extension Value: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral,
    ExpressibleByDictionaryLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(floatLiteral value: Double) { self = .float(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: Value...) { self = .list(elements) }
    public init(dictionaryLiteral elements: (String, Value)...) {
        var dict = Dict()
        for (k, v) in elements { dict[.string(k)] = v }
        self = .dict(dict)
    }
}
