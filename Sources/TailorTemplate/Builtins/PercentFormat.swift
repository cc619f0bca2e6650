/// Python's `%` string formatting. (Replaced by the builtins work.)
enum PercentFormat {
    static func format(_ format: String, _ arguments: Value) throws -> String {
        throw TemplateError(.runtime, "'%' formatting is not available yet")
    }
}
