/// Compile-time evaluation of expressions that read only the environment's
/// globals and constants through pure operations: `campaign.brand`,
/// `campaign.id|urlencode`, `'%.2f'|format(campaign.threshold)`. Their value is
/// the same for every render, so it is computed once here; at render time a
/// cheap check confirms that no context variable, template variable or local
/// shadows the globals they read, and otherwise the expression runs as usual.
extension Compiler {
    /// Filters whose result depends only on their input and arguments.
    private static let impureFilters: Set<String> = ["random"]

    /// The folded form of `expr`, or nil when it cannot be folded.
    func fold(_ expr: Expr, _ eval: @escaping Eval) -> Eval? {
        guard let (ids, value) = foldedValue(expr, eval) else { return nil }
        // Built from constants alone (a dict literal, `"a" ~ "b"`): a constant.
        if ids.isEmpty { return { _ in value } }
        return { rt in
            for id in ids where !rt.resolvesToGlobal(id) { return try eval(rt) }
            return value
        }
    }

    private func foldedValue(_ expr: Expr, _ eval: Eval) -> ([Int], Value)? {
        if case .constant = expr { return nil }
        var names = Set<String>()
        guard isPure(expr, bound: [], names: &names) else { return nil }
        for name in names where environment.globals[name] == nil { return nil }
        // The autoescape state is the one thing a render can change that a pure
        // expression may read (`~` joins markup-aware when escaping).
        guard let value = evaluate(eval, autoescape: false), let escaping = evaluate(eval, autoescape: true),
            value.isIdentical(to: escaping)
        else { return nil }
        return (names.map { environment.symbols.id(for: $0) }, value)
    }

    /// `eval` run in an empty render, nil when it fails or gives no plain data.
    private func evaluate(_ eval: Eval, autoescape: Bool) -> Value? {
        let rt = Runtime(environment: environment)
        rt.autoescape = autoescape
        guard let value = try? eval(rt) else { return nil }
        switch value {
        case .undefined, .object: return nil
        default: return value
        }
    }

    /// Whether `expr` is built only from constants, names, attribute and item
    /// access, operators, tests and pure built-in filters; collects the names.
    private func isPure(_ expr: Expr, bound: Set<String>, names: inout Set<String>) -> Bool {
        switch expr {
        case .constant:
            return true
        case .name(let name, _):
            if bound.contains(name) { return true }
            if ["loop", "self", "super", "caller", "varargs", "kwargs"].contains(name) { return false }
            names.insert(name)
            return true
        case .attribute(let base, _, _), .negate(let base, _), .plus(let base, _), .not(let base, _):
            return isPure(base, bound: bound, names: &names)
        case .item(let a, let b, _), .binary(_, let a, let b, _), .and(let a, let b, _), .or(let a, let b, _):
            return isPure(a, bound: bound, names: &names) && isPure(b, bound: bound, names: &names)
        case .slice(let base, let start, let stop, let step, _):
            return isPure(base, bound: bound, names: &names) && [start, stop, step].allSatisfy { $0.map { isPure($0, bound: bound, names: &names) } ?? true }
        case .filter(let base, let name, let args, _):
            guard !Self.impureFilters.contains(name), BuiltinFilters.table[name] != nil, isBuiltinFilter(name) else {
                return false
            }
            return isPure(base, bound: bound, names: &names) && arePure(args, bound: bound, names: &names)
        case .test(let base, let name, let args, _, _):
            guard BuiltinTests.table[name] != nil else { return false }
            return isPure(base, bound: bound, names: &names) && arePure(args, bound: bound, names: &names)
        case .compare(let first, let rest, _):
            return isPure(first, bound: bound, names: &names) && rest.allSatisfy { isPure($0.rhs, bound: bound, names: &names) }
        case .conditional(let test, let then, let otherwise, _):
            return isPure(test, bound: bound, names: &names) && isPure(then, bound: bound, names: &names)
                && (otherwise.map { isPure($0, bound: bound, names: &names) } ?? true)
        case .list(let items, _), .tuple(let items, _):
            return items.allSatisfy { isPure($0, bound: bound, names: &names) }
        case .dict(let pairs, _):
            return pairs.allSatisfy { isPure($0.key, bound: bound, names: &names) && isPure($0.value, bound: bound, names: &names) }
        case .call:
            return false
        }
    }

    private func arePure(_ args: CallArguments, bound: Set<String>, names: inout Set<String>) -> Bool {
        args.positional.allSatisfy { isPure($0, bound: bound, names: &names) }
            && args.keywords.allSatisfy { isPure($0.value, bound: bound, names: &names) }
            && (args.starArgs.map { isPure($0, bound: bound, names: &names) } ?? true)
            && (args.starKwargs.map { isPure($0, bound: bound, names: &names) } ?? true)
    }

    // MARK: - Statements

