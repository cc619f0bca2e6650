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

    func run(_ body: CheckedBody, _ sink: inout FindingSink) {
        let links = body.document.elements(named: "a")
        let found = links.contains { link in
            let href = link.attribute("href") ?? ""
            if let url = body.unsubscribeURL, !url.isEmpty, href == url { return true }
            let said = (href + " " + link.content).lowercased()
            return Self.words.contains { said.contains($0) }
        }
        if !found {
            sink.report(
                .unsubscribeLink, "the body has no unsubscribe link", at: nil,
                help: "link to {{ unsubscribe_url }}, e.g. <a href=\"{{ unsubscribe_url }}\">Unsubscribe</a>")
        }
    }
}
