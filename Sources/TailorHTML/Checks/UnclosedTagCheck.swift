/// Elements opened and never closed, found in the bytes as written: libxml2
/// closes them silently (an unclosed `<td>` is closed by the `</tr>`), but
/// Outlook's Word engine and older webmail do not agree on where.
///
/// Reported at the start tag: "`<td>` is not closed before `</tr>`". Void
/// elements (`<img>`, `<br>`) have no end tag; `html`, `head` and `body` may
/// be left open; `p`, `li` and the others HTML lets the parser close are
/// ``Rule/unclosedOptionalTag``. End tags with nothing to close are libxml2's
/// "Unexpected end tag", reported by ``ParseErrorCheck``.
struct UnclosedTagCheck: EmailCheck {
    var rules: [Rule] { [.unclosedTag, .unclosedOptionalTag] }

    static let void: Set<String> = [
        "area", "base", "basefont", "br", "col", "embed", "frame", "hr", "img", "input", "isindex", "keygen", "link",
        "meta", "param", "source", "track", "wbr",
    ]
    static let implied: Set<String> = ["html", "head", "body"]
    static let optionalEnd: Set<String> = [
        "p", "li", "dt", "dd", "option", "optgroup", "rb", "rt", "rp", "colgroup", "caption", "thead", "tbody", "tfoot",
    ]

    func run(_ body: CheckedBody, _ sink: inout FindingSink) {
        var open: [MarkupScan.Tag] = []
        func unclosed(_ tag: MarkupScan.Tag, before closer: String?) {
            guard !Self.implied.contains(tag.name) else { return }
            let place = closer.map { "before </\($0)>" } ?? "before the end of the document"
            sink.report(
                Self.optionalEnd.contains(tag.name) ? .unclosedOptionalTag : .unclosedTag,
                "<\(tag.name)> is not closed \(place)", at: tag.offset, help: "add </\(tag.name)>")
        }
        for tag in body.scan.tags {
            if !tag.isEnd {
                if !tag.isSelfClosing, !Self.void.contains(tag.name) { open.append(tag) }
                continue
            }
            guard let index = open.lastIndex(where: { $0.name == tag.name }) else { continue }
            for inner in open[(index + 1)...] { unclosed(inner, before: tag.name) }
            open.removeSubrange(index...)
        }
        for tag in open { unclosed(tag, before: nil) }
    }
}
