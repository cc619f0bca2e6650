/// Expressions to closures.
extension Compiler {
    func compile(_ expr: Expr) throws -> Eval {
        let eval = try compileUnfolded(expr)
        // Not `??`: through a generic function the closure would be wrapped
        // in a reabstraction thunk each way.
        if let folded = fold(expr, eval) { return folded }
        return eval
    }

    func compileUnfolded(_ expr: Expr) throws -> Eval {
        let source = self.source
        switch expr {
        case .constant(let v, _):
            return { _ in v }

        case .name(let name, _):
            if blockDepth > 0 && name == "super" {
                return superReference
            }
            let id = environment.symbols.id(for: name)
            if name == "self" {
                return { rt in rt.lookup(id) ?? .object(SelfObject.shared) }
            }
            return { rt in
                if let v = rt.lookup(id) { return v }
                return rt.undefined(.name(name))
            }

        case .attribute(let base, let name, let span):
            let b = try compile(base)
            if Compiler.dictMethodNames.contains(name) {
                return { rt in try locating(source, span) { try rt.attribute(of: try b(rt), name) } }
            }
            let hint = KeyPositionHint()
            // `p.name`: the name looked up here, without a closure call for it.
            if case .name(let baseName, _) = base, baseName != "self", baseName != "super" {
                let id = environment.symbols.id(for: baseName)
                return { rt in
                    try locating(source, span) {
                        let v = rt.lookup(id) ?? rt.undefined(.name(baseName))
                        if case .dict(let d) = v, let found = d.value(forString: name, hint: hint) { return found }
                        return try rt.attribute(of: v, name)
                    }
                }
            }
            return { rt in
                try locating(source, span) {
                    let v = try b(rt)
                    if case .dict(let d) = v, let found = d.value(forString: name, hint: hint) { return found }
                    return try rt.attribute(of: v, name)
                }
            }

        case .item(let base, let key, let span):
            let b = try compile(base)
            let k = try compile(key)
            return { rt in try locating(source, span) { try rt.item(of: try b(rt), try k(rt)) } }

        case .slice(let base, let start, let stop, let step, let span):
            let b = try compile(base)
            let parts = try [start, stop, step].map { try $0.map(compile) }
            return { rt in
                try locating(source, span) {
                    let value = try b(rt)
                    return try value.sliced(
                        start: try parts[0]?(rt), stop: try parts[1]?(rt), step: try parts[2]?(rt))
                }
            }

        case .call(let callee, let args, let span):
            return try compileCall(callee, args, span)

        case .filter(let base, let name, let args, let span):
            if name == "format", case .constant(.string(let format), _) = base,
                let fast = try compileFixedPointFormat(format, args, span)
            {
                return fast
            }
            return try compileFilter(name, args, span, input: try compile(base))

        case .test(let base, let name, let args, let negated, let span):
            let b = try compile(base)
            let test = try resolveTest(name, span)
            let a = try compileArguments(args)
            return { rt in
                try locating(source, span) {
                    let result = try test(try b(rt), try a(rt), rt)
                    return .bool(negated ? !result : result)
                }
            }

        case .binary(let op, let lhs, let rhs, let span):
            if op == .concat, let chain = try compileConcatChain(expr) { return chain }
            let l = try compile(lhs)
            let r = try compile(rhs)
            if op == .concat {
                // `~` joins markup-aware only when autoescaping, as Jinja's markup_join/str_join.
                return { rt in
                    try locating(source, span) {
                        let a = try l(rt)
                        let b = try r(rt)
                        if rt.autoescape { return try Value.binary(.concat, a, b) }
                        return .string(try a.stringify() + b.stringify())
                    }
                }
            }
            return { rt in try locating(source, span) { try Value.binary(op, try l(rt), try r(rt)) } }

        case .negate(let operand, let span):
            let o = try compile(operand)
            return { rt in try locating(source, span) { try Value.negate(try o(rt)) } }

        case .plus(let operand, let span):
            let o = try compile(operand)
            return { rt in try locating(source, span) { try Value.plus(try o(rt)) } }

        case .not(let operand, let span):
            let o = try compile(operand)
            return { rt in try locating(source, span) { .bool(!(try o(rt).truthy())) } }

        case .and(let lhs, let rhs, let span):
            let l = try compile(lhs)
            let r = try compile(rhs)
            return { rt in
                try locating(source, span) {
                    let a = try l(rt)
                    return try a.truthy() ? try r(rt) : a
                }
            }

        case .or(let lhs, let rhs, let span):
            let l = try compile(lhs)
            let r = try compile(rhs)
            return { rt in
                try locating(source, span) {
                    let a = try l(rt)
                    return try a.truthy() ? a : try r(rt)
                }
            }

        case .compare(let first, let rest, let span):
            return try compileCompare(first, rest, span)

        case .conditional(let test, let then, let otherwise, let span):
            let t = try compile(test)
            let a = try compile(then)
            let line = span.line
            guard let otherwise else {
                return { rt in
                    if try t(rt).truthy() { return try a(rt) }
                    return rt.undefined(
                        .message("the inline if-expression on line \(line) evaluated to false and no else section was defined."))
                }
            }
            let b = try compile(otherwise)
            return { rt in try t(rt).truthy() ? try a(rt) : try b(rt) }

        case .list(let items, _):
            if let constants = constantValues(items) { return { _ in .list(constants) } }
            let evals = try items.map { CompiledExpr(eval: try compile($0)) }
            return { rt in .list(try evals.map { try $0.eval(rt) }) }

        case .tuple(let items, _):
            if let constants = constantValues(items) { return { _ in .tuple(constants) } }
            let evals = try items.map { CompiledExpr(eval: try compile($0)) }
            return { rt in .tuple(try evals.map { try $0.eval(rt) }) }

        case .dict(let pairs, let span):
            let evals = try pairs.map { (CompiledExpr(eval: try compile($0.key)), CompiledExpr(eval: try compile($0.value))) }
            return { rt in
                try locating(source, span) {
                    var d = Dict()
                    for (k, v) in evals { d[try k.eval(rt)] = try v.eval(rt) }
                    return .dict(d)
                }
            }
        }
    }

