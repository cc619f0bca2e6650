import Foundation
import Testing

@testable import TailorTemplate

// Helpers shared by the engine tests: environments over in-memory templates,
// contexts written as JSON (so table rows stay plain strings), and the few
// filters and tests the engine tests register themselves.

/// A render context from a JSON object; keys keep their order in nested objects.
func context(_ json: String) -> [String: Value] {
    guard !json.isEmpty else { return [:] }
    do {
        guard case .dict(let dict) = try JSONValueReader().read(json) else {
            Issue.record("context is not a JSON object: \(json)")
            return [:]
        }
        return dict.stringKeyed
    } catch {
        Issue.record("bad context JSON \(json): \(error)")
        return [:]
    }
}

/// An environment over `templates` with the test filters and tests registered.
func makeEnvironment(_ templates: [String: String] = [:], options: Options = Options()) -> Environment {
    let env = Environment(loader: MemoryLoader(templates), options: options)
    registerTestFilters(env)
    return env
}

/// Compiles and renders `source` (named `main`) with `templates` beside it.
func render(
    _ source: String, _ json: String = "", templates: [String: String] = [:], options: Options = Options()
) throws -> String {
    let env = makeEnvironment(templates, options: options)
    return try env.template(source: source, name: "main").render(context(json))
}

/// Renders the template `name` from `templates`.
func render(
    named name: String, _ json: String = "", templates: [String: String], options: Options = Options()
) throws -> String {
    try makeEnvironment(templates, options: options).template(named: name).render(context(json))
}

/// The error compiling or rendering `source` throws; records an issue when it renders.
func renderError(
    _ source: String, _ json: String = "", templates: [String: String] = [:], options: Options = Options(),
    sourceLocation: SourceLocation = #_sourceLocation
) -> TemplateError? {
    do {
        let output = try render(source, json, templates: templates, options: options)
        Issue.record("expected an error, rendered \(output.debugDescription)", sourceLocation: sourceLocation)
        return nil
    } catch let error as TemplateError {
        return error
    } catch {
        Issue.record("not a TemplateError: \(error)", sourceLocation: sourceLocation)
        return nil
    }
}

/// Filters and tests with Jinja's names and behaviour for the inputs these
/// tests use, plus `wrap`, which the Jinja cross-check registers the same way.
/// They stand in for the built-ins, which live in their own work.
func registerTestFilters(_ env: Environment) {
    env.addFilter("upper") { value, _, _ in
        switch value {
        case .markup(let s): return .markup(s.uppercased())
        default: return .string(try value.stringify().uppercased())
        }
    }
    env.addFilter("abs") { value, _, _ in
        switch value {
        case .int(let i): return .int(abs(i))
        case .float(let d): return .float(abs(d))
        default: throw TemplateError(.type, "bad operand type for abs(): '\(value.typeName)'")
        }
    }
    env.addFilter("default") { value, args, _ in
        let a = try args.bind("default", ["default_value", "boolean"])
        let fallback = a[0] ?? .string("")
        let boolean = try a[1]?.truthy() ?? false
        if value.isUndefined { return fallback }
        if boolean, try !value.truthy() { return fallback }
        return value
    }
    env.addFilter("safe") { value, _, _ in .markup(try value.stringify()) }
    env.addFilter("wrap") { value, args, _ in
        let a = try args.bind("wrap", ["l", "r"])
        let left = try a[0]?.stringify() ?? "["
        let right = try a[1]?.stringify() ?? "]"
        return .string(left + (try value.stringify()) + right)
    }
    env.addTest("defined") { value, _, _ in !value.isUndefined }
    env.addTest("divisibleby") { value, args, _ in
        let a = try args.bind("divisibleby", ["num"], required: 1)
        guard let n = value.intValue, let d = a[0]?.intValue, d != 0 else { return false }
        return n % d == 0
    }
}

// MARK: - Dumps for lexer and parser tests

/// One line per token: `line:column kind`, like a lexer snapshot.
func dumpTokens(_ tokens: [Token]) -> String {
    tokens.map { "\($0.span.line):\($0.span.column) \(describe($0.kind))" }.joined(separator: "\n")
}

