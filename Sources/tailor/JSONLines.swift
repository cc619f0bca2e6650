#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Splitting a JSONL file into its lines without copying.
enum JSONLines {
    /// The non-blank lines of `bytes`: 1-based line number and byte range
    /// (without the line break, and without a trailing CR).
    ///
    /// Line breaks are found with `memchr`, which reads a word or a vector at a
    /// time; a line is blank only if its leading spaces and tabs reach its end,
    /// which a JSON record's first byte already rules out.
    static func lines(of bytes: [UInt8]) -> [(number: Int, range: Range<Int>)] {
        bytes.withUnsafeBufferPointer { buffer in
            var lines: [(number: Int, range: Range<Int>)] = []
            guard let base = buffer.baseAddress else { return lines }
            let count = buffer.count
            var start = 0
            var number = 1
            while start <= count {
                var end = count
                if start < count, let found = memchr(base + start, Int32(UInt8(ascii: "\n")), count - start) {
                    end = UnsafePointer<UInt8>(found.assumingMemoryBound(to: UInt8.self)) - base
                }
                let next = end + 1
                if end > start, buffer[end - 1] == UInt8(ascii: "\r") { end -= 1 }
                var first = start
                while first < end, buffer[first] == 0x20 || buffer[first] == 0x09 { first += 1 }
                if first < end { lines.append((number, start..<end)) }
                start = next
                number += 1
            }
            return lines
        }
    }
}
