import Foundation

/// The `multipart/alternative` body: `text/plain` first, then `text/html`.
///
/// RFC 2046 5.1.4:
///
/// > In general, user agents that compose "multipart/alternative" entities must place
/// > the body parts in increasing order of preference, that is, with the preferred
/// > format last.
///
/// and 5.1.1, on the boundary:
///
/// > the boundary delimiter must not appear inside any of the encapsulated parts [...]
/// > boundary := 0*69<bchars> bcharsnospace
///
/// The boundary is `=_tailor_` plus a hash of both parts (before encoding, which is a
/// function of them, so hashing half the bytes decides the same): the same content gives
/// the same bytes on every run. It also cannot occur in either part, by construction:
/// both are quoted-printable, in which `=` is only ever followed by two hex digits or
/// a line break, never by `_`. The parts are still searched, and the hash salted, as a
/// second guard.
public struct MultipartAlternative: Sendable {
    /// The quoted-printable text part.
    public let encodedText: String
    /// The quoted-printable HTML part.
    public let encodedHTML: String
    /// The boundary, without the leading `--`.
    public let boundary: String

    /// Encodes both parts and derives the boundary.
    public init(text: String, html: String) {
        encodedText = QuotedPrintable.encode(text)
        encodedHTML = QuotedPrintable.encode(html)
        var salt = 0
        var candidate = ""
        repeat {
            var hasher = SHA256Hasher()
            hasher.update("tailor.boundary\u{0}\(salt)\u{0}")
            hasher.update(text)
            hasher.update("\u{0}")
            hasher.update(html)
            candidate = "=_tailor_" + hasher.finalizeHex().prefix(32)
            salt += 1
        } while Self.occurs(candidate, in: encodedText) || Self.occurs(candidate, in: encodedHTML)
        boundary = candidate
    }

    /// Whether `needle` occurs in `haystack`, byte for byte (a scan for its
    /// first byte, then a compare; far quicker than `String.contains`).
    static func occurs(_ needle: String, in haystack: String) -> Bool {
        let needle = Array(needle.utf8)
        guard let first = needle.first else { return true }
        var haystack = haystack
        return haystack.withUTF8 { bytes in
            guard bytes.count >= needle.count else { return false }
            var i = 0
            let last = bytes.count - needle.count
            while i <= last {
                if bytes[i] == first, needle.withUnsafeBufferPointer({ n in
                    memcmp(bytes.baseAddress! + i, n.baseAddress!, n.count) == 0
                }) {
                    return true
                }
                i += 1
            }
            return false
        }
    }

    /// The `Content-Type` header line (quoted boundary: `=` is a tspecial).
    public var contentTypeField: String {
        "Content-Type: multipart/alternative;\r\n boundary=\"\(boundary)\""
    }

    /// The body after the header section's blank line, ending with CRLF.
    public var body: String {
        var out = ""
        out.reserveCapacity(encodedText.utf8.count + encodedHTML.utf8.count + 400)
        for (type, encoded) in [("text/plain", encodedText), ("text/html", encodedHTML)] {
            out += "--\(boundary)\r\n"
            out += "Content-Type: \(type); charset=utf-8\r\n"
            out += "Content-Transfer-Encoding: quoted-printable\r\n\r\n"
            out += encoded
            out += "\r\n"
        }
        out += "--\(boundary)--\r\n"
        return out
    }
}
