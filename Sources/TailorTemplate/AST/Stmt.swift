/// A statement node: text, output, and the tags.
indirect enum Stmt: Sendable {
    case data(String, Span)
    case output(Expr, Span)
    case `if`(branches: [(test: Expr, body: [Stmt])], otherwise: [Stmt]?, Span)
    case `for`(ForLoop)
    case set(target: AssignTarget, value: Expr, Span)
    case setBlock(target: AssignTarget, filters: [FilterCall], body: [Stmt], Span)
    case with(assignments: [(target: AssignTarget, value: Expr)], body: [Stmt], Span)
    case macro(MacroDefinition)
    case callBlock(call: Expr, macro: MacroDefinition, Span)
    case filterBlock(filters: [FilterCall], body: [Stmt], Span)
    case include(template: Expr, ignoreMissing: Bool, withContext: Bool, Span)
    case `import`(template: Expr, alias: String, withContext: Bool, Span)
    case fromImport(template: Expr, names: [(name: String, alias: String)], withContext: Bool, Span)
    case extends(Expr, Span)
    case block(BlockDefinition)
    case autoescape(Expr, body: [Stmt], Span)
}

/// Where an assignment stores: a name, a tuple of targets, or `ns.attr`.
indirect enum AssignTarget: Sendable {
    case name(String, Span)
    case tuple([AssignTarget], Span)
    case namespaceAttribute(String, String, Span)

    /// The variables this target binds.
    var boundNames: Set<String> {
        switch self {
        case .name(let n, _): return [n]
        case .tuple(let items, _): return items.reduce(into: []) { $0.formUnion($1.boundNames) }
        case .namespaceAttribute: return []
        }
    }
}

/// `name(args)` in a filter block or block-set filter chain.
struct FilterCall: Sendable {
    var name: String
    var arguments: CallArguments
    var span: Span
}

struct ForLoop: Sendable {
    var target: AssignTarget
    var iterable: Expr
    var condition: Expr?
    var body: [Stmt]
    var otherwise: [Stmt]?
    var recursive: Bool
    var span: Span
}

struct MacroDefinition: Sendable {
    var name: String
    var parameters: [(name: String, defaultValue: Expr?)]
    var body: [Stmt]
    var span: Span
}

struct BlockDefinition: Sendable {
    var name: String
    var body: [Stmt]
    var scoped: Bool
    var required: Bool
    var span: Span
}
