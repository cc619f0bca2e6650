/// The global functions every template sees. (Filled by the builtins work.)
enum BuiltinFunctions {
    static let globals: [String: Value] = [:]
}
