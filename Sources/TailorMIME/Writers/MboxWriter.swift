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

    /// mboxrd quoting of `>*From ` lines, and CRLF to LF. Works a line at a
    /// time: `memchr` finds each LF and the line is copied whole.
    static func quote(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 16)
        bytes.withUnsafeBufferPointer { all in
            guard let base = all.baseAddress else { return }
            var lineStart = 0
            while lineStart < all.count {
                let lineFeed = memchr(base + lineStart, 0x0a, all.count - lineStart).map {
                    UnsafeRawPointer(base).distance(to: UnsafeRawPointer($0))
                }
                let next = lineFeed.map { $0 + 1 } ?? all.count
                if isFromLine(UnsafeBufferPointer(rebasing: all[lineStart..<next])) { out.append(UInt8(ascii: ">")) }
                var contentEnd = lineFeed ?? all.count
                if let lineFeed, lineFeed > lineStart, all[lineFeed - 1] == 0x0d { contentEnd = lineFeed - 1 }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: all[lineStart..<contentEnd]))
                if lineFeed != nil { out.append(0x0a) }
                lineStart = next
            }
        }
        return out
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
