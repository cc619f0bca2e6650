import Testing

@testable import TailorTemplate
import TailorTestSupport

/// `RenderedText.string` must give exactly what `String(decoding:as:)` gives,
/// invalid bytes included; only the speed differs.
@Suite struct RenderedTextTests {
    static let long = String(repeating: "<td class=\"x\">", count: 10)

    /// Inputs around the cuts: long and short ASCII runs, non-ASCII at either
    /// end, and invalid or truncated sequences next to a cut.
    static let rows: [(String, [UInt8])] = [
        ("empty", []),
        ("ASCII only", Array(long.utf8)),
        ("a name in a long page", Array((long + "Schäfer" + long).utf8)),
        ("non-ASCII first", Array(("€" + long).utf8)),
        ("non-ASCII last", Array((long + "€").utf8)),
        ("short runs between letters", Array("ä a ö b ü c ß".utf8)),
        ("four-byte characters", Array((long + "😀😀" + long + "𝄞").utf8)),
        ("lone continuation byte before a long run", [0x80] + Array(long.utf8)),
        ("truncated sequence before a long run", [0xE2, 0x82] + Array(long.utf8)),
        ("truncated sequence at the end", Array(long.utf8) + [0xF0, 0x9F, 0x98]),
        ("overlong and surrogate encodings", Array(long.utf8) + [0xC0, 0xAF, 0xED, 0xA0, 0x80] + Array(long.utf8)),
        ("bytes that are never UTF-8", [0xFF, 0xFE] + Array(long.utf8) + [0xF8]),
        ("a run one short of the cut", Array(("é" + String(repeating: "a", count: 63) + "é").utf8)),
        ("a run just long enough to cut", Array(("é" + String(repeating: "a", count: 64) + "é").utf8)),
    ]

    @Test(arguments: rows)
    func sameAsStringDecoding(_ row: (String, [UInt8])) {
        let (name, bytes) = row
        #expect(RenderedText.string(bytes) == String(decoding: bytes, as: UTF8.self), "\(name)")
        #expect(Array(RenderedText.string(bytes).utf8) == Array(String(decoding: bytes, as: UTF8.self).utf8), "\(name)")
    }

    /// Random mixes of long ASCII runs, short ones and arbitrary high bytes.
    @Test func sameAsStringDecodingOnRandomBytes() {
        var generator = SplitMix64(seed: 0x7A11_0B)
        for _ in 0..<500 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 1...12, using: &generator) {
                switch Int.random(in: 0..<3, using: &generator) {
                case 0: bytes += (0..<Int.random(in: 60...200, using: &generator)).map { _ in UInt8.random(in: 0x20...0x7E, using: &generator) }
                case 1: bytes += (0..<Int.random(in: 0...9, using: &generator)).map { _ in UInt8.random(in: 0...0x7F, using: &generator) }
                default: bytes += (0..<Int.random(in: 1...6, using: &generator)).map { _ in UInt8.random(in: 0x80...0xFF, using: &generator) }
                }
            }
            #expect(Array(RenderedText.string(bytes).utf8) == Array(String(decoding: bytes, as: UTF8.self).utf8))
        }
    }

    @Test func firstNonASCIIFindsTheByteInEveryLanePosition() {
        for length in 0..<40 {
            for position in 0...length {
                var bytes = [UInt8](repeating: 0x61, count: length)
                if position < length { bytes[position] = 0xC3 }
                let found = bytes.withUnsafeBufferPointer { RenderedText.firstNonASCII($0, from: 0) }
                #expect(found == position, "length \(length), non-ASCII at \(position)")
            }
        }
    }
}
