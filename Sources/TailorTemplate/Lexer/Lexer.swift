/// Splits a template source into tokens: text, `{{ }}` and `{% %}` tags with
/// the expression tokens inside them. Comments and `raw` blocks are handled
/// here; whitespace control (`-`, `+`, `trim_blocks`, `lstrip_blocks`,
/// `keep_trailing_newline`) is applied to the text tokens.
struct Lexer {
    private let source: SourceFile
    private let bytes: [UInt8]
    private let options: Options
    private var pos = 0
    private var line = 1
    /// Column of `pos` in characters, kept as the lexer advances.
    private var column = 1
    private var tokens: [Token] = []
    /// Set by `-%}` / `-}}` / `-#}`: strip all whitespace from the next text.
    private var stripNextData = false
    /// Set by a block or comment end under `trim_blocks`: drop one newline.
    private var trimNextNewline = false
    /// Lexing a standalone expression rather than a template.
    private var expressionOnly = false

    init(source: SourceFile, options: Options) {
        self.source = source
        // Jinja normalizes line breaks in the source to "\n".
        var text: [UInt8] = []
        text.reserveCapacity(source.text.utf8.count)
        var previousCR = false
        for b in source.text.utf8 {
            if b == 13 {
                text.append(10)
                previousCR = true
                continue
            }
            if b == 10 && previousCR {
                previousCR = false
                continue
            }
            previousCR = false
            text.append(b)
        }
        if !options.keepTrailingNewline {
            if text.last == 10 {
                text.removeLast()
                if text.last == 13 { text.removeLast() }
            }
        }
        self.bytes = text
        self.options = options
    }

    static func tokenize(_ source: SourceFile, options: Options) throws -> [Token] {
        var lexer = Lexer(source: source, options: options)
        try lexer.run()
        return lexer.tokens
    }

    // MARK: - Positions

    private func currentSpan() -> Span {
        Span(line: line, column: column, offset: pos)
    }

    private mutating func advance(_ n: Int = 1) {
        for _ in 0..<n {
            if pos < bytes.count {
                if bytes[pos] == 10 {
                    line += 1
                    column = 1
                } else if bytes[pos] & 0xC0 != 0x80 {
                    column += 1
                }
            }
            pos += 1
        }
    }

    /// The position of `offset`, at or after the current one, counting forward
    /// from here (so long lines cost nothing extra).
    private func span(forward offset: Int) -> Span {
        var l = line
        var c = column
        var i = pos
        while i < offset && i < bytes.count {
            if bytes[i] == 10 {
                l += 1
                c = 1
            } else if bytes[i] & 0xC0 != 0x80 {
                c += 1
            }
            i += 1
        }
        return Span(line: l, column: c, offset: offset)
    }

    func syntaxError(_ message: String, at span: Span) -> TemplateError {
        TemplateError(.syntax, message).located(in: source, at: span)
    }

    private func peek(_ offset: Int = 0) -> UInt8? {
        let i = pos + offset
        return i < bytes.count ? bytes[i] : nil
    }

    private func matches(_ text: String, at offset: Int) -> Bool {
        var i = offset
        for b in text.utf8 {
            guard i < bytes.count, bytes[i] == b else { return false }
            i += 1
        }
        return true
    }

    // MARK: - Text and tags

    private enum TagKind { case variable, block, comment }

    private mutating func run() throws {
        while pos < bytes.count {
            // Find the next tag start.
            var i = pos
            var found: (Int, TagKind)? = nil
            while i + 1 < bytes.count {
                if bytes[i] == 123 {  // {
                    let next = bytes[i + 1]
                    if next == 123 { found = (i, .variable); break }
                    if next == 37 { found = (i, .block); break }
                    if next == 35 { found = (i, .comment); break }
                }
                i += 1
            }
            guard let (tagStart, kind) = found else {
                emitData(from: pos, to: bytes.count, tagKind: nil, tagModifier: nil)
                advance(bytes.count - pos)
                break
            }
            let modifier = tagStart + 2 < bytes.count ? bytes[tagStart + 2] : nil
            let modifierChar: UInt8? = (modifier == 45 || modifier == 43) ? modifier : nil
            // Raw blocks are text up to their endraw.
            if kind == .block, let rawEnd = rawBlockBody(tagStart) {
                emitData(from: pos, to: tagStart, tagKind: .block, tagModifier: modifierChar)
                advance(tagStart - pos)
                try lexRaw(start: tagStart, bodyStart: rawEnd)
                continue
            }
            emitData(from: pos, to: tagStart, tagKind: kind, tagModifier: modifierChar)
            advance(tagStart - pos)
            switch kind {
            case .comment: try lexComment()
            case .variable: try lexTag(variable: true)
            case .block: try lexTag(variable: false)
            }
        }
        tokens.append(Token(kind: .eof, span: currentSpan()))
    }

