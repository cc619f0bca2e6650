extension MultipartAlternative {
    /// A whole message in one array: `head` (the header lines before `Content-Type`),
    /// the `Content-Type` line for `boundary`, then the body, with both parts encoded
    /// quoted-printable straight into place instead of into arrays of their own that
    /// are then copied in.
    ///
    /// The array is sized for the worst case (``QuotedPrintable/maxEncodedCount(_:)``
    /// per part). `boundary` is the first candidate (salt 0) of ``MultipartBoundary``,
    /// and the same guard applies: when it occurs in an encoded part (it cannot,
    /// quoted-printable never writes `=_`), this returns nil and the caller builds the
    /// message with ``init(text:html:sendID:recipientID:)``, which salts it. Either
    /// way the bytes are those of `head`, ``contentTypeField`` and ``append(to:)``.
    static func message(head: [[UInt8]], text: String, html: String, boundary: String) -> [UInt8]? {
        var text = text
        var html = html
        var boundary = boundary
        let contentType = Array("Content-Type: multipart/alternative;\r\n boundary=\"\(boundary)\"\r\n\r\n".utf8)
        return boundary.withUTF8 { boundary in
            text.withUTF8 { text in
                html.withUTF8 { html in
                    let delimiter = 2 + boundary.count + 2
                    let capacity = head.reduce(contentType.count) { $0 + $1.count } + 3 * delimiter + 2
                        + textHeader.count + QuotedPrintable.maxEncodedCount(text.count) + 2
                        + htmlHeader.count + QuotedPrintable.maxEncodedCount(html.count) + 2
                    var found = false
                    let bytes = [UInt8](unsafeUninitializedCapacity: capacity) { out, count in
                        var writer = MessageWriter(out: out.baseAddress!)
                        for section in head { writer.put(section) }
                        writer.put(contentType)
                        for (header, part) in [(textHeader, text), (htmlHeader, html)] {
                            writer.put([0x2d, 0x2d])
                            writer.put(boundary)
                            writer.put([0x0d, 0x0a])
                            writer.put(header)
                            let start = writer.written
                            writer.written += QuotedPrintable.encode(part, into: writer.out + start)
                            let encoded = UnsafeBufferPointer(start: writer.out + start, count: writer.written - start)
                            found = found || ByteSearch.firstOffset(of: boundary, in: encoded, anchor: 1) != nil
                            writer.put([0x0d, 0x0a])
                        }
                        writer.put([0x2d, 0x2d])
                        writer.put(boundary)
                        writer.put([0x2d, 0x2d, 0x0d, 0x0a])
                        count = writer.written
                    }
                    return found ? nil : bytes
                }
            }
        }
    }

    /// Bytes laid one after another into room known to be enough.
    private struct MessageWriter {
        let out: UnsafeMutablePointer<UInt8>
        var written = 0

        mutating func put(_ bytes: UnsafeBufferPointer<UInt8>) {
            guard let base = bytes.baseAddress else { return }
            (out + written).update(from: base, count: bytes.count)
            written += bytes.count
        }

        mutating func put(_ bytes: [UInt8]) {
            bytes.withUnsafeBufferPointer { put($0) }
        }
    }
}
