/// What a template reads and which segment variants it has, found without
/// rendering it: `tailor check` and previews enumerate variants from it and
/// warn about variables nothing provides.
///
/// ```swift
/// let analysis = try env.template(named: "spring/email.html").analyze()
/// analysis.segments            // ["abandoned_cart", "vip", "loyal"]: compared with `segment`/`segments`
/// analysis.requiredVariables   // read without `is defined` or `default` around them
/// ```
public struct TemplateAnalysis: Sendable, Equatable {
    /// Segment names compared with `segment` or tested against `segments`, in
    /// source order (the `{% segment %}` tag included), without repeats.
    public var segments: [String] = []
    /// Variables read that the templates never set themselves (globals excluded).
    public var variables: Set<String> = []
    /// Those read at least once without a guard (`is defined`, `default`).
    public var requiredVariables: Set<String> = []
    /// Templates reached through `extends`, `include` and `import` with a constant name.
    public var templates: [String] = []
}

extension Template {
    /// Analyzes this template and, through constant names, the templates it
    /// extends, includes and imports.
    public func analyze() throws -> TemplateAnalysis {
        var walker = AnalysisWalker(environment: environment)
        try walker.visit(template: self)
        return walker.result()
    }
}

/// Walks statements and expressions collecting names, bindings and segment comparisons.
struct AnalysisWalker {
    let environment: Environment
    private var analysis = TemplateAnalysis()
    private var bound: Set<String> = ["loop", "caller", "varargs", "kwargs", "self", "super", "segment", "segments"]
    private var reads: [String: Bool] = [:]  // name -> read unguarded at least once
    private var visited: Set<String> = []

    init(environment: Environment) {
        self.environment = environment
    }

    mutating func result() -> TemplateAnalysis {
        var result = analysis
        for (name, unguarded) in reads where !bound.contains(name) && environment.globals[name] == nil {
            result.variables.insert(name)
            if unguarded { result.requiredVariables.insert(name) }
        }
        return result
    }

    mutating func visit(template: Template) throws {
        guard visited.insert(template.name).inserted else { return }
        visit(template.program.ast, guarded: [])
    }

    private mutating func follow(_ name: Expr) {
        guard case .constant(.string(let target), _) = name, !visited.contains(target) else { return }
        analysis.templates.append(target)
        if let template = try? environment.loadTemplate(target) { try? visit(template: template) }
    }

    private mutating func visit(_ body: [Stmt], guarded: Set<String>) {
        for stmt in body { visit(stmt, guarded: guarded) }
    }

    private mutating func bind(_ target: AssignTarget) {
        bound.formUnion(target.boundNames)
    }

    private mutating func visit(_ stmt: Stmt, guarded: Set<String>) {
        switch stmt {
        case .data: break
        case .output(let e, _): read(e, guarded: guarded)
        case .if(let branches, let otherwise, _):
            for branch in branches {
                read(branch.test, guarded: guarded)
                visit(branch.body, guarded: guarded.union(Self.definedNames(in: branch.test)))
            }
            visit(otherwise ?? [], guarded: guarded)
        case .for(let loop):
            read(loop.iterable, guarded: guarded)
            bind(loop.target)
            if let c = loop.condition { read(c, guarded: guarded) }
            visit(loop.body, guarded: guarded)
            visit(loop.otherwise ?? [], guarded: guarded)
        case .set(let target, let value, _):
            read(value, guarded: guarded)
            bind(target)
        case .setBlock(let target, let filters, let body, _):
            for f in filters { read(f.arguments, guarded: guarded) }
            visit(body, guarded: guarded)
            bind(target)
        case .with(let assignments, let body, _):
            for a in assignments {
                read(a.value, guarded: guarded)
                bind(a.target)
            }
            visit(body, guarded: guarded)
        case .macro(let m):
            bound.insert(m.name)
            for p in m.parameters {
                bound.insert(p.name)
                if let d = p.defaultValue { read(d, guarded: guarded) }
            }
            visit(m.body, guarded: guarded)
        case .callBlock(let call, let m, _):
            read(call, guarded: guarded)
            for p in m.parameters { bound.insert(p.name) }
            visit(m.body, guarded: guarded)
        case .filterBlock(let filters, let body, _):
            for f in filters { read(f.arguments, guarded: guarded) }
            visit(body, guarded: guarded)
        case .include(let t, _, _, _), .extends(let t, _):
            read(t, guarded: guarded)
            follow(t)
        case .import(let t, let alias, _, _):
            bound.insert(alias)
            follow(t)
        case .fromImport(let t, let names, _, _):
            for n in names { bound.insert(n.alias) }
            follow(t)
        case .block(let b): visit(b.body, guarded: guarded)
        case .autoescape(let e, let body, _):
            read(e, guarded: guarded)
            visit(body, guarded: guarded)
        }
    }

