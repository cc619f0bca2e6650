import Testing

@testable import TailorTemplate

/// `Escaping.escapeHTML` (which scans a word at a time) against a
/// character-by-character reference, on strings with the specials at every
/// position around the eight-byte steps.
@Suite struct EscapingTests {
    static func reference(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&#34;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }

    static let strings: [String] = {
        var all = ["", "a", "anna.schafer.1@example.com", "D\u{FC}sseldorf \u{1F600}", "&", "<>\"'&", "a&&b", "caf\u{E9}'s"]
        let base = "abcdefghijklmnopqrstu"
        for special in ["&", "<", ">", "\"", "'"] {
            for i in 0...base.count {
                var s = base
                s.insert(contentsOf: special, at: s.index(s.startIndex, offsetBy: i))
                all.append(s)
            }
        }
        return all
    }()

    @Test(arguments: strings)
    func escapeMatchesReference(_ s: String) {
        #expect(Escaping.escapeHTML(s) == Self.reference(s))
        var bytes: [UInt8] = []
        Escaping.appendEscaped(s, to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == Self.reference(s))
    }

    @Test func escapeFilterMatchesAutoescape() throws {
        for s in Self.strings {
            let json = "{\"v\": \(JSONValueWriter.string(.string(s)))}"
            #expect(try render("{{ v|e }}", json) == Self.reference(s))
            #expect(try render("{{ v }}", json, options: Options(autoescape: true)) == Self.reference(s))
        }
    }
}
