/// The one-click unsubscribe headers of RFC 8058 (with RFC 2369's List-Unsubscribe).
///
/// RFC 8058 3.1:
///
/// > The List-Unsubscribe header field MUST contain one HTTPS URI. It MAY contain
/// > other non-HTTP/S URIs such as MAILTO:.
/// >
/// > The message MUST have a List-Unsubscribe-Post header field [...] containing the
/// > single key/value pair "List-Unsubscribe=One-Click".
///
/// and RFC 2369 2, on the URIs:
///
/// > The contents of the list header fields mostly consist of angle-bracket ('<', '>')
/// > enclosed URLs [...] Literal commas (,) in the URLs MUST be encoded.
///
/// So the URL must be `https:`, characters a URI cannot hold (space, `<`, `>`, `"`,
/// non-ASCII, and the comma) are percent-encoded, and a CR or LF is header injection.
///
/// ```swift
/// let unsubscribe = try ListUnsubscribe(url: "https://shop.example/u?t=abc",
///                                      mailto: "mailto:unsub@shop.example?subject=c-0042")
/// // List-Unsubscribe: <https://shop.example/u?t=abc>, <mailto:unsub@shop.example?subject=c-0042>
/// // List-Unsubscribe-Post: List-Unsubscribe=One-Click
/// ```
public struct ListUnsubscribe: Sendable, Hashable {
    /// The HTTPS URI, encoded.
    public let url: String
    /// The optional `mailto:` URI, encoded.
    public let mailto: String?

    /// Validates and encodes both URIs.
    public init(url: String, mailto: String? = nil) throws(MIMEError) {
        try HeaderField.validateValue(url, header: "List-Unsubscribe")
        guard Self.hasPrefixIgnoringCase(url, "https://"), url.utf8.count > 8 else {
            throw .invalidUnsubscribe(url, reason: "RFC 8058 requires an https:// URI")
        }
        let encodedURL = Self.percentEncode(url)
        guard encodedURL.utf8.count <= 900 else {
            throw .invalidUnsubscribe(url, reason: "longer than 900 characters")
        }
        self.url = encodedURL
        if let mailto, !mailto.isEmpty {
            try HeaderField.validateValue(mailto, header: "List-Unsubscribe")
            guard Self.hasPrefixIgnoringCase(mailto, "mailto:"), Self.containsAt(mailto) else {
                throw .invalidUnsubscribe(mailto, reason: "the second URI must be a mailto: address")
            }
            self.mailto = Self.percentEncode(mailto)
        } else {
            self.mailto = nil
        }
    }

    /// The `List-Unsubscribe` value: `<https://...>` and optionally `, <mailto:...>`.
    public var value: String {
        mailto.map { "<\(url)>, <\($0)>" } ?? "<\(url)>"
    }

    /// The fixed `List-Unsubscribe-Post` value.
    public static let postValue = "List-Unsubscribe=One-Click"

    /// Both fields, folded, each line ending with CRLF.
    func renderedLines() throws(MIMEError) -> [UInt8] {
        var folder = HeaderFolder(name: "List-Unsubscribe")
        if let mailto {
            folder.appendAtom("<\(url)>,")
            folder.appendAtom("<\(mailto)>")
        } else {
            folder.appendAtom("<\(url)>")
        }
        return try folder.checkedBytes() + Self.postLine
    }

    private static let postLine = Array("\r\nList-Unsubscribe-Post: \(postValue)\r\n".utf8)

    /// `text.lowercased().hasPrefix(prefix)` for a lowercase ASCII `prefix`, without
    /// lowercasing the whole URI for every message: when the prefix's bytes and the
    /// one after are ASCII, characters are bytes there and ASCII lowercases to ASCII,
    /// so comparing the folded bytes gives the same answer.
    static func hasPrefixIgnoringCase(_ text: String, _ prefix: String) -> Bool {
        let bytes = text.utf8
        let count = prefix.utf8.count
        guard bytes.count > count, bytes.prefix(count + 1).allSatisfy({ $0 < 0x80 }) else {
            return text.lowercased().hasPrefix(prefix)
        }
        return zip(bytes, prefix.utf8).allSatisfy { byte, expected in
            (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte) == expected
        }
    }

    /// `text.contains("@")`, over bytes when the text is ASCII (a character is then a
    /// byte, or CR LF).
    static func containsAt(_ text: String) -> Bool {
        guard text.utf8.allSatisfy({ $0 < 0x80 }) else { return text.contains("@") }
        return text.utf8.contains(UInt8(ascii: "@"))
    }

    /// `url` with its white space and control characters but line breaks
    /// percent-encoded (as their UTF-8 bytes), everything else as written: the form of the
    /// unsubscribe URL the templates print (`{{ unsubscribe_url }}`), so that
    /// an id with a space in a URL the campaign did not `urlencode` still makes
    /// a link (`.../u/a%20b`), the same the header carries. RFC 3986 2: a URI
    /// holds no space or control character; the other characters it excludes
    /// are left to the template's escaping, and non-ASCII text stays readable.
    public static func encodingWhitespace(_ url: String) -> String {
        func unsafe(_ scalar: Unicode.Scalar) -> Bool {
            switch scalar.value {
            // Line breaks stay: the header refuses them as injection, which they may be.
            case 0x0a, 0x0d, 0x85, 0x2028, 0x2029: return false
            case 0x00...0x20, 0x7f...0x9f: return true
            case 0xa0...: return scalar.properties.isWhitespace
            default: return false
            }
        }
        guard url.unicodeScalars.contains(where: unsafe) else { return url }
        var out = ""
        for scalar in url.unicodeScalars {
            guard unsafe(scalar) else {
                out.unicodeScalars.append(scalar)
                continue
            }
            for byte in String(scalar).utf8 { out += "%" + (byte < 0x10 ? "0" : "") + String(byte, radix: 16, uppercase: true) }
        }
        return out
    }

    /// Percent-encodes bytes that cannot stand in a URI or in this header.
    static func percentEncode(_ uri: String) -> String {
        guard uri.utf8.contains(where: mustEncode) else { return uri }
        func hex(_ nibble: UInt8) -> UInt8 { nibble < 10 ? nibble + 0x30 : nibble + 0x37 }
        var out: [UInt8] = []
        out.reserveCapacity(uri.utf8.count + 16)
        for byte in uri.utf8 {
            if mustEncode(byte) {
                out += [UInt8(ascii: "%"), hex(byte >> 4), hex(byte & 0x0f)]
            } else {
                out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether a byte cannot stand in a URI or in this header: anything but printable
    /// ASCII, the characters RFC 3986 excludes (`<`, `>`, `"`, `\`, `^`, `` ` ``, `{`,
    /// `|`, `}`) and the comma.
    private static func mustEncode(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: ","), UInt8(ascii: "\\"),
            UInt8(ascii: "^"), UInt8(ascii: "`"), UInt8(ascii: "{"), UInt8(ascii: "|"), UInt8(ascii: "}"):
            return true
        case 0x21...0x7e:
            return false
        default:
            return true
        }
    }
}
