/// Block tags: control flow, assignment, inheritance, includes and imports.
extension Parser {
    /// Tags that only end or continue another tag.
    static let closingTags: Set<String> = [
        "endif", "endfor", "endblock", "endmacro", "endcall", "endfilter", "endset", "endwith",
        "endautoescape", "endraw", "else", "elif", "endsegment", "elsesegment", "endrecommend",
    ]

    /// Parses the tag whose name is the current token (after `{%`).
    mutating func parseStatement() throws -> [Stmt] {
        guard case .name(let tag) = currentKind else { throw unexpected(expected: "tag name") }
        try enter()
        defer { leave() }
        let span = current.span
        switch tag {
        case "if": return [try parseIf()]
        case "for": return [try parseFor()]
        case "set": return [try parseSet()]
        case "with": return [try parseWith()]
        case "macro": return [try parseMacro()]
        case "call": return [try parseCallBlock()]
        case "filter": return [try parseFilterBlock()]
        case "include": return [try parseInclude()]
        case "import": return [try parseImport()]
        case "from": return [try parseFromImport()]
        case "extends":
            _ = next()
            let target = try parseExpression()
            try expectBlockEnd()
            return [.extends(target, span)]
        case "block": return [try parseBlock()]
        case "segment": return [try parseSegment()]
        case "recommend": return [try parseRecommend()]
        case "autoescape":
            _ = next()
            let value = try parseExpression()
            try expectBlockEnd()
            let (body, _) = try parseBody(of: "autoescape", line: Int(span.line), endTags: ["endautoescape"])
            _ = next()
            try expectBlockEnd()
            return [.autoescape(value, body: body, span)]
        default:
            if Self.closingTags.contains(tag) {
                if let open = openBlocks.last {
                    throw fail("unexpected '\(tag)', expected 'end\(open.tag)' to close the '\(open.tag)' on line \(open.line)")
                }
                throw fail("unexpected '\(tag)': there is no open block for it to close")
            }
            var message = "encountered unknown tag '\(tag)'"
            if let open = openBlocks.last {
                message += "; the innermost block that needs to be closed is '\(open.tag)' (line \(open.line))"
            }
            throw fail(message)
        }
    }

    private mutating func parseIf() throws -> Stmt {
        let span = next().span
        var branches: [(test: Expr, body: [Stmt])] = []
        var otherwise: [Stmt]? = nil
        var test = try parseTuple(withConditional: true)
        try expectBlockEnd()
        while true {
            let (body, end) = try parseBody(of: "if", line: Int(span.line), endTags: ["elif", "else", "endif"])
            _ = next()
            branches.append((test, body))
            if end == "elif" {
                test = try parseTuple(withConditional: true)
                try expectBlockEnd()
                continue
            }
            if end == "else" {
                try expectBlockEnd()
                let (elseBody, _) = try parseBody(of: "if", line: Int(span.line), endTags: ["endif"])
                _ = next()
                otherwise = elseBody
            }
            try expectBlockEnd()
            break
        }
        return .if(branches: branches, otherwise: otherwise, span)
    }

    private mutating func parseFor() throws -> Stmt {
        let span = next().span
        let target = try parseAssignTarget(allowNamespace: false, endNames: ["in"])
        try expectName("in")
        let iterable = try parseTuple(withConditional: false, endNames: ["recursive"])
        var condition: Expr? = nil
        if skipName("if") { condition = try parseExpression() }
        let recursive = skipName("recursive")
        try expectBlockEnd()
        let (body, end) = try parseBody(of: "for", line: Int(span.line), endTags: ["endfor", "else"])
        _ = next()
        var otherwise: [Stmt]? = nil
        if end == "else" {
            try expectBlockEnd()
            let (elseBody, _) = try parseBody(of: "for", line: Int(span.line), endTags: ["endfor"])
            _ = next()
            otherwise = elseBody
        }
        try expectBlockEnd()
        return .for(
            ForLoop(
                target: target, iterable: iterable, condition: condition, body: body, otherwise: otherwise,
                recursive: recursive, span: span))
    }

    private mutating func parseSet() throws -> Stmt {
        let span = next().span
        let target = try parseAssignTarget()
        if skipOp("=") {
            let value = try parseTuple()
            try expectBlockEnd()
            return .set(target: target, value: value, span)
        }
        var filters: [FilterCall] = []
        while isOp("|") {
            let bar = next()
            let name = try parseDottedName()
            let args = isOp("(") ? try parseCallArguments() : .none
            filters.append(FilterCall(name: name, arguments: args, span: bar.span))
        }
        try expectBlockEnd()
        let (body, _) = try parseBody(of: "set", line: Int(span.line), endTags: ["endset"])
        _ = next()
        try expectBlockEnd()
        return .setBlock(target: target, filters: filters, body: body, span)
    }

    private mutating func parseWith() throws -> Stmt {
        let span = next().span
        var assignments: [(target: AssignTarget, value: Expr)] = []
        while case .name = currentKind {
            let target = try parseAssignTarget(allowNamespace: false)
            try expectOp("=")
            assignments.append((target, try parseExpression()))
            if !isOp(",") { break }
            _ = next()
        }
        try expectBlockEnd()
        let (body, _) = try parseBody(of: "with", line: Int(span.line), endTags: ["endwith"])
        _ = next()
        try expectBlockEnd()
        return .with(assignments: assignments, body: body, span)
    }

