/// One header field, its name and value checked before it can reach a message.
///
/// RFC 5322 2.2:
///
/// > A field name MUST be composed of printable US-ASCII characters (i.e.,
/// > characters that have values between 33 and 126, inclusive), except
/// > colon.
///
/// and 2.2.3, on the body:
///
/// > The field body MUST NOT include CR and LF except when used in "folding" and
/// > "unfolding".
///
/// A value is kept unfolded and unencoded (it may hold any Unicode text); folding and
/// RFC 2047 encoding happen when the message is written. Because a CR or LF in a
/// value could only ever come from data (a profile field, a rendered subject), it is
/// refused as header injection rather than stripped, and the recipient is reported.
///
/// ```swift
/// let field = try HeaderField(name: "Feedback-ID", value: "spring:vip:tailor")
/// try HeaderField(name: "X-Note", value: "a\r\nBcc: victim@example.com")
/// // throws MIMEError.headerInjection(header: "X-Note")
/// ```
public struct HeaderField: Sendable, Hashable {
    /// The field name, as given (comparisons ignore case).
    public let name: String
    /// The logical value: unfolded, unencoded.
    public let value: String

    /// A validated field; throws for a bad name, CR/LF or other control characters.
    public init(name: String, value: String) throws(MIMEError) {
        try Self.validateName(name)
        try Self.validateValue(value, header: name)
        self.name = name
        self.value = value
    }

    /// Checks `ftext`: `%d33-57 / %d59-126` (RFC 5322 3.6.8), at most 76 characters.
    public static func validateName(_ name: String) throws(MIMEError) {
        guard !name.isEmpty, name.utf8.count <= 76 else { throw .invalidHeaderName(name) }
        for byte in name.utf8 where byte < 33 || byte > 126 || byte == UInt8(ascii: ":") {
            throw .invalidHeaderName(name)
        }
    }

    /// Refuses CR and LF (header injection) and every other control character but TAB:
    /// C0, DEL, C1 and the Unicode line and paragraph separators, which some readers
    /// treat as line breaks too.
    public static func validateValue(_ value: String, header: String) throws(MIMEError) {
        // Printable ASCII and TAB, the usual case, needs no look at scalars.
        var bytes = value
        guard !bytes.withUTF8({ $0.allSatisfy { (0x20..<0x7f).contains($0) || $0 == 0x09 } }) else { return }
        for scalar in value.unicodeScalars {
            let v = scalar.value
            if v == 0x0d || v == 0x0a || v == 0x85 || v == 0x2028 || v == 0x2029 {
                throw .headerInjection(header: header)
            }
            if (v < 0x20 && v != 0x09) || (0x7f...0x9f).contains(v) {
                throw .controlCharacter(header: header, scalar: v)
            }
        }
    }

    /// Whether two names denote the same field (field names are case-insensitive).
    public func hasName(_ other: String) -> Bool {
        name.lowercased() == other.lowercased()
    }
}