    func constantValues(_ items: [Expr]) -> [Value]? {
        var values: [Value] = []
        for item in items {
            guard case .constant(let v, _) = item else { return nil }
            values.append(v)
        }
        return values
    }

    // MARK: - Comparisons

    private func compileCompare(_ first: Expr, _ rest: [(op: String, rhs: Expr)], _ span: Span) throws -> Eval {
        let source = self.source
        let head = try compile(first)
        if rest.count == 1, rest[0].op == "==" || rest[0].op == "!=", case .constant(.string(let text), _) = rest[0].rhs {
            return compileStringComparison(head, rest[0].op == "==", text, span)
        }
        let steps = try rest.map { (op: $0.op, rhs: CompiledExpr(eval: try compile($0.rhs))) }
        return { rt in
            try locating(source, span) {
                var left = try head(rt)
                for step in steps {
                    let right = try step.rhs.eval(rt)
                    if try !Compiler.compare(step.op, left, right) { return .bool(false) }
                    left = right
                }
                return .bool(true)
            }
        }
    }

    /// `x == 'text'` and `x != 'text'` (a segment test): a string on the left
    /// compares its text in place; anything else compares as usual.
    private func compileStringComparison(_ head: @escaping Eval, _ equal: Bool, _ text: String, _ span: Span) -> Eval {
        let source = self.source
        let constant = Value.string(text)
        return { rt in
            try locating(source, span) {
                let left = try head(rt)
                switch left {
                case .string(let s), .markup(let s): return .bool((s == text) == equal)
                default: return .bool(try Compiler.compare(equal ? "==" : "!=", left, constant))
                }
            }
        }
    }

