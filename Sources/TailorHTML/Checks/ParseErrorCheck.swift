/// libxml2's own errors, from the structured error handler of the parse
/// (``HTMLDocument/diagnostics``), placed at the token they are about.
///
/// libxml2 2.9 knows HTML 4's elements only, so `<section>` or `<center>`'s
/// HTML 5 cousins would be "invalid"; those, and the `o:`/`v:` elements of
/// Office markup, are not reported. Errors inside an Outlook conditional
/// marker (`<![if !mso]>`) are left to ``ConditionalCommentCheck``.
struct ParseErrorCheck: EmailCheck {
    var rules: [Rule] { [.htmlParse, .unknownTag, .entity] }

    /// `xmlParserErrors` codes: XML_HTML_UNKNOWN_TAG, and the entity-reference ones.
    static let unknownTagCode = 801
    static let entityCodes: Set<Int> = [23, 24, 25, 26, 27, 68]
    /// XML_DTD_ID_REDEFINED: ``DuplicateIDCheck`` says it with both places.
    static let duplicateIDCode = 513

    /// Elements of HTML 5 that libxml2 2.9's HTML 4 table lacks.
    static let html5Elements: Set<String> = [
        "article", "aside", "audio", "bdi", "canvas", "data", "datalist", "details", "dialog", "figcaption",
        "figure", "footer", "header", "main", "mark", "meter", "nav", "output", "picture", "progress", "rp", "rt",
        "ruby", "section", "source", "summary", "template", "time", "track", "video", "wbr", "svg", "path", "g",
        "rect", "circle", "line", "polygon", "use", "defs", "math",
    ]

    func run(_ body: CheckedBody, _ sink: inout FindingSink) {
        let markers = body.scan.comments.filter(\.isMarker).map { $0.offset..<$0.end }
        for diagnostic in body.document.diagnostics {
            let offset = tokenStart(body, diagnostic)
            if let offset, markers.contains(where: { $0.contains(offset) }) { continue }
            if diagnostic.code == Self.duplicateIDCode { continue }
            if diagnostic.code == Self.unknownTagCode {
                let name = tagName(in: diagnostic.message)
                if name.contains(":") || Self.html5Elements.contains(name) { continue }
                sink.report(.unknownTag, "<\(name)> is not an HTML element", at: offset,
                            help: "mail clients drop unknown elements and may drop their content")
            } else if Self.entityCodes.contains(diagnostic.code) {
                sink.report(.entity, diagnostic.message, at: offset, help: "write a literal '&' as &amp;")
            } else if diagnostic.message.hasPrefix("Excessive depth in document") {
                // libxml2's own wording asks for a parser option the reader cannot set.
                sink.report(
                    .htmlParse, "elements nest more than 256 deep here; the parser stops reading the body", at: offset,
                    help: "flatten the markup: fewer tables within tables (mail clients give up on deep nesting too)")
            } else {
                sink.report(.htmlParse, diagnostic.message, at: offset)
            }
        }
    }

    /// libxml2 reports the position after the token it stopped on; back up to
    /// the `<` or `&` that starts it, on the same line.
    private func tokenStart(_ body: CheckedBody, _ diagnostic: ParseDiagnostic) -> Int? {
        guard diagnostic.line > 0, let at = body.lines.offset(line: diagnostic.line, column: diagnostic.column) else {
            return nil
        }
        var i = min(at, body.bytes.count) - 1
        let floor = max(0, at - 400)
        while i >= floor, body.bytes[i] != 10 {
            if body.bytes[i] == UInt8(ascii: "<") || body.bytes[i] == UInt8(ascii: "&") { return i }
            i -= 1
        }
        return at
    }

    /// `Tag section invalid` → `section`.
    private func tagName(in message: String) -> String {
        let words = message.split(separator: " ")
        return words.count >= 2 ? words[1].lowercased() : message
    }
}
