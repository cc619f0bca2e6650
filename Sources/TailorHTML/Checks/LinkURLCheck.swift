import Foundation

/// Link and image URLs that cannot work in a mailbox: empty ones and a bare
/// `#`, relative ones (a message has no base URL, so `/sale` and `//cdn…`
/// lead nowhere), and `javascript:` (never run, and a phishing signal).
///
/// Looks at `href` (a, area), `src` (img) and `background` (body, table,
/// td, th). Fragments (`#top`) and every absolute scheme (`https:`,
/// `mailto:`, `tel:`, `cid:`, `data:`) pass; so do ESP merge tags
/// (`*|UNSUB|*`, `%%view_online%%`, `[unsubscribe]`), which the ESP replaces.
struct LinkURLCheck: EmailCheck {
    var rules: [Rule] { [.emptyURL, .relativeURL, .javascriptURL] }

    static let attributes: [String: [String]] = [
        "a": ["href"], "area": ["href"], "img": ["src"], "body": ["background"], "table": ["background"],
        "td": ["background"], "th": ["background"],
    ]
    static let mergeTagPrefixes = ["*|", "%%", "[", "<%", "${", "{{", "{%"]

    enum Verdict: Equatable {
        case fine, empty, placeholder, relative, javascript
    }

    func run(_ body: CheckedBody, _ sink: inout FindingSink) {
        for (node, element) in body.elements {
            guard let names = Self.attributes[element] else { continue }
            for name in names {
                guard let value = node.attribute(name) else { continue }
                let what = "<\(node.name) \(name)=\"\(ImageAltCheck.shortened(value))\">"
                switch Self.verdict(value) {
                case .fine: break
                case .empty:
                    sink.report(.emptyURL, "<\(node.name)> has an empty \(name)", at: body.offset(of: node))
                case .placeholder:
                    sink.report(.emptyURL, "\(what) goes nowhere", at: body.offset(of: node), help: "link to a real page")
                case .relative:
                    sink.report(
                        .relativeURL, "\(what) is relative: a mail client has no page to resolve it against",
                        at: body.offset(of: node), help: "write the full URL, with https://")
                case .javascript:
                    sink.report(.javascriptURL, "\(what): mail clients never run javascript: URLs", at: body.offset(of: node))
                }
            }
        }
    }

    /// What a URL attribute's value amounts to.
    static func verdict(_ raw: String) -> Verdict {
        // The common case, cheaply: an https link with nothing around it.
        if raw.utf8.starts(with: "https://".utf8) || raw.utf8.starts(with: "http://".utf8) { return .fine }
        let value = raw.trimmingCharacters(in: .whitespacesAndNewlines.union(.controlCharacters))
        if value.isEmpty { return .empty }
        if value == "#" { return .placeholder }
        if value.hasPrefix("#") { return .fine }
        if mergeTagPrefixes.contains(where: value.hasPrefix) { return .fine }
        if let scheme = scheme(of: value) {
            return scheme == "javascript" || scheme == "vbscript" ? .javascript : .fine
        }
        return .relative
    }

    /// The lowercase scheme of an absolute URL (`https`), nil when relative.
    static func scheme(of url: String) -> String? {
        guard let colon = url.firstIndex(of: ":") else { return nil }
        let scheme = url[..<colon]
        guard let first = scheme.first, first.isASCII, first.isLetter,
            scheme.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+.-".contains($0)) })
        else { return nil }
        return scheme.lowercased()
    }
}
