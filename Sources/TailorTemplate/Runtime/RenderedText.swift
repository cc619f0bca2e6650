/// Rendered output, bytes to `String`, at the speed of its ASCII.
///
/// `String(decoding:as:)` first checks the whole buffer for ASCII a word at a
/// time; one byte above `0x7F` anywhere (an `ä` in a name, a `€` in the
/// template) sends the whole buffer through its byte-by-byte validator, which
/// for a 25 KB email body costs more than rendering it. Here the buffer is
/// cut around its long ASCII runs, which take the word-at-a-time path, and
/// only the rest is validated byte by byte.
///
/// The result is the same string `String(decoding:as:)` gives, invalid bytes
/// repaired to U+FFFD alike: every byte of a multi-byte UTF-8 sequence is
/// `0x80` or above, so a cut before or after an ASCII byte never splits one.
public enum RenderedText {
    /// ASCII runs shorter than this stay with their neighbours: each cut costs
    /// a small string and an append, which a short run would not pay back.
    static let shortestCutRun = 64

    /// The text of UTF-8 `bytes`, invalid sequences repaired.
    public static func string(_ bytes: [UInt8]) -> String {
        bytes.withUnsafeBufferPointer(string)
    }

    /// The text of UTF-8 `bytes`, invalid sequences repaired.
    public static func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        let count = bytes.count
        var end = firstNonASCII(bytes, from: 0)
        if end == count { return String(decoding: bytes, as: UTF8.self) }
        var result = ""
        result.reserveCapacity(count)
        var pending = 0  // where the part not yet appended starts
        var start = 0
        while true {
            if end - start >= shortestCutRun {
                append(bytes, pending..<start, to: &result)
                append(bytes, start..<end, to: &result)
                pending = end
            }
            guard end < count else { break }
            start = end
            while start < count, bytes[start] >= 0x80 { start += 1 }
            end = firstNonASCII(bytes, from: start)
        }
        append(bytes, pending..<count, to: &result)
        return result
    }

    private static func append(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, to result: inout String) {
        guard !range.isEmpty else { return }
        result.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self))
    }

    /// The index of the first byte at or after `start` that is not ASCII, or
    /// the count; eight bytes a step.
    static func firstNonASCII(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        let count = bytes.count
        guard let base = bytes.baseAddress else { return count }
        var i = start
        while i &+ 8 <= count {
            let high = UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)) & 0x8080_8080_8080_8080
            if high != 0 { return i &+ high.trailingZeroBitCount &>> 3 }
            i &+= 8
        }
        while i < count, base[i] < 0x80 { i &+= 1 }
        return i
    }
}
