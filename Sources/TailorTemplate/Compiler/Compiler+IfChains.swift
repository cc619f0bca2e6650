/// `{% if segment == "a" %}…{% elif segment == "b" %}…{% else %}…{% endif %}`:
/// a chain whose every test compares one name with a literal string.
///
/// Run test by test, each branch looks the name up again and compares in a
/// closure of its own; the chain in an email picks the segment's copy, so
/// every recipient of the last segment pays for all the others. Here the
/// name is looked up once and its text compared with each literal in turn.
/// A value that is not a string (undefined, a number) runs the tests as
/// written (`testInTurn`, the chain compiled the general way), so errors and
/// comparisons stay exactly theirs.
extension Compiler {
    func compileStringChain(
        _ tests: [Expr], _ branches: [IfBranch], otherwise: Exec?, site: UInt64, span: Span, testInTurn: @escaping Exec
    ) throws -> Exec? {
        guard tests.count >= 2 else { return nil }
        var subject: (name: String, span: Span)? = nil
        var texts: [String] = []
        for test in tests {
            guard case .compare(.name(let name, let nameSpan), let rest, _) = test, rest.count == 1,
                rest[0].op == "==", case .constant(.string(let text), _) = rest[0].rhs,
                name != "super", name != "self", subject == nil || subject?.name == name
            else { return nil }
            if subject == nil { subject = (name, nameSpan) }
            texts.append(text)
        }
        guard let subject else { return nil }
        let value = try compile(.name(subject.name, subject.span))
        let literals = texts
        let source = self.source
        return { rt in
            try locating(source, span) {
                let text: String
                switch try value(rt) {
                case .string(let s), .markup(let s):
                    text = s
                default:
                    try testInTurn(rt)
                    return
                }
                for i in literals.indices where literals[i] == text {
                    rt.recorder?.decide(site, i)
                    try branches[i].body(rt)
                    return
                }
                rt.recorder?.decide(site, -1)
                try otherwise?(rt)
            }
        }
    }
}
