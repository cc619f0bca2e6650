/// The DATA section of an SMTP transaction.
///
/// RFC 5321 4.5.2:
///
/// > Before sending a line of mail text, the SMTP client checks the first character of
/// > the line. If it is a period, one additional period is inserted at the beginning
/// > of the line.
///
/// and 4.1.1.4: the mail data "is terminated by a line containing only a period".
public enum DotStuffing {
    /// `message` with leading periods doubled, a final CRLF ensured, and `.` CRLF added.
    public static func encode(_ message: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(message.count + 64)
        var lineStart = true
        for byte in message {
            if lineStart, byte == UInt8(ascii: ".") { out.append(UInt8(ascii: ".")) }
            out.append(byte)
            lineStart = byte == 0x0a
        }
        if !out.isEmpty, !(out.count >= 2 && out[out.count - 2] == 0x0d && out[out.count - 1] == 0x0a) {
            out += [0x0d, 0x0a]
        }
        out += Array(".\r\n".utf8)
        return out
    }
}
