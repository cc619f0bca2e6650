/// One token of a template, with where it starts.
struct Token: Sendable {
    enum Kind: Sendable, Equatable {
        /// Template text outside tags, whitespace control already applied.
        case data(String)
        case variableBegin, variableEnd
        case blockBegin, blockEnd
        case name(String)
        case string(String)
        case integer(Int)
        case float(Double)
        /// An operator or punctuation: `+`, `//`, `==`, `(`, `|`, ...
        case op(String)
        case eof
    }

    var kind: Kind
    var span: Span
}

extension Token.Kind: CustomStringConvertible {
    /// The token as an error message names it, like Jinja's `describe_token`.
    var description: String {
        switch self {
        case .data: return "template data"
        case .variableBegin: return "begin of print statement"
        case .variableEnd: return "end of print statement"
        case .blockBegin: return "begin of statement block"
        case .blockEnd: return "end of statement block"
        case .name(let n): return "'\(n)'"
        case .string: return "string"
        case .integer: return "integer"
        case .float: return "float"
        case .op(let o): return "'\(o)'"
        case .eof: return "end of template"
        }
    }
}