    /// Emits text `bytes[from..<to]`, applying the whitespace rules of the tags around it.
    private mutating func emitData(from: Int, to: Int, tagKind: TagKind?, tagModifier: UInt8?) {
        var start = from
        var end = to
        if stripNextData {
            while start < end && isSpace(bytes[start]) { start += 1 }
        } else if trimNextNewline {
            if start < end && bytes[start] == 10 {
                start += 1
            } else if start + 1 < end && bytes[start] == 13 && bytes[start + 1] == 10 {
                start += 2
            }
        }
        stripNextData = false
        trimNextNewline = false
        if let tagKind {
            if tagModifier == 45 {  // '-': strip all whitespace before the tag
                while end > start && isSpace(bytes[end - 1]) { end -= 1 }
            } else if options.lstripBlocks && tagModifier != 43 && tagKind != .variable {
                // Strip spaces and tabs back to the start of the line, if only those are there.
                var j = end
                while j > start && (bytes[j - 1] == 32 || bytes[j - 1] == 9) { j -= 1 }
                if j == 0 || bytes[j - 1] == 10 {
                    end = j
                }
            }
        }
        guard end > start else { return }
        let text = String(decoding: bytes[start..<end], as: UTF8.self)
        tokens.append(Token(kind: .data(text), span: span(forward: start)))
    }

    private func isSpace(_ b: UInt8) -> Bool {
        b == 32 || b == 9 || b == 10 || b == 13 || b == 11 || b == 12
    }

    private mutating func lexComment() throws {
        let start = currentSpan()
        advance(2)
        if peek() == 45 || peek() == 43 { advance() }
        while pos < bytes.count {
            if bytes[pos] == 35 && peek(1) == 125 {  // #}
                let dashBefore = pos > 0 && bytes[pos - 1] == 45
                let plusBefore = pos > 0 && bytes[pos - 1] == 43
                advance(2)
                if dashBefore { stripNextData = true } else if options.trimBlocks && !plusBefore { trimNextNewline = true }
                return
            }
            advance()
        }
        throw syntaxError("missing end of comment tag", at: start)
    }

    /// If the block tag at `start` is `{% raw %}` (with optional `-`/`+`),
    /// returns the offset just after it.
    private func rawBlockBody(_ start: Int) -> Int? {
        var i = start + 2
        if i < bytes.count && (bytes[i] == 45 || bytes[i] == 43) { i += 1 }
        while i < bytes.count && isSpace(bytes[i]) { i += 1 }
        guard matches("raw", at: i) else { return nil }
        i += 3
        if i < bytes.count, isNameByte(bytes[i]) { return nil }
        while i < bytes.count && isSpace(bytes[i]) { i += 1 }
        if matches("-%}", at: i) || matches("+%}", at: i) { return i + 3 }
        if matches("%}", at: i) { return i + 2 }
        return nil
    }

    private mutating func lexRaw(start: Int, bodyStart: Int) throws {
        let startSpan = currentSpan()
        let stripBodyStart = bodyStart >= 3 && bytes[bodyStart - 3] == 45
        var i = bodyStart
        while i + 1 < bytes.count {
            if bytes[i] == 123 && bytes[i + 1] == 37 {
                var j = i + 2
                let dash = j < bytes.count && bytes[j] == 45
                if j < bytes.count && (bytes[j] == 45 || bytes[j] == 43) { j += 1 }
                while j < bytes.count && isSpace(bytes[j]) { j += 1 }
                if matches("endraw", at: j) {
                    j += 6
                    while j < bytes.count && isSpace(bytes[j]) { j += 1 }
                    var endDash = false
                    if matches("-%}", at: j) { endDash = true; j += 3 } else if matches("+%}", at: j) { j += 3 } else if matches("%}", at: j) {
                        j += 2
                    } else {
                        i += 1
                        continue
                    }
                    var s = bodyStart
                    var e = i
                    if stripBodyStart { while s < e && isSpace(bytes[s]) { s += 1 } }
                    if dash {
                        while e > s && isSpace(bytes[e - 1]) { e -= 1 }
                    } else if options.lstripBlocks && bytes[i + 2] != 43 {
                        var k = e
                        while k > s && (bytes[k - 1] == 32 || bytes[k - 1] == 9) { k -= 1 }
                        if k == 0 || bytes[k - 1] == 10 { e = k }
                    }
                    if e > s {
                        tokens.append(Token(kind: .data(String(decoding: bytes[s..<e], as: UTF8.self)), span: span(forward: s)))
                    }
                    advance(j - pos)
                    if endDash { stripNextData = true } else if options.trimBlocks { trimNextNewline = true }
                    return
                }
            }
            i += 1
        }
        throw syntaxError("unexpected end of template, expected 'endraw' to close the 'raw' block", at: startSpan)
    }

