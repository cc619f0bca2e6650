/// Expressions, lowest precedence first: conditional, `or`, `and`, `not`,
/// comparisons, `+ -`, `~`, `* / // %`, `**`, unary, postfix and filters.
extension Parser {
    /// `a, b` (a tuple without parentheses) or a single expression.
    mutating func parseTuple(withConditional: Bool = true, endNames: Set<String> = []) throws -> Expr {
        let start = current.span
        var items: [Expr] = []
        var sawComma = false
        while true {
            if !items.isEmpty {
                guard skipOp(",") else { break }
                sawComma = true
            }
            if isTupleEnd(endNames) { break }
            items.append(withConditional ? try parseExpression() : try parseOr())
        }
        if !sawComma {
            guard let only = items.first else {
                throw fail("expected an expression, got \(currentKind)")
            }
            return only
        }
        return .tuple(items, start)
    }

    private func isTupleEnd(_ endNames: Set<String>) -> Bool {
        switch currentKind {
        case .variableEnd, .blockEnd, .eof: return true
        case .op(let o): return o == ")" || o == "]" || o == "}" || o == "="
        case .name(let n): return endNames.contains(n)
        default: return false
        }
    }

    mutating func parseExpression() throws -> Expr {
        try enter()
        defer { leave() }
        var expr = try parseOr()
        while isName("if") {
            let span = next().span
            let test = try parseOr()
            var otherwise: Expr? = nil
            if skipName("else") { otherwise = try parseExpression() }
            expr = .conditional(test: test, then: expr, otherwise: otherwise, span)
        }
        return expr
    }

    mutating func parseOr() throws -> Expr {
        var left = try parseAnd()
        let base = depth
        defer { depth = base }
        while isName("or") {
            try enter()
            let span = next().span
            left = .or(left, try parseAnd(), span)
        }
        return left
    }

    mutating func parseAnd() throws -> Expr {
        var left = try parseNot()
        let base = depth
        defer { depth = base }
        while isName("and") {
            try enter()
            let span = next().span
            left = .and(left, try parseNot(), span)
        }
        return left
    }

    mutating func parseNot() throws -> Expr {
        if isName("not") {
            let span = next().span
            try enter()
            defer { leave() }
            return .not(try parseNot(), span)
        }
        return try parseCompare()
    }

    mutating func parseCompare() throws -> Expr {
        let span = current.span
        let first = try parseMath1()
        var ops: [(op: String, rhs: Expr)] = []
        let base = depth
        defer { depth = base }
        while true {
            if !ops.isEmpty { try enter() }
            if case .op(let o) = currentKind, ["==", "!=", "<", "<=", ">", ">="].contains(o) {
                _ = next()
                ops.append((o, try parseMath1()))
            } else if isName("in") {
                _ = next()
                ops.append(("in", try parseMath1()))
            } else if isName("not"), case .name("in") = peekKind() {
                _ = next()
                _ = next()
                ops.append(("notin", try parseMath1()))
            } else {
                break
            }
        }
        return ops.isEmpty ? first : .compare(first, ops, span)
    }

    mutating func parseMath1() throws -> Expr {
        var left = try parseConcat()
        let base = depth
        defer { depth = base }
        while true {
            if isOp("+") || isOp("-") {
                try enter()
                let t = next()
                let op: Value.BinaryOperator = t.kind == .op("+") ? .add : .subtract
                left = .binary(op, left, try parseConcat(), t.span)
            } else {
                return left
            }
        }
    }

    mutating func parseConcat() throws -> Expr {
        var left = try parseMath2()
        let base = depth
        defer { depth = base }
        while isOp("~") {
            try enter()
            let span = next().span
            left = .binary(.concat, left, try parseMath2(), span)
        }
        return left
    }

    mutating func parseMath2() throws -> Expr {
        var left = try parsePow()
        let base = depth
        defer { depth = base }
        while true {
            let op: Value.BinaryOperator
            switch currentKind {
            case .op("*"): op = .multiply
            case .op("/"): op = .divide
            case .op("//"): op = .floorDivide
            case .op("%"): op = .modulo
            default: return left
            }
            try enter()
            let span = next().span
            left = .binary(op, left, try parsePow(), span)
        }
    }

