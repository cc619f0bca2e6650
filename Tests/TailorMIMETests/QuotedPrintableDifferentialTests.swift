import Foundation
import Testing

@testable import TailorMIME
import TailorTestSupport

/// The encoder's rules written the plain way: split into lines, cut each line into
/// characters, encode each character, then lay the characters out with soft breaks.
enum ReferenceQuotedPrintable {
    static func encode(_ bytes: [UInt8]) -> [UInt8] {
        var lines: [[UInt8]] = [[]]
        var i = 0
        while i < bytes.count {
            if bytes[i] == 0x0d || bytes[i] == 0x0a {
                if bytes[i] == 0x0d, i + 1 < bytes.count, bytes[i + 1] == 0x0a { i += 1 }
                lines.append([])
            } else {
                lines[lines.count - 1].append(bytes[i])
            }
            i += 1
        }
        return Array(lines.map(encodeLine).joined(separator: [0x0d, 0x0a]))
    }

    static func encodeLine(_ line: [UInt8]) -> [UInt8] {
        var characters: [[UInt8]] = []
        var i = 0
        while i < line.count {
            let length: Int
            switch line[i] {
            case 0xc2...0xdf: length = 2
            case 0xe0...0xef: length = 3
            case 0xf0...0xf4: length = 4
            default: length = 1
            }
            let end = min(line.count, i + length)
            characters.append((i..<end).flatMap { encodeByte(line, $0) })
            i = end
        }
        var out: [UInt8] = []
        var column = 0
        for (k, character) in characters.enumerated() {
            let limit = k == characters.count - 1 ? 76 : 75
            if column > 0, column + character.count > limit {
                out += Array("=\r\n".utf8)
                column = 0
            }
            out += character
            column += character.count
        }
        return out
    }

    static func encodeByte(_ line: [UInt8], _ j: Int) -> [UInt8] {
        let byte = line[j]
        let literal: Bool
        switch byte {
        case 0x20, 0x09: literal = j != line.count - 1
        case UInt8(ascii: "="): literal = false
        case 0x21...0x7e: literal = !(j == 0 && line.starts(with: Array("From ".utf8)))
        default: literal = false
        }
        return literal ? [byte] : Array(String(format: "=%02X", byte).utf8)
    }
}

@Suite struct QuotedPrintableDifferentialTests {
    /// Pieces that meet the encoder's rules: runs, line ends, white space before them,
    /// `=`, `From `, controls, and 2-, 3- and 4-byte characters.
    static let pieces: [String] = [
        "a", "word ", "The quick brown fox jumps over the lazy dog. ", String(repeating: "x", count: 70),
        " ", "  ", "\t", "=", "==", "_", "=_", "\r", "\n", "\r\n", "\n\r", " \r\n", "\t\n", "\u{0}", "\u{7f}",
        "From ", "From", "F", "é", "€", "—", "😀", "👩‍👩‍👧", "日本語", "<a href=\"https://x.example/?a=1&b=2\">",
    ]

    static func randomText(_ rng: inout SplitMix64) -> String {
        let count = Int.random(in: 0...60, using: &rng)
        return (0..<count).map { _ in pieces.randomElement(using: &rng)! }.joined()
    }

    @Test func randomTextMatchesReference() {
        var rng = SplitMix64(seed: 7)
        for _ in 0..<3_000 {
            let text = Self.randomText(&rng)
            let expected = ReferenceQuotedPrintable.encode(Array(text.utf8))
            #expect(QuotedPrintable.encode(bytes: Array(text.utf8)) == expected, "\(text.debugDescription)")
            #expect(QuotedPrintable.encode(text) == String(decoding: expected, as: UTF8.self))
        }
    }

    @Test func randomBytesMatchReference() {
        // Not UTF-8 at all: lead bytes without their continuation, lone continuation bytes.
        var rng = SplitMix64(seed: 11)
        let alphabet: [UInt8] = [0x41, 0x20, 0x09, 0x3d, 0x0d, 0x0a, 0x00, 0x80, 0xbf, 0xc2, 0xe2, 0xf0, 0xf5, 0xff, 0x46]
        for _ in 0..<3_000 {
            let bytes = (0..<Int.random(in: 0...200, using: &rng)).map { _ in
                Bool.random(using: &rng) ? UInt8(ascii: "x") : alphabet.randomElement(using: &rng)!
            }
            #expect(QuotedPrintable.encode(bytes: bytes) == ReferenceQuotedPrintable.encode(bytes), "\(bytes)")
        }
    }

    /// Something at every column a soft break can fall around.
    static let edges: [String] = (60...80).flatMap { n in
        let run = String(repeating: "a", count: n)
        return [
            run + "=", run + "=b", run + " ", run + " \n", run + " b", run + "\t\r\nb", run + "é", run + "😀",
            run + "😀b", run + "\r", run + "\rb", run + "\u{0}", String(repeating: "=", count: n / 3) + run,
            "From " + run, run + "\nFrom " + run, run + " " + run, String(repeating: "😀", count: n / 4) + run,
        ]
    }

    @Test func columnEdgesMatchReference() {
        for text in Self.edges {
            #expect(QuotedPrintable.encode(text) == String(decoding: ReferenceQuotedPrintable.encode(Array(text.utf8)), as: UTF8.self), "\(text.debugDescription)")
        }
    }

    @Test func longDocumentMatchesReference() {
        var rng = SplitMix64(seed: 3)
        let text = (0..<2_000).map { _ in Self.pieces.randomElement(using: &rng)! }.joined()
        #expect(QuotedPrintable.encode(text) == String(decoding: ReferenceQuotedPrintable.encode(Array(text.utf8)), as: UTF8.self))
    }
}