    /// Names a condition proves defined: `x is defined`, `x is not none`, and
    /// `a and b` of those.
    private static func definedNames(in test: Expr) -> Set<String> {
        switch test {
        case .test(.name(let n, _), "defined", _, false, _): return [n]
        case .and(let a, let b, _): return definedNames(in: a).union(definedNames(in: b))
        default: return []
        }
    }

    private mutating func read(_ args: CallArguments, guarded: Set<String>) {
        for p in args.positional { read(p, guarded: guarded) }
        for k in args.keywords { read(k.value, guarded: guarded) }
        if let s = args.starArgs { read(s, guarded: guarded) }
        if let s = args.starKwargs { read(s, guarded: guarded) }
    }

    private mutating func note(_ name: String, unguarded: Bool) {
        reads[name] = (reads[name] ?? false) || unguarded
    }

    private mutating func segmentLiteral(_ e: Expr) {
        switch e {
        case .constant(.string(let s), _):
            if !analysis.segments.contains(s) { analysis.segments.append(s) }
        case .tuple(let items, _), .list(let items, _):
            for i in items { segmentLiteral(i) }
        default: break
        }
    }

    private mutating func read(_ e: Expr, guarded: Set<String>) {
        switch e {
        case .constant: break
        case .name(let n, _): note(n, unguarded: !guarded.contains(n))
        case .filter(.name(let n, _), let f, let args, _) where f == "default" || f == "d":
            note(n, unguarded: false)
            read(args, guarded: guarded)
        case .test(.name(let n, _), let t, let args, _, _) where t == "defined" || t == "undefined":
            note(n, unguarded: false)
            read(args, guarded: guarded)
        case .compare(let first, let rest, _):
            var left = first
            for (op, rhs) in rest {
                if op == "==" || op == "!=" || op == "in" || op == "notin" {
                    if case .name("segment", _) = left { segmentLiteral(rhs) }
                    if case .name("segment", _) = rhs, op == "==" || op == "!=" { segmentLiteral(left) }
                    if case .name("segments", _) = rhs { segmentLiteral(left) }
                }
                left = rhs
            }
            read(first, guarded: guarded)
            for r in rest { read(r.rhs, guarded: guarded) }
        case .attribute(let b, _, _), .negate(let b, _), .plus(let b, _), .not(let b, _):
            read(b, guarded: guarded)
        case .item(let a, let b, _), .binary(_, let a, let b, _), .and(let a, let b, _), .or(let a, let b, _):
            read(a, guarded: guarded)
            read(b, guarded: guarded)
        case .slice(let b, let s, let t, let st, _):
            read(b, guarded: guarded)
            for x in [s, t, st] { if let x { read(x, guarded: guarded) } }
        case .call(let c, let args, _):
            read(c, guarded: guarded)
            read(args, guarded: guarded)
        case .filter(let b, _, let args, _), .test(let b, _, let args, _, _):
            read(b, guarded: guarded)
            read(args, guarded: guarded)
        case .conditional(let t, let a, let b, _):
            read(t, guarded: guarded)
            read(a, guarded: guarded.union(Self.definedNames(in: t)))
            if let b { read(b, guarded: guarded) }
        case .list(let items, _), .tuple(let items, _):
            for i in items { read(i, guarded: guarded) }
        case .dict(let pairs, _):
            for p in pairs {
                read(p.key, guarded: guarded)
                read(p.value, guarded: guarded)
            }
        }
    }
}
