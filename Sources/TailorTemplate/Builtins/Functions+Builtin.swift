/// The global functions every template sees. (Filled by the builtins work.)
enum BuiltinFunctions {
    static let globals: [String: Value] = [:]
}

/// `namespace()`: an object whose attributes `{% set ns.x = ... %}` can assign. (Placeholder.)
public final class NamespaceObject: ValueObject, @unchecked Sendable {
    var attributes = Dict()
    public var typeName: String { "Namespace" }
    public func attribute(_ name: String) -> Value? { attributes[string: name] }
}
