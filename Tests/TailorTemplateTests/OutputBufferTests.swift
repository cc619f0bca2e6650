import Testing
@testable import TailorTemplate

/// Staged and unstaged writes, captures taken back off across the staging
/// boundary: the bytes always read as written, in order.
@Suite struct OutputBufferTests {
    func append(_ text: String, to out: inout OutputBuffer) {
        Array(text.utf8).withUnsafeBufferPointer { out.append($0) }
    }

    @Test func smallAndLargeWritesKeepTheirOrder() {
        var out = OutputBuffer()
        var expected = ""
        for i in 0..<400 {
            // Short writes, then now and then one longer than the staging area.
            let piece = i % 97 == 0 ? String(repeating: "x\(i)", count: 1200) : "<p>\(i)</p>"
            append(piece, to: &out)
            expected += piece
            #expect(out.count == expected.utf8.count)
        }
        #expect(out.string(from: 0) == expected)
        out.flush()
        #expect(out.bytes == Array(expected.utf8))
    }

    @Test func capturesTakenBackOff() {
        var out = OutputBuffer()
        append("head", to: &out)
        // A capture within the staging area, then one that spills into the array.
        for length in [10, 5000] {
            let start = out.count
            append(String(repeating: "c", count: length), to: &out)
            #expect(out.string(from: start) == String(repeating: "c", count: length))
            out.truncate(to: start)
            #expect(out.count == 4)
        }
        append("tail", to: &out)
        #expect(out.string(from: 0) == "headtail")
        #expect(out.bytes(from: 2) == Array("adtail".utf8))
    }

    @Test func escapingMatchesEscaping() {
        var texts = ["", "plain", "<a href=\"x\">Tom & 'Jerry'</a>", String(repeating: "&<>\"'é", count: 500)]
        // Each special, and its neighbours (% = ( ; = ? !), at every offset of a word and past it.
        for special in ["&", "<", ">", "\"", "'", "%", "(", ";", "=", "?", "!", "#", "$"] {
            for offset in 0..<20 {
                texts.append(String(repeating: "a", count: offset) + special + String(repeating: "b", count: 19 - offset))
            }
        }
        for text in texts {
            var out = OutputBuffer()
            out.appendEscaped(text)
            var expected: [UInt8] = []
            Escaping.appendEscaped(text, to: &expected)
            #expect(out.bytes(from: 0) == expected)
        }
    }
}
