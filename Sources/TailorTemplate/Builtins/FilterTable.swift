/// A filter: `value|name(args)`. Receives the value, the call's arguments and
/// the runtime (autoescape state, other filters and tests).
public typealias Filter = @Sendable (Value, Arguments, Runtime) throws -> Value

/// A test: `value is name(args)`.
public typealias Test = @Sendable (Value, Arguments, Runtime) throws -> Bool

/// The built-in filters every environment starts with.
enum BuiltinFilters {
    static let table: [String: Filter] = [:]
}

/// The built-in tests every environment starts with.
enum BuiltinTests {
    static let table: [String: Test] = [:]
}