    static func compare(_ op: String, _ a: Value, _ b: Value) throws -> Bool {
        switch op {
        case "==":
            try a.checkStrict()
            try b.checkStrict()
            return a == b
        case "!=":
            try a.checkStrict()
            try b.checkStrict()
            return a != b
        case "<": return try Value.compare(a, b, "<") < 0
        case "<=": return try Value.compare(a, b, "<=") <= 0
        case ">": return try Value.compare(a, b, ">") > 0
        case ">=": return try Value.compare(a, b, ">=") >= 0
        case "in": return try Value.contains(b, a)
        case "notin": return try !Value.contains(b, a)
        default: throw TemplateError(.runtime, "unknown comparison '\(op)'")
        }
    }

    // MARK: - Filters and tests

    /// Compiles `input|name(args)`; the input comes from `input` (an expression or captured text).
    func compileFilter(_ name: String, _ args: CallArguments, _ span: Span, input: @escaping Eval) throws -> Eval {
        let source = self.source
        guard let filter = environment.filterTable[name]?.apply else {
            guard conditionalDepth > 0 else {
                throw error(.unknownFilter, "no filter named '\(name)'", at: span)
            }
            return { _ in try locating(source, span) { throw TemplateError(.unknownFilter, "no filter named '\(name)'") } }
        }
        if let fast = compileFilterFastPath(name, args, span, input: input) {
            return fast
        }
        if args.isEmpty {
            return { rt in try locating(source, span) { try filter(try input(rt), .empty, rt) } }
        }
        let a = try compileArguments(args)
        return { rt in
            try locating(source, span) {
                let value = try input(rt)
                return try filter(value, try a(rt), rt)
            }
        }
    }

    func resolveTest(_ name: String, _ span: Span) throws -> Test {
        if let test = environment.tests[name] { return test }
        guard conditionalDepth > 0 else {
            throw error(.unknownTest, "no test named '\(name)'", at: span)
        }
        return { _, _, _ in throw TemplateError(.unknownTest, "no test named '\(name)'") }
    }

    // MARK: - Calls

    func compileArguments(_ args: CallArguments) throws -> @Sendable (Runtime) throws -> Arguments {
        if args.isEmpty { return { _ in .empty } }
        // Literal arguments (`truncate(length=60)`, `default("there", true)`) are built once.
        if args.starArgs == nil, args.starKwargs == nil, let positional = constantValues(args.positional),
            let keywords = constantValues(args.keywords.map(\.value))
        {
            let arguments = Arguments(positional, keywords: zip(args.keywords, keywords).map { ($0.name, $1) })
            return { _ in arguments }
        }
        let positional = try args.positional.map { CompiledExpr(eval: try compile($0)) }
        let keywords = try args.keywords.map { (name: $0.name, value: CompiledExpr(eval: try compile($0.value))) }
        let star = try args.starArgs.map(compile)
        let starKw = try args.starKwargs.map(compile)
        return { rt in
            var result = Arguments()
            result.positional.reserveCapacity(positional.count)
            for i in positional.indices { result.positional.append(try positional[i].eval(rt)) }
            if let star { result.positional.append(contentsOf: try star(rt).iterate()) }
            if !keywords.isEmpty { result.keywords.reserveCapacity(keywords.count) }
            for i in keywords.indices { result.keywords.append((keywords[i].name, try keywords[i].value.eval(rt))) }
            if let starKw {
                guard case .dict(let d) = try starKw(rt) else {
                    throw TemplateError(.type, "argument after ** must be a mapping")
                }
                for (k, v) in zip(d.keys, d.values) {
                    guard let key = k.stringValue else { throw TemplateError(.type, "keywords must be strings") }
                    result.keywords.append((key, v))
                }
            }
            return result
        }
    }