    // MARK: - Inside tags

    private func isNameByte(_ b: UInt8) -> Bool {
        (b >= 97 && b <= 122) || (b >= 65 && b <= 90) || b == 95 || (b >= 48 && b <= 57) || b >= 0x80
    }

    private mutating func lexTag(variable: Bool) throws {
        let open = currentSpan()
        tokens.append(Token(kind: variable ? .variableBegin : .blockBegin, span: open))
        advance(2)
        if peek() == 45 || peek() == 43 { advance() }
        try lexTagBody(variable: variable, open: open)
    }

    /// Tokenizes a standalone expression (a segment rule, a campaign setting):
    /// the whole source is the inside of one tag.
    static func tokenizeExpression(_ source: SourceFile) throws -> [Token] {
        var lexer = Lexer(source: source, options: Options(keepTrailingNewline: true))
        lexer.expressionOnly = true
        try lexer.lexTagBody(variable: true, open: lexer.currentSpan())
        lexer.tokens.append(Token(kind: .eof, span: lexer.currentSpan()))
        return lexer.tokens
    }

    private mutating func lexTagBody(variable: Bool, open: Span) throws {
        var brackets: [UInt8] = []
        while true {
            // Skip whitespace.
            while let b = peek(), isSpace(b) { advance() }
            if expressionOnly && peek() == nil {
                if let last = brackets.last {
                    let want = last == 40 ? ")" : (last == 91 ? "]" : "}")
                    throw syntaxError("unexpected end of expression, expected '\(want)'", at: currentSpan())
                }
                return
            }
            guard let b = peek() else {
                throw syntaxError(
                    "unexpected end of template, expected '\(variable ? "}}" : "%}")' to close the tag", at: open)
            }
            // End of tag (only when brackets are balanced).
            if brackets.isEmpty && !expressionOnly {
                if variable {
                    if b == 125 && peek(1) == 125 { return finishTag(variable: true, strip: false, plus: false, width: 2) }
                    if b == 45 && peek(1) == 125 && peek(2) == 125 { return finishTag(variable: true, strip: true, plus: false, width: 3) }
                } else {
                    if b == 37 && peek(1) == 125 { return finishTag(variable: false, strip: false, plus: false, width: 2) }
                    if b == 45 && peek(1) == 37 && peek(2) == 125 { return finishTag(variable: false, strip: true, plus: false, width: 3) }
                    if b == 43 && peek(1) == 37 && peek(2) == 125 { return finishTag(variable: false, strip: false, plus: true, width: 3) }
                }
            }
            let tokenSpan = currentSpan()
            if b == 39 || b == 34 {
                tokens.append(Token(kind: .string(try lexString(quote: b)), span: tokenSpan))
            } else if b >= 48 && b <= 57 {
                tokens.append(Token(kind: try lexNumber(), span: tokenSpan))
            } else if isNameByte(b) {
                let start = pos
                while let c = peek(), isNameByte(c) { advance() }
                tokens.append(Token(kind: .name(String(decoding: bytes[start..<pos], as: UTF8.self)), span: tokenSpan))
            } else {
                let op = try lexOperator()
                switch op {
                case "(", "[", "{": brackets.append(op.utf8.first!)
                case ")", "]", "}":
                    let expected: UInt8 = op == ")" ? 40 : (op == "]" ? 91 : 123)
                    guard brackets.last == expected else {
                        if brackets.isEmpty {
                            throw syntaxError("unexpected '\(op)'", at: tokenSpan)
                        }
                        let want = brackets.last == 40 ? ")" : (brackets.last == 91 ? "]" : "}")
                        throw syntaxError("unexpected '\(op)', expected '\(want)'", at: tokenSpan)
                    }
                    brackets.removeLast()
                default: break
                }
                tokens.append(Token(kind: .op(op), span: tokenSpan))
            }
        }
    }

    private mutating func finishTag(variable: Bool, strip: Bool, plus: Bool, width: Int) {
        let s = currentSpan()
        advance(width)
        tokens.append(Token(kind: variable ? .variableEnd : .blockEnd, span: s))
        if strip {
            stripNextData = true
        } else if !variable && options.trimBlocks && !plus {
            trimNextNewline = true
        }
    }

    private static let operators: [String] = [
        "**", "//", "==", "!=", "<=", ">=",
        "+", "-", "*", "/", "%", "~", "(", ")", "[", "]", "{", "}", "<", ">", "=", ".", ":", "|", ",", ";",
    ]

    private mutating func lexOperator() throws -> String {
        for op in Self.operators where matches(op, at: pos) {
            advance(op.utf8.count)
            return op
        }
        let s = currentSpan()
        let scalar = String(decoding: bytes[pos..<min(pos + 4, bytes.count)], as: UTF8.self).unicodeScalars.first
        throw syntaxError("unexpected char '\(scalar.map { String($0) } ?? "?")' at \(pos)", at: s)
    }

    private mutating func lexNumber() throws -> Token.Kind {
        let start = pos
        let startSpan = currentSpan()
        // 0x1F, 0o17, 0b101
        if peek() == 48, let p = peek(1), let radix = [120: 16, 88: 16, 111: 8, 79: 8, 98: 2, 66: 2][p] {
            advance(2)
            let digitsStart = pos
            while let c = peek(), isNameByte(c) { advance() }
            let text = String(decoding: bytes[digitsStart..<pos], as: UTF8.self).replacingOccurrences("_", "")
            guard let value = Int(text, radix: radix) else {
                throw syntaxError("invalid number literal '\(String(decoding: bytes[start..<pos], as: UTF8.self))'", at: startSpan)
            }
            return .integer(value)
        }
        var isFloat = false
        func digits() {
            while let c = peek(), (c >= 48 && c <= 57) || (c == 95 && (peek(1).map { $0 >= 48 && $0 <= 57 } ?? false)) {
                advance()
            }
        }
        digits()
        // After `.` (as in `x.0.1`) a number is an index, never a float.
        let afterDot = tokens.last?.kind == .op(".")
        if !afterDot, peek() == 46, let n = peek(1), n >= 48 && n <= 57 {
            isFloat = true
            advance()
            digits()
        }
        if !afterDot, peek() == 101 || peek() == 69 {
            var k = 1
            if peek(1) == 43 || peek(1) == 45 { k = 2 }
            if let n = peek(k), n >= 48 && n <= 57 {
                isFloat = true
                advance(k)
                digits()
            }
        }
        let text = String(decoding: bytes[start..<pos], as: UTF8.self).replacingOccurrences("_", "")
        if isFloat {
            guard let d = Double(text) else { throw syntaxError("invalid number '\(text)'", at: startSpan) }
            return .float(d)
        }
        if let i = Int(text) { return .integer(i) }
        guard let d = Double(text) else { throw syntaxError("invalid number '\(text)'", at: startSpan) }
        return .float(d)
    }

    /// A Python string literal: backslash escapes as Python reads them.
    private mutating func lexString(quote: UInt8) throws -> String {
        let startSpan = currentSpan()
        advance()
        var out = [UInt8]()
        while true {
            guard let b = peek() else {
                throw syntaxError("unexpected end of string literal", at: startSpan)
            }
            if b == quote { advance(); break }
            if b == 92 {  // backslash
                guard let e = peek(1) else { throw syntaxError("unexpected end of string literal", at: startSpan) }
                advance(2)
                switch e {
                case 110: out.append(10)  // n
                case 116: out.append(9)  // t
                case 114: out.append(13)  // r
                case 48: out.append(0)
                case 97: out.append(7)
                case 98: out.append(8)
                case 102: out.append(12)
                case 118: out.append(11)
                case 92, 39, 34: out.append(e)
                case 10: break  // line continuation
                case 120, 117, 85:  // x, u, U
                    let count = e == 120 ? 2 : (e == 117 ? 4 : 8)
                    var value: UInt32 = 0
                    for _ in 0..<count {
                        guard let h = peek(), let d = hexDigit(h) else {
                            throw syntaxError("truncated \\\(Character(UnicodeScalar(e))) escape in string literal", at: startSpan)
                        }
                        value = value * 16 + d
                        advance()
                    }
                    guard let scalar = Unicode.Scalar(value) else {
                        throw syntaxError("invalid Unicode escape in string literal", at: startSpan)
                    }
                    out.append(contentsOf: Array(String(scalar).utf8))
                default:
                    out.append(92)
                    out.append(e)
                }
                continue
            }
            out.append(b)
            advance()
        }
        return String(decoding: out, as: UTF8.self)
    }

    private func hexDigit(_ b: UInt8) -> UInt32? {
        switch b {
        case 48...57: return UInt32(b - 48)
        case 97...102: return UInt32(b - 87)
        case 65...70: return UInt32(b - 55)
        default: return nil
        }
    }
}

extension String {
    fileprivate func replacingOccurrences(_ target: Character, _ replacement: String) -> String {
        var out = ""
        for ch in self { if ch == target { out += replacement } else { out.append(ch) } }
        return out
    }
}
