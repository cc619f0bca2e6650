/// Email tags, desugared into core nodes so every tool sees one form:
///
/// `{% segment 'loyal' %}…{% elsesegment 'new', 'returning' %}…{% else %}…{% endsegment %}`
/// becomes `{% if segment == 'loyal' %}…{% elif segment in ('new', 'returning') %}…{% else %}…{% endif %}`,
/// testing the recipient's primary segment.
///
/// `{% recommend item using 'cart', 'bestsellers' limit 4 min 3 skip %}…{% else %}…{% endrecommend %}`
/// becomes `{% for item in recommend('cart', 'bestsellers', limit=4, min=3, short='skip', block=N) %}…{% else %}…{% endfor %}`,
/// so `loop.*` and `else` work as in any loop; `block` numbers the tags of a template.
extension Parser {
    mutating func parseSegment() throws -> Stmt {
        let span = next().span
        var branches: [(test: Expr, body: [Stmt])] = []
        var otherwise: [Stmt]? = nil
        var test = try parseSegmentNames(span)
        while true {
            let (body, end) = try parseBody(
                of: "segment", line: Int(span.line), endTags: ["elsesegment", "else", "endsegment"])
            _ = next()
            branches.append((test, body))
            if end == "elsesegment" {
                test = try parseSegmentNames(span)
                continue
            }
            if end == "else" {
                try expectBlockEnd()
                let (elseBody, _) = try parseBody(of: "segment", line: Int(span.line), endTags: ["endsegment"])
                _ = next()
                otherwise = elseBody
            }
            try expectBlockEnd()
            return .if(branches: branches, otherwise: otherwise, span)
        }
    }

    /// `'a'` or `'a', 'b'`: segment names as string literals, up to the tag end.
    private mutating func parseSegmentNames(_ tagSpan: Span) throws -> Expr {
        var names: [Expr] = []
        let start = current.span
        repeat {
            guard case .string(let name) = currentKind else {
                throw unexpected(expected: "a segment name in quotes, like {% segment 'loyal' %}")
            }
            names.append(.constant(.string(name), next().span))
        } while skipOp(",")
        try expectBlockEnd()
        let segment = Expr.name("segment", start)
        if names.count == 1 { return .compare(segment, [("==", names[0])], start) }
        return .compare(segment, [("in", .tuple(names, start))], start)
    }

    mutating func parseRecommend() throws -> Stmt {
        let span = next().span
        let target = try parseAssignTarget(allowNamespace: false, endNames: ["using"])
        try expectName("using")
        var args = CallArguments()
        repeat {
            guard case .string = currentKind else {
                throw unexpected(expected: "a strategy name in quotes, like 'bestsellers'")
            }
            args.positional.append(try parsePrimary())
        } while skipOp(",")
        while case .name(let word) = currentKind, ["limit", "min", "skip", "else"].contains(word) {
            let wordSpan = next().span
            switch word {
            case "limit", "min":
                args.keywords.append((word, try parseUnary()))
            case "skip":
                args.keywords.append(("short", .constant(.string("skip"), wordSpan)))
            default:
                args.keywords.append(("short", .constant(.string("else"), wordSpan)))
            }
        }
        recommendBlocks += 1
        args.keywords.append(("block", .constant(.int(recommendBlocks), span)))
        try expectBlockEnd()
        let (body, end) = try parseBody(of: "recommend", line: Int(span.line), endTags: ["else", "endrecommend"])
        _ = next()
        var otherwise: [Stmt]? = nil
        if end == "else" {
            try expectBlockEnd()
            let (elseBody, _) = try parseBody(of: "recommend", line: Int(span.line), endTags: ["endrecommend"])
            _ = next()
            otherwise = elseBody
        }
        try expectBlockEnd()
        let call = Expr.call(.name("recommend", span), args, span)
        return .for(
            ForLoop(target: target, iterable: call, condition: nil, body: body, otherwise: otherwise, recursive: false, span: span))
    }
}