    private func compileCall(_ callee: Expr, _ args: CallArguments, _ span: Span) throws -> Eval {
        let source = self.source
        let a = try compileArguments(args)
        // `obj.method(...)`: the object's own callable attribute, else a Python method.
        if case .attribute(let base, let name, _) = callee {
            let b = try compile(base)
            return { rt in
                try locating(source, span) {
                    let receiver = try b(rt)
                    let arguments = try a(rt)
                    switch receiver {
                    case .dict(let d):
                        if let member = d.value(forString: name), !Compiler.dictMethodNames.contains(name) {
                            return try rt.call(member, arguments)
                        }
                    case .object(let o):
                        if let member = o.attribute(name) { return try rt.call(member, arguments) }
                    case .undefined(let u):
                        throw u.error
                    default:
                        break
                    }
                    if let result = try PythonMethods.call(receiver, name, arguments, rt) { return result }
                    throw TemplateError(.undefined, "'\(receiver.typeName) object' has no attribute '\(name)'")
                }
            }
        }
        if case .name(let name, _) = callee, let check = environment.callChecks[name] {
            func constant(_ e: Expr) -> Value? {
                if case .constant(let v, _) = e { return v }
                return nil
            }
            var keywords: [String: Value?] = [:]
            for k in args.keywords { keywords[k.name] = constant(k.value) }
            if let problem = check(args.positional.map(constant), keywords) {
                throw error(.syntax, problem, at: span)
            }
        }
        let c = try compile(callee)
        return { rt in try locating(source, span) { try rt.call(try c(rt), try a(rt)) } }
    }

    /// `super` inside a block: a callable rendering the parent's version of the block.
    private var superReference: Eval {
        let superFunction = Value.object(FunctionObject("super") { _, rt in try rt.renderSuperBlock() })
        return { _ in superFunction }
    }
}

extension Value {
    /// Python slicing `value[start:stop:step]` of strings, lists and tuples.
    func sliced(start: Value?, stop: Value?, step: Value?) throws -> Value {
        func int(_ v: Value?) throws -> Int? {
            guard let v, !v.isNone, !v.isUndefined else { return nil }
            guard let i = v.intValue else {
                throw TemplateError(.type, "slice indices must be integers or None")
            }
            return i
        }
        let stepValue = try int(step) ?? 1
        guard stepValue != 0 else { throw TemplateError(.value, "slice step cannot be zero") }
        func indices(_ count: Int) throws -> [Int] {
            var lo = try int(start)
            var hi = try int(stop)
            if stepValue > 0 {
                lo = lo.map { $0 < 0 ? max(0, $0 + count) : min($0, count) } ?? 0
                hi = hi.map { $0 < 0 ? max(0, $0 + count) : min($0, count) } ?? count
                return lo! < hi! ? Array(stride(from: lo!, to: hi!, by: stepValue)) : []
            } else {
                lo = lo.map { $0 < 0 ? max(-1, $0 + count) : min($0, count - 1) } ?? count - 1
                hi = hi.map { $0 < 0 ? max(-1, $0 + count) : min($0, count - 1) } ?? -1
                return lo! > hi! ? Array(stride(from: lo!, to: hi!, by: stepValue)) : []
            }
        }
        switch self {
        case .list(let a): return .list(try indices(a.count).map { a[$0] })
        case .tuple(let a): return .tuple(try indices(a.count).map { a[$0] })
        case .string(let s), .markup(let s):
            let scalars = Array(s.unicodeScalars)
            var out = String.UnicodeScalarView()
            for i in try indices(scalars.count) { out.append(scalars[i]) }
            if case .markup = self { return .markup(String(out)) }
            return .string(String(out))
        case .undefined(let u):
            if u.strict { throw u.error }
            return self
        case .object(let o):
            if let items = o.sequence { return .list(try indices(items.count).map { items[$0] }) }
            throw TemplateError(.type, "'\(o.typeName)' object is not subscriptable")
        default:
            throw TemplateError(.type, "'\(typeName)' object is not subscriptable")
        }
    }
}

extension Compiler {
    /// Methods of Python's `dict`: `d.items()` calls the method even when the
    /// dict has a key `items`, as `getattr` does in Jinja.
    static let dictMethodNames: Set<String> = [
        "items", "keys", "values", "get", "copy", "pop", "popitem", "setdefault", "update", "clear", "fromkeys",
    ]
}
