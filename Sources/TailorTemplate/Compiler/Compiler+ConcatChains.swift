/// `a ~ b ~ c ~ …`: a chain of three operands or more, joined into one
/// growing string.
///
/// Parsed as `((a ~ b) ~ c) ~ …`, each `~` makes a new string of everything
/// so far, and each is a closure of its own; a link built from a base URL, a
/// path and a few query parameters copies its start once per parameter. Here
/// the operands are evaluated in the same order and each is appended in
/// place, with the same rules (``ConcatJoin``) and errors located at the `~`
/// that would have raised them.
extension Compiler {
    func compileConcatChain(_ expr: Expr) throws -> Eval? {
        var operands: [Expr] = []
        var spans: [Span] = []
        var node = expr
        while case .binary(.concat, let lhs, let rhs, let span) = node {
            operands.append(rhs)
            spans.append(span)
            node = lhs
        }
        operands.append(node)
        guard operands.count >= 3 else { return nil }
        operands.reverse()
        spans.reverse()
        // spans[i] is the `~` joining what comes before operand i + 1 with it.
        let evals = try operands.map { CompiledExpr(eval: try compile($0)) }
        let joins = spans
        let source = self.source
        return { rt in
            var joined = try locating(source, joins[0]) {
                let a = try evals[0].eval(rt)
                let b = try evals[1].eval(rt)
                return try ConcatJoin(a, b, autoescape: rt.autoescape)
            }
            for i in 2..<evals.count {
                try locating(source, joins[i - 1]) { try joined.append(try evals[i].eval(rt)) }
            }
            return joined.value
        }
    }
}

/// The value of a chain of `~` so far: `Value.binary(.concat, …)` when
/// autoescaping (markup stays markup, the plain side is escaped), plain
/// printing otherwise, as the compiled `~` does pair by pair.
struct ConcatJoin {
    private var text: String
    private var isMarkup: Bool
    private let autoescape: Bool

    init(_ a: Value, _ b: Value, autoescape: Bool) throws {
        self.autoescape = autoescape
        guard autoescape else {
            text = try a.stringify() + b.stringify()
            isMarkup = false
            return
        }
        switch try Value.binary(.concat, a, b) {
        case .markup(let s):
            text = s
            isMarkup = true
        case let other:
            text = try other.stringify()
            isMarkup = false
        }
    }

    /// Joins `b` on, as `Value.binary(.concat, value, b)` would (the value so
    /// far is a string or markup, so only `b` can fail the strict check).
    mutating func append(_ b: Value) throws {
        guard autoescape else {
            text += try b.stringify()
            return
        }
        try b.checkStrict()
        switch b {
        case .markup(let y):
            if isMarkup {
                text += y
            } else {
                text = Escaping.escapeHTML(text) + y
                isMarkup = true
            }
        default:
            text += isMarkup ? Escaping.escapeHTML(try b.stringify()) : try b.stringify()
        }
    }

    var value: Value { isMarkup ? .markup(text) : .string(text) }
}
