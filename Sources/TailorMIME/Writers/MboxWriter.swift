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
        let separator = Array("From \(message.from.address) \(MessageDate.asctime(message.sendDate))\n".utf8)
        return quote(message.bytes, after: separator, closing: true)
    }

    /// mboxrd quoting of `>*From ` lines, and CRLF to LF.
    static func quote(_ bytes: [UInt8]) -> [UInt8] {
        quote(bytes, after: [], closing: false)
    }

    /// `prefix`, then `bytes` quoted, then with `closing` a line end if the
    /// message lacks one and the blank line between messages. Works a line at
    /// a time into a buffer sized once: `memchr` finds each LF and the line is
    /// copied whole. A quoted line grows by one `>` and holds at least the five
    /// bytes of `From `, so at most `count / 5 + 1` lines grow; CRLF only shrinks.
    private static func quote(_ bytes: [UInt8], after prefix: [UInt8], closing: Bool) -> [UInt8] {
        let capacity = prefix.count + bytes.count + bytes.count / 5 + 1 + 2
        return [UInt8](unsafeUninitializedCapacity: capacity) { out, count in
            var written = prefix.count
            prefix.withUnsafeBufferPointer { out.baseAddress!.update(from: $0.baseAddress!, count: prefix.count) }
            bytes.withUnsafeBufferPointer { all in
                guard let base = all.baseAddress else { return }
                var lineStart = 0
                while lineStart < all.count {
                    let lineFeed = memchr(base + lineStart, 0x0a, all.count - lineStart).map {
                        UnsafeRawPointer(base).distance(to: UnsafeRawPointer($0))
                    }
                    let next = lineFeed.map { $0 + 1 } ?? all.count
                    var contentEnd = lineFeed ?? all.count
                    if let lineFeed, lineFeed > lineStart, all[lineFeed - 1] == 0x0d { contentEnd = lineFeed - 1 }
                    if isFromLine(UnsafeBufferPointer(rebasing: all[lineStart..<next])) {
                        out[written] = UInt8(ascii: ">")
                        written += 1
                    }
                    (out.baseAddress! + written).update(from: base + lineStart, count: contentEnd - lineStart)
                    written += contentEnd - lineStart
                    if lineFeed != nil {
                        out[written] = 0x0a
                        written += 1
                    }
                    lineStart = next
                }
            }
            if closing {
                if written == prefix.count || out[written - 1] != 0x0a {
                    out[written] = 0x0a
                    written += 1
                }
                out[written] = 0x0a
                written += 1
            }
            count = written
        }
    }

    /// Whether a line reads `From `, after any number of `>`.
    private static func isFromLine(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i < line.count, line[i] == UInt8(ascii: ">") { i += 1 }
        guard line.count - i >= 5 else { return false }
        return line[i] == UInt8(ascii: "F") && line[i + 1] == UInt8(ascii: "r") && line[i + 2] == UInt8(ascii: "o")
            && line[i + 3] == UInt8(ascii: "m") && line[i + 4] == UInt8(ascii: " ")
    }
}
