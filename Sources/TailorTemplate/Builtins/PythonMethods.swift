/// Methods of str, list and dict callable from templates. (Replaced by the builtins work.)
enum PythonMethods {
    static func call(_ receiver: Value, _ method: String, _ args: Arguments, _ runtime: Runtime) throws -> Value? {
        nil
    }
}
