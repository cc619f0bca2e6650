/// Whether a `for` body can see its `loop` variable: most loops (a product
/// grid, a footer's links) never read it, and those skip making the
/// `LoopObject` and binding it.
extension Compiler {
    /// True when `body` reads the name `loop`, or holds a statement that could
    /// reach the current locals some other way (a macro or `call` block closing
    /// over them, an include or import taking the context, a block). Those
    /// keep the loop object, as does anything this check does not know.
    static func bodyNeedsLoopObject(_ body: [Stmt]) -> Bool {
        if Stmt.names(in: body).contains("loop") { return true }
        return body.contains(where: reachesLocalsIndirectly)
    }

    /// Statements through which a body's locals reach code that
    /// `Stmt.names(in:)` does not look into.
    private static func reachesLocalsIndirectly(_ stmt: Stmt) -> Bool {
        switch stmt {
        case .data, .output, .set:
            return false
        case .if(let branches, let otherwise, _):
            return branches.contains { $0.body.contains(where: reachesLocalsIndirectly) }
                || (otherwise ?? []).contains(where: reachesLocalsIndirectly)
        case .for(let loop):
            return loop.body.contains(where: reachesLocalsIndirectly)
                || (loop.otherwise ?? []).contains(where: reachesLocalsIndirectly)
        case .setBlock(_, _, let body, _), .with(_, let body, _), .filterBlock(_, let body, _),
            .autoescape(_, let body, _):
            return body.contains(where: reachesLocalsIndirectly)
        case .macro, .callBlock, .include, .import, .fromImport, .extends, .block:
            return true
        }
    }
}