    mutating func parsePow() throws -> Expr {
        var left = try parseUnary()
        let base = depth
        defer { depth = base }
        while isOp("**") {
            try enter()
            let span = next().span
            left = .binary(.power, left, try parseUnary(), span)
        }
        return left
    }

    mutating func parseUnary(withFilter: Bool = true) throws -> Expr {
        try enter()
        defer { leave() }
        var node: Expr
        if isOp("-") {
            let span = next().span
            node = .negate(try parseUnary(withFilter: false), span)
        } else if isOp("+") {
            let span = next().span
            node = .plus(try parseUnary(withFilter: false), span)
        } else {
            node = try parsePrimary()
        }
        node = try parsePostfix(node)
        if withFilter { node = try parseFilterExpression(node) }
        return node
    }

    mutating func parsePrimary() throws -> Expr {
        let token = current
        switch token.kind {
        case .name(let n):
            _ = next()
            switch n {
            case "true", "True": return .constant(.bool(true), token.span)
            case "false", "False": return .constant(.bool(false), token.span)
            case "none", "None": return .constant(.none, token.span)
            default: return .name(n, token.span)
            }
        case .string(var s):
            _ = next()
            while case .string(let more) = currentKind {
                s += more
                _ = next()
            }
            return .constant(.string(s), token.span)
        case .integer(let i):
            _ = next()
            return .constant(.int(i), token.span)
        case .float(let d):
            _ = next()
            return .constant(.float(d), token.span)
        case .op("("):
            _ = next()
            if skipOp(")") { return .tuple([], token.span) }
            let inner = try parseTuple()
            try expectOp(")")
            return inner
        case .op("["):
            _ = next()
            var items: [Expr] = []
            while !isOp("]") {
                if !items.isEmpty { try expectOp(",") }
                if isOp("]") { break }
                items.append(try parseExpression())
            }
            try expectOp("]")
            return .list(items, token.span)
        case .op("{"):
            _ = next()
            var pairs: [(key: Expr, value: Expr)] = []
            while !isOp("}") {
                if !pairs.isEmpty { try expectOp(",") }
                if isOp("}") { break }
                let key = try parseExpression()
                try expectOp(":")
                pairs.append((key, try parseExpression()))
            }
            try expectOp("}")
            return .dict(pairs, token.span)
        case .eof:
            throw eofError(expected: "an expression")
        default:
            throw fail("unexpected \(token.kind)")
        }
    }

    mutating func parsePostfix(_ start: Expr) throws -> Expr {
        var node = start
        let base = depth
        defer { depth = base }
        while true {
            if isOp(".") || isOp("[") || isOp("(") { try enter() }
            if isOp(".") || isOp("[") {
                node = try parseSubscript(node)
            } else if isOp("(") {
                node = try parseCall(node)
            } else {
                return node
            }
        }
    }

    mutating func parseFilterExpression(_ start: Expr) throws -> Expr {
        var node = start
        let base = depth
        defer { depth = base }
        while true {
            if isOp("|") || isName("is") || isOp("(") { try enter() }
            if isOp("|") {
                node = try parseFilter(node)
            } else if isName("is") {
                node = try parseTest(node)
            } else if isOp("(") {
                node = try parseCall(node)
            } else {
                return node
            }
        }
    }

    mutating func parseSubscript(_ target: Expr) throws -> Expr {
        let token = next()
        if token.kind == .op(".") {
            switch currentKind {
            case .name(let n):
                _ = next()
                return .attribute(target, n, token.span)
            case .integer(let i):
                _ = next()
                return .item(target, .constant(.int(i), token.span), token.span)
            default:
                throw fail("expected name or number after '.', got \(currentKind)")
            }
        }
        // '['
        var args: [Expr] = []
        var isSlice = false
        var sliceParts: [Expr?] = []
        while !isOp("]") {
            if !args.isEmpty || !sliceParts.isEmpty { try expectOp(",") }
            let (expr, slice) = try parseSubscribed()
            if let slice {
                isSlice = true
                sliceParts = slice
            } else if let expr {
                args.append(expr)
            }
        }
        try expectOp("]")
        if isSlice {
            return .slice(target, start: sliceParts[0], stop: sliceParts[1], step: sliceParts[2], token.span)
        }
        if args.isEmpty { throw fail("expected an expression in '[]'", at: token.span) }
        if args.count == 1 { return .item(target, args[0], token.span) }
        return .item(target, .tuple(args, token.span), token.span)
    }

