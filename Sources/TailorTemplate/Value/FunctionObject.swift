/// A callable host function, such as the globals `range` and `dict`.
public final class FunctionObject: ValueObject {
    public let name: String
    private let body: @Sendable (Arguments, Runtime) throws -> Value

    public init(_ name: String, _ body: @escaping @Sendable (Arguments, Runtime) throws -> Value) {
        self.name = name
        self.body = body
    }

    public var typeName: String { "function" }
    public var isCallable: Bool { true }
    public var reprString: String { "<function \(name)>" }

    public func call(_ arguments: Arguments, in runtime: Runtime) throws -> Value {
        try body(arguments, runtime)
    }
}
