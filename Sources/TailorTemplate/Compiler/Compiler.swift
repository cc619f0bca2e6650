/// Compiles a parsed template into a ``Program``: each statement and
/// expression becomes a closure with its filters, tests and constants resolved
/// and its static text encoded once, so rendering never re-reads the source.
final class Compiler {
    let environment: Environment
    let source: SourceFile
    /// Inside an `if` body, an unknown filter or test fails only when reached
    /// (templates guard optional filters with `is filter`), as in Jinja.
    var conditionalDepth = 0
    /// 0 at the template's top level, where `set` defines template variables.
    var scopeDepth = 0
    /// Inside a `{% block %}` body, where `super()` is allowed.
    var blockDepth = 0
    var blocks: [String: CompiledBlock] = [:]

    init(environment: Environment, source: SourceFile) {
        self.environment = environment
        self.source = source
    }

    static func compile(_ source: SourceFile, environment: Environment) throws -> Program {
        let ast = try Parser.parse(source, options: environment.options)
        let compiler = Compiler(environment: environment, source: source)
        let body = try compiler.compileStatements(ast)
        return Program(source: source, body: body, blocks: compiler.blocks, ast: ast)
    }

    /// Wraps a closure so errors it throws carry this template's location.
    func located(_ span: Span, _ eval: @escaping Eval) -> Eval {
        let source = self.source
        return { rt in
            do {
                return try eval(rt)
            } catch let error as TemplateError {
                throw error.located(in: source, at: span)
            }
        }
    }

    func located(_ span: Span, _ exec: @escaping Exec) -> Exec {
        let source = self.source
        return { rt in
            do {
                try exec(rt)
            } catch let error as TemplateError {
                throw error.located(in: source, at: span)
            }
        }
    }

    func error(_ kind: TemplateError.Kind, _ message: String, at span: Span) -> TemplateError {
        TemplateError(kind, message).located(in: source, at: span)
    }

    /// Compiles a statement list into a flat list of closures, merging adjacent text.
    func compileStatements(_ body: [Stmt]) throws -> [Exec] {
        var out: [Exec] = []
        var pendingText: [UInt8] = []
        var pendingSpan = Span.unknown
        let source = self.source
        func flush() {
            guard !pendingText.isEmpty else { return }
            let bytes = pendingText
            let span = pendingSpan
            out.append { rt in
                rt.mark(source, span, isStatic: true)
                try rt.write(bytes)
            }
            pendingText = []
        }
        for stmt in body {
            if case .data(let text, let span) = stmt {
                if pendingText.isEmpty { pendingSpan = span }
                pendingText.append(contentsOf: text.utf8)
                continue
            }
            flush()
            if let exec = try compileStatement(stmt) {
                let run = foldStatement(stmt, exec) ?? exec
                if case .output(_, let span) = stmt {
                    out.append { rt in
                        rt.mark(source, span, isStatic: false)
                        try run(rt)
                    }
                } else {
                    out.append(run)
                }
            }
        }
        flush()
        return out
    }

    /// One closure running a statement list.
    func compileBody(_ body: [Stmt]) throws -> Exec {
        let list = try compileStatements(body)
        switch list.count {
        case 0: return { _ in }
        case 1: return list[0]
        case 2:
            let (a, b) = (list[0], list[1])
            return { rt in
                try a(rt)
                try b(rt)
            }
        default:
            // Calling through the index borrows each closure instead of copying
            // it out of the array (a retain and release per statement).
            return { rt in
                for i in list.indices { try list[i](rt) }
            }
        }
    }
}
