import Testing

@testable import TailorBatch
import TailorTestSupport

/// The sixty-four-byte scan finds what the scan before it found (kept as
/// ``PreviousHTMLCharacterScan``), wherever the character sits.
@Suite struct HTMLCharacterScanDifferentialTests {
    /// Every control, DEL, the C1 controls, the noncharacters and their
    /// neighbours, characters of each UTF-8 length, and the allowed white space.
    static let forbidden: [UInt32] = Array(0x00...0x08) + [0x0b, 0x0c] + Array(0x0e...0x1f) + [
        0x7f, 0x80, 0x85, 0x9f, 0xfdd0, 0xfdef, 0xfffe, 0xffff, 0x1fffe, 0x1ffff, 0x10fffe, 0x10ffff,
    ]
    static let allowed: [UInt32] = [
        0x09, 0x0a, 0x0d, 0x20, 0x3c, 0x41, 0x7e, 0xa0, 0xa9, 0xc0, 0xe9, 0x100, 0x7ff, 0x800, 0x2028, 0x20ac,
        0xd7ff, 0xe000, 0xfdcf, 0xfdf0, 0xfe0f, 0xfeff, 0xfffd, 0x10000, 0x1f389, 0x1fffd, 0x10fffd,
    ]

    static func text(_ rng: inout SplitMix64, length: Int, forbiddenOdds: Int) -> String {
        var text = ""
        for _ in 0..<length {
            let pick = Int.random(in: 0..<forbiddenOdds, using: &rng)
            let pool = pick == 0 ? forbidden : pick < 4 ? allowed : [0x61, 0x3d, 0x0a]
            text.unicodeScalars.append(Unicode.Scalar(pool.randomElement(using: &rng)!)!)
        }
        return text
    }

    @Test func randomTextMatchesThePreviousScan() {
        var rng = SplitMix64(seed: 17)
        for odds in [8, 60, 400, 5_000] {
            for _ in 0..<2_000 {
                let text = Self.text(&rng, length: Int.random(in: 0...300, using: &rng), forbiddenOdds: odds)
                #expect(HTMLCharacterScan.first(in: text) == PreviousHTMLCharacterScan.first(in: text), "\(text.debugDescription)")
            }
        }
    }

    /// Each class at every offset of a step of sixty-four bytes and of the tail, after
    /// ASCII, after line ends and tabs, and after non-ASCII text.
    @Test func everyClassAtEveryOffset() {
        for codePoint in Self.forbidden + Self.allowed {
            let scalar = String(Unicode.Scalar(codePoint)!)
            for filler in ["a", "\n", "\t\r\n", "é", "€", "😀"] {
                for prefix in 0..<70 {
                    let before = String(repeating: filler, count: prefix)
                    for after in ["", String(repeating: "y\n", count: 40)] {
                        let text = before + scalar + after
                        #expect(HTMLCharacterScan.first(in: text) == PreviousHTMLCharacterScan.first(in: text), "\(text.debugDescription)")
                    }
                }
            }
        }
    }

    @Test func cleanBodiesOfEveryLengthHaveNone() {
        let body = String(repeating: "<p class=\"x\">Zoë &amp; € \t😀</p>\r\n", count: 12)
        for end in body.utf8.indices {
            guard let text = String(body.utf8[..<end]) else { continue }
            #expect(HTMLCharacterScan.first(in: text) == nil)
        }
    }
}