    /// `(a, b=1)` of a macro or call block.
    private mutating func parseSignature() throws -> [(name: String, defaultValue: Expr?)] {
        try expectOp("(")
        var params: [(name: String, defaultValue: Expr?)] = []
        while !isOp(")") {
            if !params.isEmpty { try expectOp(",") }
            if isOp(")") { break }
            let (name, nameSpan) = try expectIdentifier("a parameter name")
            if params.contains(where: { $0.name == name }) {
                throw fail("duplicate argument '\(name)' in the signature", at: nameSpan)
            }
            var defaultValue: Expr? = nil
            if skipOp("=") {
                defaultValue = try parseExpression()
            } else if params.contains(where: { $0.defaultValue != nil }) {
                throw fail("non-default argument follows default argument", at: nameSpan)
            }
            params.append((name, defaultValue))
        }
        try expectOp(")")
        return params
    }

    private mutating func parseMacro() throws -> Stmt {
        let span = next().span
        let (name, _) = try expectIdentifier("a macro name")
        let params = try parseSignature()
        try expectBlockEnd()
        let (body, _) = try parseBody(of: "macro", line: Int(span.line), endTags: ["endmacro"])
        _ = next()
        try expectBlockEnd()
        return .macro(MacroDefinition(name: name, parameters: params, body: body, span: span))
    }

    private mutating func parseCallBlock() throws -> Stmt {
        let span = next().span
        let params = isOp("(") ? try parseSignature() : []
        let call = try parseExpression()
        guard case .call = call else { throw fail("expected call", at: call.span) }
        try expectBlockEnd()
        let (body, _) = try parseBody(of: "call", line: Int(span.line), endTags: ["endcall"])
        _ = next()
        try expectBlockEnd()
        return .callBlock(call: call, macro: MacroDefinition(name: "caller", parameters: params, body: body, span: span), span)
    }

    private mutating func parseFilterBlock() throws -> Stmt {
        let span = next().span
        var filters: [FilterCall] = []
        repeat {
            let fspan = current.span
            let name = try parseDottedName()
            let args = isOp("(") ? try parseCallArguments() : .none
            filters.append(FilterCall(name: name, arguments: args, span: fspan))
        } while skipOp("|")
        try expectBlockEnd()
        let (body, _) = try parseBody(of: "filter", line: Int(span.line), endTags: ["endfilter"])
        _ = next()
        try expectBlockEnd()
        return .filterBlock(filters: filters, body: body, span)
    }

    private mutating func parseBlock() throws -> Stmt {
        let span = next().span
        let (name, nameSpan) = try expectIdentifier("a block name")
        if blockNames.contains(name) {
            throw TemplateError(.syntax, "block '\(name)' defined twice").located(in: source, at: nameSpan)
        }
        blockNames.insert(name)
        var scoped = false
        var required = false
        while true {
            if skipName("scoped") { scoped = true; continue }
            if skipName("required") { required = true; continue }
            break
        }
        if isOp("-") { throw fail("use an underscore instead of '-' in block names") }
        try expectBlockEnd()
        let (body, _) = try parseBody(of: "block", line: Int(span.line), endTags: ["endblock"])
        _ = next()
        if case .name(let endName) = currentKind {
            if endName != name { throw fail("mismatching name '\(endName)' for block '\(name)'") }
            _ = next()
        }
        try expectBlockEnd()
        if required {
            for stmt in body {
                if case .data(let text, _) = stmt, text.allSatisfy(\.isWhitespace) { continue }
                throw fail("required blocks can only contain comments or whitespace", at: span)
            }
        }
        return .block(BlockDefinition(name: name, body: body, scoped: scoped, required: required, span: span))
    }

    /// `with context` / `without context` after include and import; nil when absent.
    private mutating func parseContextModifier() throws -> Bool? {
        if isName("with") || isName("without"), case .name("context") = peekKind() {
            let with = isName("with")
            _ = next()
            _ = next()
            return with
        }
        return nil
    }

    private mutating func parseInclude() throws -> Stmt {
        let span = next().span
        let template = try parseExpression()
        var ignoreMissing = false
        if isName("ignore"), case .name("missing") = peekKind() {
            _ = next()
            _ = next()
            ignoreMissing = true
        }
        let withContext = try parseContextModifier() ?? true
        try expectBlockEnd()
        return .include(template: template, ignoreMissing: ignoreMissing, withContext: withContext, span)
    }

    private mutating func parseImport() throws -> Stmt {
        let span = next().span
        let template = try parseExpression()
        try expectName("as")
        let (alias, _) = try expectIdentifier("a name for the imported module")
        let withContext = try parseContextModifier() ?? false
        try expectBlockEnd()
        return .import(template: template, alias: alias, withContext: withContext, span)
    }

    private mutating func parseFromImport() throws -> Stmt {
        let span = next().span
        let template = try parseExpression()
        try expectName("import")
        var names: [(name: String, alias: String)] = []
        var withContext = false
        while true {
            if let modifier = try parseContextModifier() {
                withContext = modifier
                break
            }
            if !names.isEmpty {
                guard skipOp(",") else { break }
                if let modifier = try parseContextModifier() {
                    withContext = modifier
                    break
                }
            }
            guard case .name = currentKind else {
                if names.isEmpty { throw unexpected(expected: "a name to import") }
                break
            }
            let (name, nameSpan) = try expectIdentifier()
            if name.hasPrefix("_") {
                throw fail("names starting with an underline can not be imported", at: nameSpan)
            }
            var alias = name
            if skipName("as") { (alias, _) = try expectIdentifier("an alias") }
            names.append((name, alias))
        }
        if names.isEmpty { throw unexpected(expected: "a name to import") }
        try expectBlockEnd()
        return .fromImport(template: template, names: names, withContext: withContext, span)
    }
}
