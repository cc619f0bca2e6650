import Foundation
import Testing

@testable import TailorMIME
import TailorTestSupport

struct QPRow: Sendable, CustomStringConvertible {
    var input: String
    var expected: String
    var description: String { input.debugDescription }
}

@Suite struct QuotedPrintableTests {
    static let rows: [QPRow] = [
        QPRow(input: "hello", expected: "hello"),
        QPRow(input: "a = b", expected: "a =3D b"),
        QPRow(input: "trailing space ", expected: "trailing space=20"),
        QPRow(input: "trailing tab\t", expected: "trailing tab=09"),
        QPRow(input: "two lines \nnext", expected: "two lines=20\r\nnext"),
        QPRow(input: "crlf\r\nlone cr\rend", expected: "crlf\r\nlone cr\r\nend"),
        QPRow(input: "Grüße", expected: "Gr=C3=BC=C3=9Fe"),
        QPRow(input: "€", expected: "=E2=82=AC"),
        QPRow(input: "From the start", expected: "=46rom the start"),
        QPRow(input: "x\nFrom here", expected: "x\r\n=46rom here"),
        QPRow(input: "Fromage", expected: "Fromage"),
        QPRow(input: String(repeating: "a", count: 76), expected: String(repeating: "a", count: 76)),
        QPRow(
            input: String(repeating: "a", count: 77),
            expected: String(repeating: "a", count: 75) + "=\r\naa"),
        QPRow(
            input: String(repeating: "a", count: 74) + "é",
            expected: String(repeating: "a", count: 74) + "=\r\n=C3=A9"),
        QPRow(
            input: String(repeating: "a", count: 73) + "=",
            expected: String(repeating: "a", count: 73) + "=3D"),
        QPRow(
            input: String(repeating: "a", count: 74) + "=b",
            expected: String(repeating: "a", count: 74) + "=\r\n=3Db"),
        QPRow(input: "", expected: ""),
        QPRow(input: "\n", expected: "\r\n"),
        QPRow(input: "tab\tinside", expected: "tab\tinside"),
        QPRow(input: "nul\u{0}ctl\u{7F}", expected: "nul=00ctl=7F"),
    ]

    @Test(arguments: rows)
    func knownVectors(_ row: QPRow) {
        #expect(QuotedPrintable.encode(row.input) == row.expected)
    }

    static let samples: [String] = [
        String(repeating: "Zoë Ämtmann 🎉 ", count: 20),
        String(repeating: "x", count: 300) + "   ",
        String(repeating: "=", count: 200),
        "short\n" + String(repeating: "日本語のテキスト", count: 30) + "\n\n  \n",
        String(repeating: "a ", count: 100) + "\t",
        (0..<500).map { String(UnicodeScalar(UInt8(32 + $0 % 95))) }.joined(),
    ]

    @Test(arguments: samples)
    func linesStayWithinLimitsAndRoundTrip(_ text: String) throws {
        let encoded = QuotedPrintable.encode(text)
        for line in encoded.components(separatedBy: "\r\n") {
            #expect(line.utf8.count <= 76, "line of \(line.utf8.count): \(line)")
            #expect(!line.hasSuffix(" ") && !line.hasSuffix("\t"))
            #expect(line.utf8.allSatisfy { $0 < 0x80 })
            // A soft break never splits an escape: every '=' starts a full escape or ends the line.
            let bytes = Array(line.utf8)
            for (i, byte) in bytes.enumerated() where byte == UInt8(ascii: "=") {
                #expect(i == bytes.count - 1 || i + 2 < bytes.count)
            }
            // Each encoded line decodes to whole UTF-8 characters.
            let decoded = try #require(QuotedPrintable.decode(line))
            #expect(String(validating: decoded, as: UTF8.self) != nil, "line splits a character: \(line)")
        }
        let decoded = try #require(QuotedPrintable.decode(encoded))
        let expected = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n", with: "\r\n")
        #expect(String(decoding: decoded, as: UTF8.self) == expected)
    }
}

struct WordRow: Sendable, CustomStringConvertible {
    var input: String
    var expected: [String]
    var description: String { input }
}

@Suite struct EncodedWordTests {
    static let rows: [WordRow] = [
        WordRow(input: "Zoë", expected: ["=?utf-8?q?Zo=C3=AB?="]),
        WordRow(input: "Café au lait", expected: ["=?utf-8?q?Caf=C3=A9_au_lait?="]),
        WordRow(input: "Zoë Ämtmann", expected: ["=?utf-8?b?Wm/DqyDDhG10bWFubg==?="]),
        WordRow(input: "a=b?", expected: ["=?utf-8?q?a=3Db=3F?="]),
        WordRow(input: "a_b", expected: ["=?utf-8?b?YV9i?="]),
        WordRow(input: "日本", expected: ["=?utf-8?b?5pel5pys?="]),
        WordRow(input: "", expected: ["=?utf-8?q??="]),
    ]

    @Test(arguments: rows)
    func knownVectors(_ row: WordRow) {
        #expect(EncodedWord.encode(row.input) == row.expected)
    }

    static let long: [String] = [
        String(repeating: "Ä", count: 100),
        String(repeating: "日本語", count: 40),
        String(repeating: "🎉a", count: 50),
        "Grüße aus Köln, " + String(repeating: "x", count: 120),
        String(repeating: "e\u{301}", count: 60),
    ]

