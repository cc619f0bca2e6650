/// A standalone expression in the template language, compiled once: segment
/// rules, campaign settings, `if` conditions outside a template.
///
/// ```swift
/// let rule = try env.expression("order_count >= 5 and 'vip' in tags")
/// rule.names                                        // ["order_count", "tags"]
/// try rule.evaluate(["order_count": 7, "tags": ["vip"]]).truthy()   // true
/// ```
public struct CompiledExpression: Sendable {
    public let source: String
    /// The variables the expression reads (not counting attributes of them).
    public let names: Set<String>
    let environment: Environment
    let eval: Eval

    /// Evaluates against `context`; filters, tests and globals come from the environment.
    public func evaluate(_ context: [String: Value]) throws -> Value {
        let runtime = Runtime(environment: environment, root: .dictionary(context))
        defer { runtime.finish() }
        return try eval(runtime)
    }
}

extension Environment {
    /// Compiles `source` as one expression; `name` labels its errors.
    public func expression(_ source: String, name: String = "<expression>") throws -> CompiledExpression {
        let file = SourceFile(name: name, text: source)
        var parser = Parser(source: file, tokens: try Lexer.tokenizeExpression(file))
        let expr = try parser.parseTuple()
        guard case .eof = parser.currentKind else {
            throw parser.fail("unexpected \(parser.currentKind) after the expression")
        }
        var names = Set<String>()
        expr.collectNames(into: &names)
        let compiler = Compiler(environment: self, source: file)
        compiler.scopeDepth = 1
        return CompiledExpression(source: source, names: names, environment: self, eval: try compiler.compile(expr))
    }
}
