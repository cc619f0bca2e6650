import Foundation

/// All messages in one mbox file, in the mboxrd variant.
///
/// Each message starts with a `From sender date` separator line. A body line that
/// already starts with `From `, after any number of `>`, gets one more `>` in front;
/// a reader removes one, so every line comes back exactly (mboxrd, unlike mboxo, is
/// reversible). Lines end with LF, as mbox files on Unix do; the messages themselves
/// are CRLF everywhere else.
final class MboxWriter: MessageWriter {
    private let file: StreamingFile
    private let name: String

    init(directory: URL, fileName: String) throws(MIMEError) {
        name = fileName
        file = try StreamingFile(directory: directory, name: fileName)
    }

    func write(_ message: MailMessage) throws(MIMEError) -> String {
        try file.append(Self.entry(for: message))
        return name
    }

    func finish() throws(MIMEError) {
        try file.commit()
    }

    /// The separator line, the quoted message with LF line ends, and a blank line.
    static func entry(for message: MailMessage) -> [UInt8] {
        var out = Array("From \(message.from.address) \(MessageDate.asctime(message.sendDate))\n".utf8)
        out += quote(message.bytes)
        if out.last != 0x0a { out.append(0x0a) }
        out.append(0x0a)
        return out
    }

    /// mboxrd quoting of `>*From ` lines, and CRLF to LF.
    static func quote(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        let from = Array("From ".utf8)
        var lineStart = true
        var i = 0
        while i < bytes.count {
            if lineStart {
                var j = i
                while j < bytes.count, bytes[j] == UInt8(ascii: ">") { j += 1 }
                if bytes[j...].starts(with: from) { out.append(UInt8(ascii: ">")) }
                lineStart = false
            }
            let byte = bytes[i]
            if byte == 0x0d, i + 1 < bytes.count, bytes[i + 1] == 0x0a {
                i += 1
                continue
            }
            out.append(byte)
            if byte == 0x0a { lineStart = true }
            i += 1
        }
        return out
    }
}
