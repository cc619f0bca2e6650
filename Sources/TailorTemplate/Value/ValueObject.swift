/// A host object a template can use: macros, loops, namespaces, cyclers,
/// imported template modules.
///
/// Objects are reference types; they are created and used within one render,
/// on one thread, so mutable ones are `@unchecked Sendable`.
public protocol ValueObject: AnyObject, Sendable {
    /// The type name shown in messages (`'namespace' object has no attribute 'x'`).
    var typeName: String { get }
    /// `obj.name`; nil when the object has no such attribute.
    func attribute(_ name: String) -> Value?
    /// `obj(...)`, for callable objects.
    func call(_ arguments: Arguments, in runtime: Runtime) throws -> Value
    /// Whether `obj(...)` is allowed (`is callable`).
    var isCallable: Bool { get }
    /// The elements when the object is iterable (e.g. `range(3)`), nil otherwise.
    var sequence: [Value]? { get }
    /// How `{{ obj }}` prints.
    var displayString: String { get }
    /// Python's `repr()` of the object.
    var reprString: String { get }
    /// `==` against any value (default: the same object).
    func isEqual(to other: Value) -> Bool
    /// Ordering for `<`, `<=`, `>`, `>=` against `other`: negative, zero or
    /// positive, or nil when the two cannot be ordered (a `TypeError`).
    func compare(to other: Value) -> Int?
    /// Arithmetic with `other` (`date - days(3)`); `objectOnLeft` tells which
    /// side the object is on. Nil when unsupported (a `TypeError`).
    func binary(_ op: Value.BinaryOperator, _ other: Value, objectOnLeft: Bool) throws -> Value?
}

extension ValueObject {
    public func attribute(_ name: String) -> Value? { nil }
    public func call(_ arguments: Arguments, in runtime: Runtime) throws -> Value {
        throw TemplateError(.type, "'\(typeName)' object is not callable")
    }
    public var isCallable: Bool { false }
    public var sequence: [Value]? { nil }
    public var displayString: String { reprString }
    public var reprString: String { "<\(typeName) object>" }
    public func isEqual(to other: Value) -> Bool {
        if case .object(let o) = other { return o === self }
        return false
    }
    public func compare(to other: Value) -> Int? { nil }
    public func binary(_ op: Value.BinaryOperator, _ other: Value, objectOnLeft: Bool) throws -> Value? { nil }
}