func describe(_ kind: Token.Kind) -> String {
    switch kind {
    case .data(let s): return "data \(s.debugDescription)"
    case .variableBegin: return "{{"
    case .variableEnd: return "}}"
    case .blockBegin: return "{%"
    case .blockEnd: return "%}"
    case .name(let n): return "name \(n)"
    case .string(let s): return "string \(s.debugDescription)"
    case .integer(let i): return "int \(i)"
    case .float(let d): return "float \(d)"
    case .op(let o): return "op \(o)"
    case .eof: return "eof"
    }
}

/// Tokens of `source` without the trailing `eof`, compactly: `{{ name x }}`.
func tokenKinds(_ source: String, options: Options = Options()) throws -> [String] {
    let tokens = try Lexer.tokenize(SourceFile(name: "t", text: source), options: options)
    return tokens.dropLast().map { describe($0.kind) }
}

/// The expression of `{{ source }}` as an S-expression, so tests read the tree's shape.
func parseExpression(_ source: String) throws -> String {
    let body = try Parser.parse(SourceFile(name: "t", text: "{{ \(source) }}"), options: Options())
    guard body.count == 1, case .output(let expr, _) = body[0] else {
        Issue.record("not a single output: \(source)")
        return ""
    }
    return sexpr(expr)
}

func sexpr(_ expr: Expr) -> String {
    switch expr {
    case .constant(let v, _): return v.repr
    case .name(let n, _): return n
    case .attribute(let b, let n, _): return "(. \(sexpr(b)) \(n))"
    case .item(let b, let k, _): return "([] \(sexpr(b)) \(sexpr(k)))"
    case .slice(let b, let start, let stop, let step, _):
        let parts = [start, stop, step].map { $0.map(sexpr) ?? "_" }
        return "(slice \(sexpr(b)) \(parts.joined(separator: " ")))"
    case .call(let c, let args, _): return "(call \(sexpr(c))\(sexpr(args)))"
    case .filter(let b, let name, let args, _): return "(|\(name) \(sexpr(b))\(sexpr(args)))"
    case .test(let b, let name, let args, let negated, _):
        return "(is\(negated ? "-not" : "") \(name) \(sexpr(b))\(sexpr(args)))"
    case .binary(let op, let l, let r, _): return "(\(op.rawValue) \(sexpr(l)) \(sexpr(r)))"
    case .negate(let e, _): return "(neg \(sexpr(e)))"
    case .plus(let e, _): return "(pos \(sexpr(e)))"
    case .not(let e, _): return "(not \(sexpr(e)))"
    case .and(let l, let r, _): return "(and \(sexpr(l)) \(sexpr(r)))"
    case .or(let l, let r, _): return "(or \(sexpr(l)) \(sexpr(r)))"
    case .compare(let first, let rest, _):
        return "(cmp \(sexpr(first))" + rest.map { " \($0.op) \(sexpr($0.rhs))" }.joined() + ")"
    case .conditional(let test, let then, let otherwise, _):
        return "(if \(sexpr(test)) \(sexpr(then)) \(otherwise.map(sexpr) ?? "_"))"
    case .list(let items, _): return "(list" + items.map { " " + sexpr($0) }.joined() + ")"
    case .tuple(let items, _): return "(tuple" + items.map { " " + sexpr($0) }.joined() + ")"
    case .dict(let pairs, _): return "(dict" + pairs.map { " \(sexpr($0.key)):\(sexpr($0.value))" }.joined() + ")"
    }
}

func sexpr(_ args: CallArguments) -> String {
    var parts = args.positional.map(sexpr)
    parts += args.keywords.map { "\($0.name)=\(sexpr($0.value))" }
    if let star = args.starArgs { parts.append("*\(sexpr(star))") }
    if let starKw = args.starKwargs { parts.append("**\(sexpr(starKw))") }
    return parts.map { " " + $0 }.joined()
}

func sexpr(_ target: AssignTarget) -> String {
    switch target {
    case .name(let n, _): return n
    case .tuple(let items, _): return "(tuple" + items.map { " " + sexpr($0) }.joined() + ")"
    case .namespaceAttribute(let n, let a, _): return "(. \(n) \(a))"
    }
}

