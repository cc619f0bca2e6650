/// Quoted-printable body encoding (RFC 2045 6.7), with CRLF line ends.
///
/// RFC 2045 6.7:
///
/// > (3) [...] Octets with values of 9 and 32 MAY be represented as US-ASCII TAB (HT)
/// > and SPACE characters, respectively, but MUST NOT be so represented at the end
/// > of an encoded line.
/// >
/// > (5) (Soft Line Breaks) The Quoted-Printable encoding REQUIRES that encoded lines
/// > be no more than 76 characters long. If longer lines are to be encoded with the
/// > Quoted-Printable encoding, "soft" line breaks must be used. An equal sign as the
/// > last character on a encoded line indicates such a non-significant ("soft") line
/// > break in the encoded text.
///
/// Line breaks in the text (CRLF, LF or a lone CR) become CRLF hard breaks. `=` is
/// always escaped, escapes use uppercase hex, and a soft break never falls inside an
/// `=XX` escape nor between the escapes of one UTF-8 character, so every encoded line
/// decodes to whole characters. A line starting with `From ` gets its `F` escaped,
/// so a naive mbox reader cannot mistake it for a separator.
///
/// The encoder works on the UTF-8 bytes in one pass, straight into a buffer sized for
/// the worst case (``maxEncodedCount(_:)``), copying runs of printable ASCII sixteen
/// bytes a step (see `QuotedPrintable+Encoder.swift`).
///
/// ```swift
/// QuotedPrintable.encode("Grüße = 1 \n")   // "Gr=C3=BC=C3=9Fe =3D 1=20\r\n"
/// ```
public enum QuotedPrintable {
    /// The most characters RFC 2045 allows on an encoded line, CRLF excluded.
    public static let maxLineLength = 76

    /// Encodes the UTF-8 of `text`.
    public static func encode(_ text: String) -> String {
        var text = text
        return text.withUTF8 { input in
            String(unsafeUninitializedCapacity: maxEncodedCount(input.count)) { buffer in
                encode(input, into: buffer.baseAddress!)
            }
        }
    }

    /// Encodes bytes holding text; the result is ASCII.
    public static func encode(bytes: [UInt8]) -> [UInt8] {
        bytes.withUnsafeBufferPointer(encodedBytes)
    }

    /// Encodes the UTF-8 of `text` into bytes, for a message body.
    static func encodedBytes(of text: String) -> [UInt8] {
        var text = text
        return text.withUTF8(encodedBytes)
    }

    private static func encodedBytes(_ input: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: maxEncodedCount(input.count)) { buffer, count in
            count = encode(input, into: buffer.baseAddress!)
        }
    }

    /// Room enough for the encoding of `count` bytes: at most 3 characters per byte,
    /// plus a 3-character soft break per 24 bytes (when every character is a 4-byte
    /// sequence, 6 of them fill a line).
    static func maxEncodedCount(_ count: Int) -> Int {
        4 * count + 16
    }

    /// Encodes `input` into `out`, which has room for ``maxEncodedCount(_:)`` bytes;
    /// returns how many it wrote.
    static func encode(_ input: UnsafeBufferPointer<UInt8>, into out: UnsafeMutablePointer<UInt8>) -> Int {
        guard let base = input.baseAddress, !input.isEmpty else { return 0 }
        return Encoder(input: base, count: input.count, output: out).run()
    }
}
