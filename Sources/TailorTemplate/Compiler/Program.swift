/// A compiled expression: evaluates against a render's runtime.
typealias Eval = @Sendable (Runtime) throws -> Value
/// A compiled statement: writes into the runtime's output.
typealias Exec = @Sendable (Runtime) throws -> Void

/// A compiled expression as an element of an array or a pair. Arrays and
/// tuples hold a bare closure in its most general calling convention, so
/// every call through one would go through a reabstraction thunk; a struct
/// field keeps the closure's own convention.
struct CompiledExpr: Sendable {
    let eval: Eval
}

/// A compiled statement as an element of an array (see ``CompiledExpr``).
struct CompiledStmt: Sendable {
    let run: Exec
}

/// One `if`/`elif` test and the body it guards.
struct IfBranch: Sendable {
    let test: Eval
    let body: Exec
}

/// What a template compiles to: its top-level statements as closures with
/// filters, tests and constants resolved, static text pre-encoded as bytes,
/// and its blocks. Immutable, shared by every render.
final class Program: Sendable {
    let source: SourceFile
    let body: [CompiledStmt]
    /// The whole of `body` as one closure, for a template without `extends`
    /// (whose top level never stops part-way): statements called from the
    /// closures that capture them run without the retain and release that
    /// calling each out of the array costs.
    let straight: Exec?
    let blocks: [CompiledBlock]
    /// The parsed statements, for analysis (`Template.analyze()`).
    let ast: [Stmt]

    init(source: SourceFile, body: [CompiledStmt], straight: Exec?, blocks: [CompiledBlock], ast: [Stmt]) {
        self.source = source
        self.body = body
        self.straight = straight
        self.blocks = blocks
        self.ast = ast
    }
}

/// A `{% block %}` of a template, ready to render in any inheritance chain.
/// A class: renders keep it in their block tables without copying its fields.
final class CompiledBlock: Sendable {
    let name: String
    /// The name's symbol, which the render's ``BlockTable`` is keyed by.
    let nameID: Int
    let body: Exec
    let required: Bool
    let span: Span
    let source: SourceFile

    init(name: String, nameID: Int, body: @escaping Exec, required: Bool, span: Span, source: SourceFile) {
        self.name = name
        self.nameID = nameID
        self.body = body
        self.required = required
        self.span = span
        self.source = source
    }
}

/// A compiled macro (or a call block's `caller`): signature and body.
///
/// A class: every call reads it through its ``MacroObject``, and a struct of
/// this many references would be copied (each retained and released) there.
final class CompiledMacro: Sendable {
    let name: String
    let nameID: Int
    let parameters: [String]
    let parameterIDs: [Int]
    let defaults: [Eval?]
    let body: Exec
    let usesCaller: Bool
    let usesVarargs: Bool
    let usesKwargs: Bool
    let span: Span
    /// Set when the macro is pure, so its output can be remembered per arguments.
    let memo: MacroMemo?

    init(
        name: String, nameID: Int, parameters: [String], parameterIDs: [Int], defaults: [Eval?], body: @escaping Exec,
        usesCaller: Bool, usesVarargs: Bool, usesKwargs: Bool, span: Span, memo: MacroMemo?
    ) {
        self.name = name
        self.nameID = nameID
        self.parameters = parameters
        self.parameterIDs = parameterIDs
        self.defaults = defaults
        self.body = body
        self.usesCaller = usesCaller
        self.usesVarargs = usesVarargs
        self.usesKwargs = usesKwargs
        self.span = span
        self.memo = memo
    }
}
