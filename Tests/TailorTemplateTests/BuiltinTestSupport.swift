import Testing
@testable import TailorTemplate

/// What a row expects: the text `{{ }}` prints, or an error of a kind.
enum Expected: Sendable, Equatable, CustomStringConvertible {
    case output(String)
    case error(TemplateError.Kind)

    var description: String {
        switch self {
        case .output(let s): return s.debugDescription
        case .error(let kind): return kind.rawValue
        }
    }
}

/// Environment switches a row runs under.
enum Mode: Sendable {
    case strict
    case autoescape
}

/// Stands for a missing variable `v`; made strict under `.strict`.
let undefinedValue: Value = .undefined(Undefined(.name("v"), strict: false))

/// Runs builtins the way a template would and prints the result as `{{ }}` does.
enum Harness {
    static func runtime(_ modes: [Mode]) -> Runtime {
        let options = Options(
            autoescape: modes.contains(.autoescape), undefined: modes.contains(.strict) ? .strict : .lenient)
        return Runtime(environment: Environment(options: options))
    }

    /// Gives a placeholder undefined value the runtime's strictness.
    static func resolve(_ value: Value, _ runtime: Runtime) -> Value {
        if case .undefined(let u) = value { return .undefined(Undefined(u.hint, strict: runtime.strictUndefined)) }
        return value
    }

    /// `{{ value }}`: printed, and escaped when autoescaping unless it is markup.
    static func output(_ value: Value, _ runtime: Runtime) throws -> String {
        let text = try value.stringify()
        if runtime.autoescape && !value.isMarkup { return Escaping.escapeHTML(text) }
        return text
    }

    static func run(_ modes: [Mode], _ body: (Runtime) throws -> Value) -> Expected {
        let runtime = runtime(modes)
        do {
            return .output(try output(try body(runtime), runtime))
        } catch let error as TemplateError {
            return .error(error.kind)
        } catch {
            Issue.record("unexpected error \(error)")
            return .error(.runtime)
        }
    }
}

/// One call of a filter, test or method with its arguments and expectation.
struct Call: Sendable, CustomTestStringConvertible {
    let name: String
    let value: Value
    let args: [Value]
    let kwargs: [(String, Value)]
    let modes: [Mode]
    let expected: Expected
    /// A filter applied to the result, such as `list` after `map`.
    let then: String?

    init(
        _ name: String, _ value: Value, _ args: [Value] = [], _ kwargs: [(String, Value)] = [], _ modes: [Mode] = [],
        _ expected: Expected, then: String? = nil
    ) {
        self.name = name
        self.value = value
        self.args = args
        self.kwargs = kwargs
        self.modes = modes
        self.expected = expected
        self.then = then
    }

    var arguments: Arguments { Arguments(args, keywords: kwargs.map { (name: $0.0, value: $0.1) }) }

    var testDescription: String {
        let all = args.map(\.repr) + kwargs.map { "\($0.0)=\($0.1.repr)" }
        return "\(value.repr)|\(name)(\(all.joined(separator: ", ")))\(modes.isEmpty ? "" : " \(modes)")"
    }
}
