/// Splitting a JSONL file into its lines without copying.
enum JSONLines {
    /// The non-blank lines of `bytes`: 1-based line number and byte range
    /// (without the line break, and without a trailing CR).
    static func lines(of bytes: [UInt8]) -> [(number: Int, range: Range<Int>)] {
        var lines: [(number: Int, range: Range<Int>)] = []
        var start = 0
        var number = 1
        for i in 0...bytes.count where i == bytes.count || bytes[i] == UInt8(ascii: "\n") {
            var end = i
            if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
            if bytes[start..<end].contains(where: { $0 != 0x20 && $0 != 0x09 }) {
                lines.append((number, start..<end))
            }
            start = i + 1
            number += 1
        }
        return lines
    }
}
