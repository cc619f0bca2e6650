import TailorMIME
import Foundation

/// The size that decides clipping: Gmail cuts the message off at about
/// 102 KB of its source, shows "[Message clipped]" and hides the rest,
/// unsubscribe link included. The HTML part is what grows, and it travels
/// quoted-printable (`=3D` for every `=`, soft breaks every 76 characters),
/// so the size measured is the encoded HTML as ``MessageBuilder`` writes it.
///
/// Over ``ValidationPolicy/clipLimit`` is ``Rule/sizeClipped``; over
/// ``ValidationPolicy/sizeBudget`` (which leaves room for the ESP's link
/// rewriting) is ``Rule/sizeBudget``.
public enum SizeBudgetCheck {
    /// Bytes of `html` once quoted-printable encoded with CRLF line ends.
    public static func encodedSize(ofHTML html: String) -> Int {
        QuotedPrintable.encode(bytes: Array(html.utf8)).count
    }

    /// Bytes of the HTML part of a built message (`MailMessage.bytes`), read
    /// off the message rather than encoded again: from the blank line after
    /// the last part's `Content-Type: text/html` to the closing boundary.
    /// Falls back to encoding `html` when the message is not shaped that way.
    public static func encodedSize(ofMessage bytes: [UInt8], html: String) -> Int {
        guard let close = lastIndex(of: Array("\r\n--".utf8), in: bytes, before: bytes.count),
            let type = lastIndex(of: Array("Content-Type: text/html".utf8), in: bytes, before: close),
            let blank = MarkupScan.find("\r\n\r\n", in: bytes, from: type), blank < close
        else { return encodedSize(ofHTML: html) }
        return close - (blank + 4)
    }

    private static func lastIndex(of pattern: [UInt8], in bytes: [UInt8], before end: Int) -> Int? {
        var i = end - pattern.count
        while i >= 0 {
            if MarkupScan.hasPrefix(bytes, at: i, pattern) { return i }
            i -= 1
        }
        return nil
    }

    /// The finding for a body whose encoded HTML is `encodedSize` bytes, if any.
    public static func check(encodedSize: Int, policy: ValidationPolicy) -> Finding? {
        let kb = { (n: Int) in String(format: "%.1f KB", Double(n) / 1024) }
        if encodedSize > policy.clipLimit, let severity = policy.severity(of: .sizeClipped) {
            return Finding(
                rule: .sizeClipped, severity: severity,
                message: "the HTML is \(kb(encodedSize)) quoted-printable, over the \(kb(policy.clipLimit)) Gmail clips at",
                help: "trim markup and inline CSS, or move content to a web page")
        }
        if encodedSize > policy.sizeBudget, let severity = policy.severity(of: .sizeBudget) {
            return Finding(
                rule: .sizeBudget, severity: severity,
                message: "the HTML is \(kb(encodedSize)) quoted-printable, over the \(kb(policy.sizeBudget)) budget",
                help: "the budget leaves room for the ESP's link rewriting before Gmail clips at \(kb(policy.clipLimit))")
        }
        return nil
    }
}
