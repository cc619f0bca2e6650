/// An expression node of the template language, with where it starts.
indirect enum Expr: Sendable {
    case constant(Value, Span)
    case name(String, Span)
    case attribute(Expr, String, Span)
    case item(Expr, Expr, Span)
    case slice(Expr, start: Expr?, stop: Expr?, step: Expr?, Span)
    case call(Expr, CallArguments, Span)
    case filter(Expr, String, CallArguments, Span)
    case test(Expr, String, CallArguments, negated: Bool, Span)
    case binary(Value.BinaryOperator, Expr, Expr, Span)
    case negate(Expr, Span)
    case plus(Expr, Span)
    case not(Expr, Span)
    case and(Expr, Expr, Span)
    case or(Expr, Expr, Span)
    /// `a < b <= c`: each operator with its right operand.
    case compare(Expr, [(op: String, rhs: Expr)], Span)
    case conditional(test: Expr, then: Expr, otherwise: Expr?, Span)
    case list([Expr], Span)
    case tuple([Expr], Span)
    case dict([(key: Expr, value: Expr)], Span)

    var span: Span {
        switch self {
        case .constant(_, let s), .name(_, let s), .attribute(_, _, let s), .item(_, _, let s),
            .slice(_, _, _, _, let s), .call(_, _, let s), .filter(_, _, _, let s), .test(_, _, _, _, let s),
            .binary(_, _, _, let s), .negate(_, let s), .plus(_, let s), .not(_, let s), .and(_, _, let s),
            .or(_, _, let s), .compare(_, _, let s), .conditional(_, _, _, let s), .list(_, let s),
            .tuple(_, let s), .dict(_, let s):
            return s
        }
    }
}

/// The arguments written in a call: `f(a, b, *rest, k=v, **more)`.
struct CallArguments: Sendable {
    var positional: [Expr] = []
    var keywords: [(name: String, value: Expr)] = []
    var starArgs: Expr? = nil
    var starKwargs: Expr? = nil

    static let none = CallArguments()
}

extension CallArguments {
    var isEmpty: Bool { positional.isEmpty && keywords.isEmpty && starArgs == nil && starKwargs == nil }
}
