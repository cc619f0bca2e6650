import Foundation

/// Outlook's conditional comments, which tailor passes through verbatim and
/// never rewrites, so a mistake in them reaches Outlook as written:
///
/// - downlevel-hidden, seen only by Outlook: `<!--[if mso]> ... <![endif]-->`;
/// - downlevel-revealed, seen by everyone but Outlook:
///   `<!--[if !mso]><!--> ... <!--<![endif]-->`, or the older bare
///   `<![if !mso]> ... <![endif]>`.
///
/// Reported: an opener without its `<![endif]`, a closer with nothing open,
/// nesting (a comment cannot contain `-->`, so the inner closer ends the outer
/// comment), a space in `<!-- [if`, a condition without `]>`, and markers
/// escaped to `&lt;!--[if` by autoescaping.
struct ConditionalCommentCheck: EmailCheck {
    var rules: [Rule] { [.conditionalComment] }

    func run(_ body: CheckedBody, _ sink: inout FindingSink) {
        var revealed: [MarkupScan.Comment] = []
        func report(_ message: String, at offset: Int, help: String? = nil) {
            sink.report(.conditionalComment, message, at: offset, help: help)
        }
        for comment in body.scan.comments {
            let text = comment.text
            if comment.isMarker {
                let inner = text.dropFirst(3).lowercased()  // after "<!["
                if inner.hasPrefix("if "), inner.hasSuffix("]>") {
                    if !revealed.isEmpty { report("conditional \(text) inside another one", at: comment.offset) }
                    revealed.append(comment)
                } else if inner == "endif]>" {
                    if revealed.popLast() == nil { report("<![endif]> closes no conditional", at: comment.offset) }
                } else if inner.hasPrefix("endif]") {
                    report(
                        "\(text) closes a conditional comment that is not open (an inner '-->' ended it earlier?)",
                        at: comment.offset, help: "conditional comments cannot nest; close each one before the next")
                } else if !inner.hasPrefix("cdata[") {
                    report("\(text) is not a conditional Outlook understands", at: comment.offset)
                }
                continue
            }
            let lower = text.lowercased()
            if lower.hasPrefix("[if") {
                guard let close = lower.range(of: "]>") else {
                    report("<!--\(text.prefix(20))... has no ']>' after its condition", at: comment.offset)
                    continue
                }
                let rest = lower[close.upperBound...]
                if rest == "<!" {
                    if !revealed.isEmpty { report("conditional comment inside another one", at: comment.offset) }
                    revealed.append(comment)
                } else if comment.isUnterminated || !rest.hasSuffix("<![endif]") {
                    report(
                        "<!--\(text[..<close.upperBound]) has no <![endif]--> to close it", at: comment.offset,
                        help: "end it with <![endif]-->, with no space before the -->")
                } else if rest.dropLast(9).contains("<!--[if") {
                    report("conditional comment nested in another one", at: comment.offset)
                }
            } else if lower == "<![endif]" {
                if revealed.popLast() == nil { report("<!--<![endif]--> closes no conditional", at: comment.offset) }
            } else if lower.trimmingCharacters(in: .whitespacesAndNewlines).hasPrefix("[if") {
                report(
                    "<!--\(text.prefix(16))...: Outlook ignores a conditional with a space after '<!--'",
                    at: comment.offset, help: "write <!--[if ...]> with nothing between <!-- and [")
            } else if lower.contains("[endif]") {
                report("<!--\(text.prefix(24))... is a mangled <![endif]-->", at: comment.offset)
            }
        }
        for opener in revealed {
            report("\(opener.isMarker ? opener.text : "<!--" + opener.text + "-->") has no <![endif] to close it", at: opener.offset)
        }
        for escaped in ["&lt;!--[if", "&lt;![endif]", "&lt;![if"] {
            var from = 0
            while let at = MarkupScan.find(escaped, in: body.bytes, from: from) {
                report(
                    "an escaped conditional comment ('\(escaped)'): autoescaping turned it into text", at: at,
                    help: "write conditional comments as template text, not through {{ }}")
                from = at + escaped.utf8.count
            }
        }
    }
}
