/// The `multipart/alternative` body: `text/plain` first, then `text/html`.
///
/// RFC 2046 5.1.4:
///
/// > In general, user agents that compose "multipart/alternative" entities must place
/// > the body parts in increasing order of preference, that is, with the preferred
/// > format last.
///
/// Both parts are encoded quoted-printable as bytes; the boundary comes from the send
/// and recipient ids (``MultipartBoundary``), and the body is appended straight to the
/// message's bytes.
///
/// ```swift
/// let multipart = MultipartAlternative(text: text, html: html, sendID: "spring-2025", recipientID: "c-0042")
/// multipart.contentTypeField   // "Content-Type: multipart/alternative;\r\n boundary=\"=_tailor_…\""
/// multipart.append(to: &bytes)
/// ```
public struct MultipartAlternative: Sendable {
    /// The quoted-printable text part.
    let textPart: [UInt8]
    /// The quoted-printable HTML part.
    let htmlPart: [UInt8]
    /// The boundary, without the leading `--`.
    public let boundary: String

    /// Encodes both parts and derives the boundary.
    public init(text: String, html: String, sendID: String, recipientID: String) {
        textPart = QuotedPrintable.encodedBytes(of: text)
        htmlPart = QuotedPrintable.encodedBytes(of: html)
        boundary = MultipartBoundary.derive(sendID: sendID, recipientID: recipientID, avoiding: [textPart, htmlPart])
    }

    /// The quoted-printable text part, as text.
    public var encodedText: String { String(decoding: textPart, as: UTF8.self) }

    /// The quoted-printable HTML part, as text.
    public var encodedHTML: String { String(decoding: htmlPart, as: UTF8.self) }

    /// The `Content-Type` header line (quoted boundary: `=` is a tspecial).
    public var contentTypeField: String {
        "Content-Type: multipart/alternative;\r\n boundary=\"\(boundary)\""
    }

    static let textHeader = Array(
        "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n".utf8)
    static let htmlHeader = Array(
        "Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n".utf8)

    /// The size of the body in bytes.
    public var bodyCount: Int {
        let delimiter = 2 + boundary.utf8.count + 2  // "--" boundary CRLF
        return 3 * delimiter + 2 + Self.textHeader.count + textPart.count + 2 + Self.htmlHeader.count
            + htmlPart.count + 2
    }

    /// Appends the body after the header section's blank line, ending with CRLF.
    public func append(to bytes: inout [UInt8]) {
        appendPart(Self.textHeader, textPart, to: &bytes)
        appendPart(Self.htmlHeader, htmlPart, to: &bytes)
        bytes += "--".utf8
        bytes += boundary.utf8
        bytes += "--\r\n".utf8
    }

    private func appendPart(_ header: [UInt8], _ part: [UInt8], to bytes: inout [UInt8]) {
        bytes += "--".utf8
        bytes += boundary.utf8
        bytes += "\r\n".utf8
        bytes += header
        bytes += part
        bytes += "\r\n".utf8
    }
}
