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
        // A template that extends another stops its top level part-way, so it
        // runs statement by statement; any other runs as one closure.
        let straight = Stmt.containsExtends(ast) ? nil : Compiler.topLevelSequence(body[...])
        return Program(
            source: source, body: body, straight: straight, blocks: Array(compiler.blocks.values), ast: ast)
    }

    func error(_ kind: TemplateError.Kind, _ message: String, at span: Span) -> TemplateError {
        TemplateError(kind, message).located(in: source, at: span)
    }

    /// Compiles a statement list into a flat list of closures, merging
    /// adjacent text and the folded statements among it (``TextRun``).
    func compileStatements(_ body: [Stmt]) throws -> [CompiledStmt] {
        var out: [CompiledStmt] = []
        var run = TextRun(source: source)
        for stmt in body {
            switch stmt {
            case .data(let text, let span):
                run.appendText(text, span)
            case .output(let expr, let span):
                let (exec, folded) = try compileOutputPiece(stmt, expr, span)
                if let folded {
                    run.appendFolded(folded, exec)
                } else if let text = run.takeLoneText() {
                    out.append(CompiledStmt(run: Compiler.writing(text, then: exec, source: source)))
                } else {
                    run.flush(into: &out)
                    out.append(CompiledStmt(run: exec))
                }
            default:
                run.flush(into: &out)
                guard let exec = try compileStatement(stmt) else { continue }
                // Not `??`: through a generic function the closure would be
                // wrapped in a reabstraction thunk each way.
                if let text = prerenderedText(stmt, exec) {
                    run.appendFolded(text) { rt in try text.write(in: rt, otherwise: exec) }
                } else {
                    out.append(CompiledStmt(run: exec))
                }
            }
        }
        run.flush(into: &out)
        return out
    }

    /// Static text and the output after it (`<td>{{ p.name }}`) as one
    /// statement: a closure fewer to call per piece of text between outputs.
    /// The text is marked for a recorder as it would be alone.
    static func writing(_ text: (bytes: [UInt8], span: Span), then exec: @escaping Exec, source: SourceFile) -> Exec {
        let (bytes, span) = text
        return { rt in
            rt.mark(source, span, isStatic: true)
            try rt.write(bytes)
            try exec(rt)
        }
    }

    /// One closure running a statement list.
    func compileBody(_ body: [Stmt]) throws -> Exec {
        Compiler.sequence(try compileStatements(body)[...])
    }

    /// One closure running `list` in order. A closure called from another's
    /// captures runs without a retain; one taken from an array each time is
    /// retained and released around the call. So the list becomes a shallow
    /// tree of closures that each capture up to four statements.
    static func sequence(_ list: ArraySlice<CompiledStmt>) -> Exec {
        let i = list.startIndex
        switch list.count {
        case 0:
            return { _ in }
        case 1:
            return list[i].run
        case 2:
            let (a, b) = (list[i].run, list[i + 1].run)
            return { rt in
                try a(rt)
                try b(rt)
            }
        case 3:
            let (a, b, c) = (list[i].run, list[i + 1].run, list[i + 2].run)
            return { rt in
                try a(rt)
                try b(rt)
                try c(rt)
            }
        case 4:
            let (a, b, c, d) = (list[i].run, list[i + 1].run, list[i + 2].run, list[i + 3].run)
            return { rt in
                try a(rt)
                try b(rt)
                try c(rt)
                try d(rt)
            }
        default:
            let size = (list.count + 3) / 4
            let parts = stride(from: i, to: list.endIndex, by: size).map { start in
                CompiledStmt(run: sequence(list[start..<min(start + size, list.endIndex)]))
            }
            return sequence(parts[...])
        }
    }
}

/// Runs `body`, attaching the location `span` in `source` to a template error
/// it throws (unless the error already has one: the innermost wins). Inlined
/// into each compiled node, so the location costs nothing until an error.
@inline(__always)
func locating<T>(_ source: SourceFile, _ span: Span, _ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as TemplateError {
        throw error.located(in: source, at: span)
    }
}
