/// Turns tokens into statements and expressions: a recursive-descent parser
/// following Jinja's grammar, with Jinja's precedence and error wording.
struct Parser {
    let source: SourceFile
    var tokens: [Token]
    var index = 0
    /// Open block tags, innermost last, for "expected 'endif' to close the 'if' on line 3".
    var openBlocks: [(tag: String, line: Int)] = []
    /// Names of `{% block %}`s seen so far: a name may be used once.
    var blockNames: Set<String> = []
    /// Nesting depth of expressions and statements, bounded against hostile input.
    var depth = 0
    static let maxDepth = 200
    /// `{% recommend %}` tags seen so far, to number them.
    var recommendBlocks = 0

    init(source: SourceFile, tokens: [Token]) {
        self.source = source
        self.tokens = tokens
    }

    /// Parses a whole template.
    static func parse(_ source: SourceFile, options: Options) throws -> [Stmt] {
        let tokens = try Lexer.tokenize(source, options: options)
        var parser = Parser(source: source, tokens: tokens)
        let (body, end) = try parser.subparse(endTags: [])
        precondition(end == nil)
        return body
    }

    // MARK: - Token stream

    var current: Token { tokens[index] }
    var currentKind: Token.Kind { tokens[index].kind }

    func peekKind(_ offset: Int = 1) -> Token.Kind {
        let i = min(index + offset, tokens.count - 1)
        return tokens[i].kind
    }

    mutating func next() -> Token {
        let t = tokens[index]
        if index < tokens.count - 1 { index += 1 }
        return t
    }

    func fail(_ message: String, at span: Span? = nil) -> TemplateError {
        TemplateError(.syntax, message).located(in: source, at: span ?? current.span)
    }

    /// Whether the current token is the operator `op`.
    func isOp(_ op: String) -> Bool {
        if case .op(let o) = currentKind { return o == op }
        return false
    }

    /// Whether the current token is the name `name`.
    func isName(_ name: String) -> Bool {
        if case .name(let n) = currentKind { return n == name }
        return false
    }

    mutating func skipOp(_ op: String) -> Bool {
        if isOp(op) { _ = next(); return true }
        return false
    }

    mutating func skipName(_ name: String) -> Bool {
        if isName(name) { _ = next(); return true }
        return false
    }

    mutating func expectOp(_ op: String) throws {
        guard isOp(op) else { throw unexpected(expected: "'\(op)'") }
        _ = next()
    }

    mutating func expectName(_ name: String) throws {
        guard isName(name) else { throw unexpected(expected: "'\(name)'") }
        _ = next()
    }

    /// Any name token (an identifier).
    mutating func expectIdentifier(_ what: String = "name") throws -> (String, Span) {
        guard case .name(let n) = currentKind else { throw unexpected(expected: what) }
        let t = next()
        return (n, t.span)
    }

    mutating func expectBlockEnd() throws {
        guard case .blockEnd = currentKind else { throw unexpected(expected: "end of statement block") }
        _ = next()
    }

    func unexpected(expected: String) -> TemplateError {
        if case .eof = currentKind { return eofError(expected: expected) }
        return fail("unexpected \(currentKind), expected \(expected)")
    }

    /// The message for a template that ends inside a tag or block.
    func eofError(expected: String? = nil) -> TemplateError {
        var message = "unexpected end of template"
        if let open = openBlocks.last {
            message += ", expected 'end\(open.tag)' to close the '\(open.tag)' on line \(open.line)"
        } else if let expected {
            message += ", expected \(expected)"
        }
        return fail(message)
    }

    mutating func enter() throws {
        depth += 1
        if depth > Self.maxDepth {
            throw fail("the template nests too deeply (more than \(Self.maxDepth) levels)")
        }
    }

    mutating func leave() { depth -= 1 }

    // MARK: - Statement lists

    /// Parses statements until one of `endTags` (a block tag name) or the end of
    /// the template. Returns the body and the end tag found; the stream is left
    /// on that tag's name (after `{%`).
    mutating func subparse(endTags: Set<String>) throws -> ([Stmt], String?) {
        var body: [Stmt] = []
        while true {
            switch currentKind {
            case .data(let text):
                body.append(.data(text, current.span))
                _ = next()
            case .variableBegin:
                let begin = next()
                if case .variableEnd = currentKind { throw fail("expected an expression, got 'end of print statement'") }
                let expr = try parseTuple()
                guard case .variableEnd = currentKind else {
                    throw unexpected(expected: "end of print statement")
                }
                _ = next()
                body.append(.output(expr, begin.span))
            case .blockBegin:
                _ = next()
                guard case .name(let tag) = currentKind else {
                    if case .blockEnd = currentKind { throw fail("tag name expected") }
                    throw unexpected(expected: "tag name")
                }
                if endTags.contains(tag) { return (body, tag) }
                body.append(contentsOf: try parseStatement())
            case .eof:
                if !endTags.isEmpty { throw eofError() }
                return (body, nil)
            default:
                throw fail("unexpected \(currentKind)")
            }
        }
    }

    /// Parses the body of a block tag up to one of `endTags`, with `tag` open.
    mutating func parseBody(of tag: String, line: Int, endTags: Set<String>) throws -> ([Stmt], String) {
        openBlocks.append((tag, line))
        defer { openBlocks.removeLast() }
        let (body, end) = try subparse(endTags: endTags)
        return (body, end!)
    }
}
