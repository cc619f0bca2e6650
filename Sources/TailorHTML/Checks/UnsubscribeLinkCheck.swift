/// The body must let the reader unsubscribe: Gmail's and Yahoo's bulk-sender
/// rules (2024) ask for a visible link besides the `List-Unsubscribe` header,
/// and CAN-SPAM asks for a clear way to opt out.
///
/// A link passes when its URL is the recipient's unsubscribe URL (when the
/// caller gives it), or when its URL or text says "unsubscribe", "unsub",
/// "opt out" or "opt-out", or it is an ESP's unsubscribe merge tag.
struct UnsubscribeLinkCheck: EmailCheck {
    var rules: [Rule] { [.unsubscribeLink] }

    static let words = ["unsub", "opt-out", "opt out", "optout", "abmelden", "désinscri", "desinscri", "darse de baja"]

    /// Whether `text` says one of ``words``, ignoring ASCII case (a byte search, no Unicode folding).
    static func mentions(_ text: String) -> Bool {
        let bytes = Array(text.utf8).map { $0 >= 65 && $0 <= 90 ? $0 | 32 : $0 }
        return patterns.contains { pattern in
            bytes.count >= pattern.count
                && (0...(bytes.count - pattern.count)).contains { MarkupScan.hasPrefix(bytes, at: $0, pattern) }
        }
    }

    static let patterns = words.map { Array($0.utf8) }

    func run(_ body: CheckedBody, _ sink: inout FindingSink) {
        // Footers hold it: look from the end.
        let links = body.elements(named: "a").reversed()
        let found = links.contains { link in
            let href = link.attribute("href") ?? ""
            if let url = body.unsubscribeURL, !url.isEmpty, href == url { return true }
            return Self.mentions(href) || Self.mentions(link.content)
        }
        if !found {
            sink.report(
                .unsubscribeLink, "the body has no unsubscribe link", at: nil,
                help: "link to {{ unsubscribe_url }}, e.g. <a href=\"{{ unsubscribe_url }}\">Unsubscribe</a>")
        }
    }
}
