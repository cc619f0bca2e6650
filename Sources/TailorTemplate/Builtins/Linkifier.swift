import Foundation

/// The word-by-word link detection of the `urlize` filter: `http(s)://` and
/// `www.` addresses, bare domains under common top-level domains, `mailto:`
/// and plain email addresses, with surrounding punctuation kept outside the link.
struct Linkifier {
    /// Longest link text before it is shortened with `...`.
    var trimLimit: Int?
    var rel: String
    var target: String?
    /// Schemes such as `tel:` linked as they are.
    var extraSchemes: [String]

    // A URL: scheme or `www.` with a domain, a bare domain with a common TLD,
    // or a scheme with an IP address; then an optional port and path.
    private static let urlPattern = try! NSRegularExpression(
        pattern: [
            #"^(?:(?:https?://|www\.)(?:[\w%-]+\.)*(?:[a-z]{2,63}|xn--[\w%]{2,59})"#,
            #"|(?:[\w%-]{2,63}\.)+(?:com|net|int|edu|gov|org|info|mil)"#,
            #"|https?://(?:\d{1,3}(?:\.\d{1,3}){3}|\[(?:[\da-f]{0,4}:){2}(?:[\da-f]{0,4}:?){1,6}\]))"#,
            #"(?::\d{1,5})?(?:[/?#]\S*)?$"#,
        ].joined(),
        options: [.caseInsensitive])
    private static let emailPattern = try! NSRegularExpression(pattern: #"^\S+@\w[\w.-]*\.\w+$"#)
    private static let schemePattern = try! NSRegularExpression(pattern: #"^[\w.+-]{2,}:(/){0,2}$"#)

    /// Whether the regex matches `s`.
    static func matches(_ regex: NSRegularExpression, _ s: String) -> Bool {
        regex.firstMatch(in: s, range: NSRange(s.startIndex..., in: s)) != nil
    }

    /// Whether `scheme` may be passed in `extra_schemes` (`tel:`, `ftp://`).
    static func isSchemePrefix(_ scheme: String) -> Bool {
        matches(schemePattern, scheme)
    }

    /// Links the URLs in `text`, which is escaped first unless it is already markup.
    func urlize(_ text: String, isMarkup: Bool) -> String {
        let escaped = isMarkup ? text : Escaping.escapeHTML(text)
        return linkWords(escaped)
    }

    /// Links each whitespace-separated word, keeping the whitespace.
    private func linkWords(_ text: String) -> String {
        var out = ""
        var word = ""
        var inSpace = false
        for c in text.unicodeScalars {
            let space = PyString.isSpace(c)
            if space != inSpace && !word.isEmpty {
                out += inSpace ? word : link(word)
                word = ""
            }
            inSpace = space
            word.unicodeScalars.append(c)
        }
        if !word.isEmpty { out += inSpace ? word : link(word) }
        return out
    }

    /// Link text shortened to `trim_url_limit` characters plus `...`.
    private func trimmed(_ url: String) -> String {
        guard let trimLimit, url.unicodeScalars.count > trimLimit else { return url }
        return PyString.string(url.unicodeScalars.prefix(trimLimit)) + "..."
    }

    /// Splits off leading `(`, `<`, `&lt;` and trailing `) > . ,` / `&gt;`,
    /// moving closing brackets back when the URL opens more than it closes.
    private func link(_ word: String) -> String {
        var head = ""
        var middle = word
        var tail = ""
        while true {
            if let p = ["(", "<", "&lt;"].first(where: { middle.hasPrefix($0) }) {
                head += p
                middle.removeFirst(p.count)
            } else {
                break
            }
        }
        while true {
            if let s = [")", ">", ".", ",", "\n", "&gt;"].first(where: { middle.hasSuffix($0) }) {
                tail = s + tail
                middle.removeLast(s.count)
            } else {
                break
            }
        }
        for (open, close) in [("(", ")"), ("<", ">"), ("&lt;", "&gt;")] {
            let opens = middle.components(separatedBy: open).count - 1
            guard opens > middle.components(separatedBy: close).count - 1 else { continue }
            for _ in 0..<min(opens, tail.components(separatedBy: close).count - 1) {
                guard let r = tail.range(of: close) else { break }
                middle += tail[..<r.upperBound]
                tail = String(tail[r.upperBound...])
            }
        }
        let relAttr = rel.isEmpty ? "" : " rel=\"\(Escaping.escapeHTML(rel))\""
        let targetAttr = target.map { $0.isEmpty ? "" : " target=\"\(Escaping.escapeHTML($0))\"" } ?? ""
        if Self.matches(Self.urlPattern, middle) {
            let href = middle.hasPrefix("https://") || middle.hasPrefix("http://") ? middle : "https://" + middle
            middle = "<a href=\"\(href)\"\(relAttr)\(targetAttr)>\(trimmed(middle))</a>"
        } else if middle.hasPrefix("mailto:"), Self.matches(Self.emailPattern, String(middle.dropFirst(7))) {
            middle = "<a href=\"\(middle)\">\(middle.dropFirst(7))</a>"
        } else if middle.contains("@") && !middle.hasPrefix("www.") && !middle.hasPrefix("@")
            && !middle.contains(":") && Self.matches(Self.emailPattern, middle)
        {
            middle = "<a href=\"mailto:\(middle)\">\(middle)</a>"
        } else {
            for scheme in extraSchemes where middle != scheme && middle.hasPrefix(scheme) {
                middle = "<a href=\"\(middle)\"\(relAttr)\(targetAttr)>\(middle)</a>"
            }
        }
        return head + middle + tail
    }
}
