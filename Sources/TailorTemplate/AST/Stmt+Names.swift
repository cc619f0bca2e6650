/// Which names a piece of template reads: used to know whether a macro takes
/// `caller`, `varargs` or `kwargs`, and by analysis tools.
extension Expr {
    func collectNames(into names: inout Set<String>) {
        switch self {
        case .constant: break
        case .name(let n, _): names.insert(n)
        case .attribute(let b, _, _), .negate(let b, _), .plus(let b, _), .not(let b, _):
            b.collectNames(into: &names)
        case .item(let a, let b, _), .and(let a, let b, _), .or(let a, let b, _), .binary(_, let a, let b, _):
            a.collectNames(into: &names)
            b.collectNames(into: &names)
        case .slice(let b, let s, let e, let st, _):
            b.collectNames(into: &names)
            for x in [s, e, st] { x?.collectNames(into: &names) }
        case .call(let c, let args, _):
            c.collectNames(into: &names)
            args.collectNames(into: &names)
        case .filter(let b, _, let args, _), .test(let b, _, let args, _, _):
            b.collectNames(into: &names)
            args.collectNames(into: &names)
        case .compare(let first, let rest, _):
            first.collectNames(into: &names)
            for r in rest { r.rhs.collectNames(into: &names) }
        case .conditional(let t, let a, let b, _):
            t.collectNames(into: &names)
            a.collectNames(into: &names)
            b?.collectNames(into: &names)
        case .list(let items, _), .tuple(let items, _):
            for i in items { i.collectNames(into: &names) }
        case .dict(let pairs, _):
            for p in pairs {
                p.key.collectNames(into: &names)
                p.value.collectNames(into: &names)
            }
        }
    }
}

extension CallArguments {
    func collectNames(into names: inout Set<String>) {
        for p in positional { p.collectNames(into: &names) }
        for k in keywords { k.value.collectNames(into: &names) }
        starArgs?.collectNames(into: &names)
        starKwargs?.collectNames(into: &names)
    }
}

extension Stmt {
    /// Names read by these statements, not counting nested macro bodies.
    static func names(in body: [Stmt]) -> Set<String> {
        var names = Set<String>()
        for s in body { s.collectNames(into: &names) }
        return names
    }

    func collectNames(into names: inout Set<String>) {
        func all(_ body: [Stmt]) { for s in body { s.collectNames(into: &names) } }
        switch self {
        case .data: break
        case .output(let e, _): e.collectNames(into: &names)
        case .if(let branches, let otherwise, _):
            for b in branches {
                b.test.collectNames(into: &names)
                all(b.body)
            }
            all(otherwise ?? [])
        case .for(let loop):
            loop.iterable.collectNames(into: &names)
            loop.condition?.collectNames(into: &names)
            all(loop.body)
            all(loop.otherwise ?? [])
        case .set(_, let value, _): value.collectNames(into: &names)
        case .setBlock(_, let filters, let body, _):
            for f in filters { f.arguments.collectNames(into: &names) }
            all(body)
        case .with(let assignments, let body, _):
            for a in assignments { a.value.collectNames(into: &names) }
            all(body)
        case .macro: break
        case .callBlock(let call, let macro, _):
            call.collectNames(into: &names)
            for p in macro.parameters { p.defaultValue?.collectNames(into: &names) }
        case .filterBlock(let filters, let body, _):
            for f in filters { f.arguments.collectNames(into: &names) }
            all(body)
        case .include(let t, _, _, _), .import(let t, _, _, _), .fromImport(let t, _, _, _), .extends(let t, _):
            t.collectNames(into: &names)
        case .block(let b): all(b.body)
        case .autoescape(let e, let body, _):
            e.collectNames(into: &names)
            all(body)
        }
    }
}

extension Stmt {
    /// Whether an `{% extends %}` appears anywhere in these statements, at any
    /// depth (inside a block or a macro it still runs during the top level).
    static func containsExtends(_ body: [Stmt]) -> Bool {
        body.contains { $0.containsExtends }
    }

    private var containsExtends: Bool {
        switch self {
        case .extends:
            return true
        case .data, .output, .set, .include, .import, .fromImport:
            return false
        case .if(let branches, let otherwise, _):
            return branches.contains { Stmt.containsExtends($0.body) } || Stmt.containsExtends(otherwise ?? [])
        case .for(let loop):
            return Stmt.containsExtends(loop.body) || Stmt.containsExtends(loop.otherwise ?? [])
        case .setBlock(_, _, let body, _), .with(_, let body, _), .filterBlock(_, let body, _), .autoescape(_, let body, _):
            return Stmt.containsExtends(body)
        case .macro(let definition), .callBlock(_, let definition, _):
            return Stmt.containsExtends(definition.body)
        case .block(let definition):
            return Stmt.containsExtends(definition.body)
        }
    }
}