    @Test(arguments: long)
    func wordsAreAtMost75AndWholeCharacters(_ text: String) throws {
        for capacity in [24, 40, 75] {
            let words = EncodedWord.encode(text, capacity: capacity)
            for word in words {
                #expect(word.count <= capacity)
                // Each word alone decodes to valid UTF-8: no character split across words.
                #expect(EncodedWord.decode(word) != nil, "\(word)")
            }
            #expect(EncodedWord.decode(words.joined(separator: "\r\n ")) == text)
        }
    }

    /// The encoder's rule the plain way: scalar by scalar, a word closes when the
    /// next scalar would take it past its limit.
    static func referenceEncode(_ text: String, first: Int, capacity: Int, encoding: EncodedWord.Encoding) -> [String] {
        func length(_ bytes: [UInt8]) -> Int {
            switch encoding {
            case .b: return 12 + (bytes.count + 2) / 3 * 4
            case .q: return 12 + bytes.reduce(0) { $0 + EncodedWord.qLength(of: $1) }
            }
        }
        func word(_ bytes: [UInt8]) -> String {
            bytes.withUnsafeBufferPointer { EncodedWord.word($0, encoding) }
        }
        var words: [String] = []
        var chunk: [UInt8] = []
        var limit = min(75, first)
        for scalar in text.unicodeScalars {
            let bytes = Array(String(scalar).utf8)
            if !chunk.isEmpty, length(chunk + bytes) > limit {
                words.append(word(chunk))
                chunk = []
                limit = min(75, capacity)
            }
            chunk += bytes
        }
        if !chunk.isEmpty || words.isEmpty { words.append(word(chunk)) }
        return words
    }

    @Test func wordsMatchReference() {
        var rng = SplitMix64(seed: 5)
        let pieces = ["a", "Zoë", " ", "  ", "=", "?", "_", "日本語", "🎉", "👩‍👩‍👧", "e\u{301}", "x", "ÄÖÜ", "-"]
        for _ in 0..<500 {
            let text = (0..<Int.random(in: 0...40, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
            for (first, capacity) in [(24, 24), (30, 75), (75, 40), (60, 77)] {
                for encoding in [EncodedWord.Encoding.b, .q] {
                    #expect(
                        EncodedWord.encode(text, firstCapacity: first, capacity: capacity, encoding: encoding)
                            == Self.referenceEncode(text, first: first, capacity: capacity, encoding: encoding),
                        "\(text.debugDescription)")
                }
            }
        }
    }

    @Test func decodeKeepsSpaceBetweenWordAndText() {
        #expect(EncodedWord.decode("Hello =?utf-8?q?Zo=C3=AB?= and you") == "Hello Zoë and you")
        #expect(EncodedWord.decode("=?utf-8?q?a?= =?utf-8?q?b?=") == "ab")
    }
}

@Suite struct HashAndDateTests {
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        (
            "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        ),
        (
            "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
            "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"
        ),
        (String(repeating: "a", count: 1000), "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3"),
        (String(repeating: "a", count: 1_000_000), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"),
    ])
    func sha256Vectors(_ input: String, _ expected: String) {
        #expect(SHA256Hasher.hex(of: input) == expected)
    }

    @Test(arguments: [[63, 200], [0, 1, 64, 65], [55, 56, 57], [999], [128, 512, 513]])
    func sha256StreamingMatchesOneShot(_ cuts: [Int]) {
        let data = Array((0..<1000).map { UInt8($0 % 251) })
        var hasher = SHA256Hasher()
        var start = 0
        for cut in cuts + [data.count] {
            hasher.update(data[start..<cut])
            start = cut
        }
        #expect(hasher.finalizeHex() == SHA256Hasher.hex(of: data))
        #expect(SHA256Hasher.hex(hasher.finalize()) == hasher.finalizeHex())
    }

    @Test func sha256OfStringsAndSequences() {
        var hasher = SHA256Hasher()
        hasher.update("ab")
        hasher.update(Substring("c").utf8)
        hasher.update(AnySequence([UInt8]()))
        #expect(hasher.finalizeHex() == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256Hasher.hex([0x00, 0x0f, 0xa0, 0xff]) == "000fa0ff")
    }

    @Test(arguments: [
        (1_739_439_000.0, 0, "Thu, 13 Feb 2025 09:30:00 +0000"),
        (0.0, 0, "Thu, 01 Jan 1970 00:00:00 +0000"),
        (951_782_400.0, 0, "Tue, 29 Feb 2000 00:00:00 +0000"),
        (1_739_439_000.0, 3_600, "Thu, 13 Feb 2025 10:30:00 +0100"),
        (1_739_439_000.0, -19_800, "Thu, 13 Feb 2025 04:00:00 -0530"),
        (1_735_689_599.0, 0, "Tue, 31 Dec 2024 23:59:59 +0000"),
    ])
    func dates(_ seconds: Double, _ offset: Int, _ expected: String) {
        let zone = TimeZone(secondsFromGMT: offset)!
        #expect(MessageDate.format(Date(timeIntervalSince1970: seconds), timeZone: zone) == expected)
    }

    @Test func asctime() {
        #expect(MessageDate.asctime(Date(timeIntervalSince1970: 1_738_400_000)) == "Sat Feb  1 08:53:20 2025")
    }
}