    /// The output of `stmt` rendered here for both autoescape states, or nil
    /// when it reads anything but globals through pure operations. A
    /// statement whose output depends only on globals (a footer's social
    /// links, a layout's navigation) is written as these bytes at render time
    /// when no global it reads is shadowed (see ``TextRun``).
    func prerenderedText(_ stmt: Stmt, _ exec: Exec) -> PrerenderedText? {
        var names = Set<String>()
        guard isPureStatement(stmt, bound: [], names: &names), !names.isEmpty else { return nil }
        for name in names where environment.globals[name] == nil { return nil }
        guard let raw = prerender(exec, autoescape: false), let escaped = prerender(exec, autoescape: true) else {
            return nil
        }
        return PrerenderedText(globalIDs: names.map { environment.symbols.id(for: $0) }, raw: raw, escaped: escaped)
    }

    /// Folded output is kept small: a big loop over a global stays a loop.
    private static let maxFoldedBytes = 16 << 10

    private func prerender(_ exec: Exec, autoescape: Bool) -> [UInt8]? {
        let rt = Runtime(environment: environment)
        rt.autoescape = autoescape
        rt.outputLimit = Self.maxFoldedBytes
        guard (try? exec(rt)) != nil else { return nil }
        return rt.out.bytes(from: 0)
    }

    private func isPureStatement(_ stmt: Stmt, bound: Set<String>, names: inout Set<String>) -> Bool {
        func body(_ stmts: [Stmt], _ bound: Set<String>) -> Bool {
            stmts.allSatisfy { isPureStatement($0, bound: bound, names: &names) }
        }
        switch stmt {
        case .data:
            return true
        case .output(let e, _):
            return isPure(e, bound: bound, names: &names)
        case .if(let branches, let otherwise, _):
            return branches.allSatisfy { isPure($0.test, bound: bound, names: &names) && body($0.body, bound) }
                && body(otherwise ?? [], bound)
        case .for(let loop):
            guard !loop.recursive, isPure(loop.iterable, bound: bound, names: &names) else { return false }
            let inner = bound.union(loop.target.boundNames).union(["loop"])
            return (loop.condition.map { isPure($0, bound: inner, names: &names) } ?? true)
                && body(loop.body, inner) && body(loop.otherwise ?? [], bound)
        case .with(let assignments, let inner, _):
            guard assignments.allSatisfy({ isPure($0.value, bound: bound, names: &names) }) else { return false }
            return body(inner, assignments.reduce(bound) { $0.union($1.target.boundNames) })
        case .filterBlock(let filters, let inner, _):
            for f in filters {
                guard !Self.impureFilters.contains(f.name), BuiltinFilters.table[f.name] != nil,
                    isBuiltinFilter(f.name), arePure(f.arguments, bound: bound, names: &names)
                else { return false }
            }
            return body(inner, bound)
        case .autoescape(let e, let inner, _):
            return isPure(e, bound: bound, names: &names) && body(inner, bound)
        case .set, .setBlock, .macro, .callBlock, .include, .import, .fromImport, .extends, .block:
            return false
        }
    }

    /// A memo for a macro whose body and defaults read only its parameters and
    /// globals through pure operations; nil otherwise.
    func memoFor(_ definition: MacroDefinition) -> MacroMemo? {
        var names = Set<String>()
        var bound = Set<String>()
        for parameter in definition.parameters {
            if let d = parameter.defaultValue, !isPure(d, bound: bound, names: &names) { return nil }
            bound.insert(parameter.name)
        }
        guard definition.body.allSatisfy({ isPureStatement($0, bound: bound, names: &names) }) else { return nil }
        for name in names where environment.globals[name] == nil { return nil }
        return MacroMemo(globalIDs: names.map { environment.symbols.id(for: $0) })
    }

    /// Whether the environment still uses the built-in filter `name` (not a replacement).
    private func isBuiltinFilter(_ name: String) -> Bool {
        !environment.replacedFilters.contains(name)
    }
}

/// A statement's output rendered at compile time, valid in a render where
/// no variable shadows the globals it read.
struct PrerenderedText: Sendable {
    let globalIDs: [Int]
    let raw: [UInt8]
    let escaped: [UInt8]

    /// Writes the bytes for the current autoescape state, or runs the
    /// statement itself when a global it read is shadowed here.
    @inline(__always)
    func write(in rt: Runtime, otherwise exec: Exec) throws {
        for id in globalIDs where !rt.resolvesToGlobal(id) { return try exec(rt) }
        // Not `rt.write(rt.autoescape ? escaped : raw)`: the chosen array
        // would be retained and released around the call.
        if rt.autoescape {
            try rt.write(escaped)
        } else {
            try rt.write(raw)
        }
    }
}

extension Runtime {
    /// Whether `id` resolves to an environment global here: nothing in the
    /// locals, the template variables or the render's context shadows it.
    @inline(__always)
    func resolvesToGlobal(_ id: Int) -> Bool {
        if isNeverBound(id) { return context.root.isGlobal(id) }
        return !locals.contains(id, downTo: boundary) && !context.hasVariable(id) && context.root.isGlobal(id)
    }

    /// Whether every one of `ids` resolves to its global here. A loop, not
    /// `ids.allSatisfy(rt.resolvesToGlobal)`: that method reference is a
    /// closure, retaining and releasing the runtime on every call.
    @inline(__always)
    func resolveToGlobals(_ ids: [Int]) -> Bool {
        for id in ids where !resolvesToGlobal(id) { return false }
        return true
    }
}
