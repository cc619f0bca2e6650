/// Email tags, desugared into core nodes so every tool sees one form:
///
/// `{% segment 'loyal' %}…{% elsesegment 'new', 'returning' %}…{% else %}…{% endsegment %}`
/// becomes `{% if segment == 'loyal' %}…{% elif segment in ('new', 'returning') %}…{% else %}…{% endif %}`,
/// testing the recipient's primary segment.
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
}
