/// The state of one render: the environment, the scopes, the output stack and
/// the limits. Filters, tests and host objects receive it to reach other
/// filters, the autoescape state and callables.
///
/// A runtime belongs to one render on one thread; templates themselves are
/// immutable and shared.
public final class Runtime {
    public let environment: Environment
    /// Whether `{{ }}` output is escaped at this point of the render.
    public internal(set) var autoescape: Bool
    /// How deep includes, imports and macro calls are nested.
    var depth = 0

    init(environment: Environment) {
        self.environment = environment
        self.autoescape = environment.options.autoescape
    }

    public var strictUndefined: Bool { environment.options.undefined == .strict }

    /// A missing value that behaves as the environment's undefined does.
    public func undefined(_ hint: Undefined.Hint) -> Value {
        .undefined(Undefined(hint, strict: strictUndefined))
    }

    /// Applies the filter `name` (for filters such as `map` that call others).
    public func filter(_ name: String, _ value: Value, _ arguments: Arguments = .empty) throws -> Value {
        guard let f = environment.filters[name] else {
            throw TemplateError(.unknownFilter, "no filter named '\(name)'")
        }
        return try f(value, arguments, self)
    }

    /// Applies the test `name` (for `select`, `reject` and friends).
    public func test(_ name: String, _ value: Value, _ arguments: Arguments = .empty) throws -> Bool {
        guard let t = environment.tests[name] else {
            throw TemplateError(.unknownTest, "no test named '\(name)'")
        }
        return try t(value, arguments, self)
    }

    /// Calls a callable value (a macro, `caller`, a global function).
    public func call(_ callee: Value, _ arguments: Arguments) throws -> Value {
        switch callee {
        case .object(let o): return try o.call(arguments, in: self)
        case .undefined(let u): throw u.error
        default: throw TemplateError(.type, "'\(callee.typeName)' object is not callable")
        }
    }
}