    /// One subscript: an expression or a slice `start:stop:step`.
    private mutating func parseSubscribed() throws -> (Expr?, [Expr?]?) {
        var start: Expr? = nil
        if !isOp(":") {
            start = try parseExpression()
            if !isOp(":") { return (start, nil) }
        }
        _ = next()  // ':'
        var stop: Expr? = nil
        if !isOp("]") && !isOp(",") && !isOp(":") { stop = try parseExpression() }
        var step: Expr? = nil
        if skipOp(":") {
            if !isOp("]") && !isOp(",") { step = try parseExpression() }
        }
        return (nil, [start, stop, step])
    }

    mutating func parseCallArguments() throws -> CallArguments {
        try expectOp("(")
        var args = CallArguments()
        var first = true
        while !isOp(")") {
            if !first { try expectOp(",") }
            first = false
            if isOp(")") { break }
            if isOp("*") {
                _ = next()
                args.starArgs = try parseExpression()
            } else if isOp("**") {
                _ = next()
                args.starKwargs = try parseExpression()
            } else if case .name(let n) = currentKind, peekKind() == .op("=") {
                _ = next()
                _ = next()
                args.keywords.append((n, try parseExpression()))
            } else {
                if !args.keywords.isEmpty || args.starKwargs != nil {
                    throw fail("positional argument follows keyword argument")
                }
                args.positional.append(try parseExpression())
            }
        }
        try expectOp(")")
        return args
    }

    mutating func parseCall(_ callee: Expr) throws -> Expr {
        let span = current.span
        return .call(callee, try parseCallArguments(), span)
    }

    /// A dotted filter or test name: `name` or `ns.name`.
    mutating func parseDottedName() throws -> String {
        var (name, _) = try expectIdentifier("a filter or test name")
        while isOp("."), case .name(let more) = peekKind() {
            _ = next()
            _ = next()
            name += "." + more
        }
        return name
    }

    mutating func parseFilter(_ target: Expr) throws -> Expr {
        let bar = next()
        let name = try parseDottedName()
        let args = isOp("(") ? try parseCallArguments() : .none
        return .filter(target, name, args, bar.span)
    }

    mutating func parseTest(_ target: Expr) throws -> Expr {
        let isToken = next()
        let negated = skipName("not")
        let name = try parseDottedName()
        var args = CallArguments.none
        switch currentKind {
        case .op("("):
            args = try parseCallArguments()
        case .name(let n) where !["else", "or", "and"].contains(n):
            if n == "is" { throw fail("You cannot chain multiple tests with is") }
            args.positional = [try parsePostfix(try parsePrimary())]
        case .string, .integer, .float, .op("["), .op("{"):
            args.positional = [try parsePostfix(try parsePrimary())]
        default:
            break
        }
        return .test(target, name, args, negated: negated, isToken.span)
    }

    /// The target of `for`, `set` and `with`: names, tuples, `ns.attr`.
    mutating func parseAssignTarget(allowNamespace: Bool = true, endNames: Set<String> = []) throws -> AssignTarget {
        let start = current.span
        var items: [AssignTarget] = []
        var sawComma = false
        while true {
            if !items.isEmpty {
                guard skipOp(",") else { break }
                sawComma = true
                if case .name(let n) = currentKind, endNames.contains(n) { break }
                if isOp("=") || isOp(")") { break }
            }
            items.append(try parseSingleTarget(allowNamespace: allowNamespace))
        }
        return sawComma || items.count != 1 ? .tuple(items, start) : items[0]
    }

    private mutating func parseSingleTarget(allowNamespace: Bool) throws -> AssignTarget {
        if skipOp("(") {
            let inner = try parseAssignTarget(allowNamespace: false)
            try expectOp(")")
            return inner
        }
        guard case .name(let n) = currentKind else {
            throw unexpected(expected: "a name to assign to")
        }
        let token = next()
        if ["true", "false", "none", "True", "False", "None"].contains(n) {
            throw fail("can't assign to constant '\(n)'", at: token.span)
        }
        if allowNamespace && isOp(".") {
            _ = next()
            let (attr, _) = try expectIdentifier("an attribute name")
            return .namespaceAttribute(n, attr, token.span)
        }
        return .name(n, token.span)
    }
}
