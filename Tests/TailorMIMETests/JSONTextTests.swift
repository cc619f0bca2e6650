import Testing

@testable import TailorMIME
import TailorTestSupport

@Suite struct JSONTextTests {
    @Test(arguments: [
        ("plain-id_0042", #""plain-id_0042""#), ("", #""""#), ("a\"b\\c", #""a\"b\\c""#), ("tab\there\n", #""tab\there\n""#),
        ("\r\n", #""\r\n""#), ("\u{1}\u{1f}\u{7f}", #""\u0001\u001f\u007f""#), ("€ Zoë 🎉", "\"€ Zoë 🎉\""),
        ("a\u{2028}b\u{2029}", #""a\u2028b\u2029""#), ("\u{2027}\u{202A}", "\"\u{2027}\u{202A}\""), ("x\u{E2}", "\"x\u{E2}\""),
    ])
    func strings(_ value: String, _ expected: String) {
        #expect(JSONText.string(value).serialized == expected)
    }

    /// Every escape at every offset from an eight-byte boundary, in long ASCII and
    /// non-ASCII runs, against a scalar-by-scalar escaper.
    @Test(arguments: ["\"", "\\", "\n", "\u{0}", "\u{1f}", "\u{7f}", "\u{2028}", "\u{2029}", "é", "€", "🎉", "\u{2027}"])
    func escapesAtEveryOffset(_ special: String) {
        for prefix in 0..<17 {
            for filler in ["abcdefgh", "ü-ß"] {
                let text = String(repeating: filler, count: 3).prefix(prefix) + special + String(repeating: filler, count: 3)
                #expect(JSONText.string(String(text)).serialized == Self.reference(String(text)), "\(prefix) \(filler)")
            }
        }
    }

    /// The escaping JSONText promises, one scalar at a time.
    static func reference(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x22: out += "\\\""
            case 0x5c: out += "\\\\"
            case 0x0a: out += "\\n"
            case 0x0d: out += "\\r"
            case 0x09: out += "\\t"
            case 0..<0x20, 0x7f, 0x2028, 0x2029:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    @Test func objectsKeepTheirOrder() {
        let json = JSONText.object([("b", .int(-1)), ("a", .array([.bool(true), .null, .optional(nil), .string("\"")]))])
        #expect(json.serialized == #"{"b":-1,"a":[true,null,null,"\""]}"#)
    }
}

/// The manifest line against the same members serialized through `JSONText`, the
/// way it was first written.
@Suite struct ManifestLineTests {
    static func reference(_ e: ManifestEntry) -> String {
        var members: [(String, JSONText)] = [("id", .string(e.recipientID)), ("status", .string(e.status.rawValue))]
        func add(_ key: String, _ value: String?) {
            if let value { members.append((key, .string(value))) }
        }
        add("segment", e.segment)
        add("variant", e.variant)
        if let bytes = e.bytes { members.append(("bytes", .int(bytes))) }
        add("sha256", e.sha256)
        add("message_id", e.messageID)
        add("file", e.file)
        add("reason", e.reason)
        if let attempts = e.attempts { members.append(("attempts", .int(attempts))) }
        add("smtp", e.smtpReply)
        return JSONText.object(members).serialized
    }

    @Test func everyShapeMatchesReference() {
        var rng = SplitMix64(seed: 17)
        let texts: [String?] = [nil, "", "c-0042", "quote \" and \\ back", "line\nbreak\t\u{1}", "Zoë €", "\u{2028}x\u{2029}"]
        let statuses: [ManifestEntry.Status] = [.rendered, .skipped, .failed, .delivered]
        for _ in 0..<500 {
            func text() -> String? { texts.randomElement(using: &rng)! }
            let entry = ManifestEntry(
                recipientID: text() ?? "r", status: statuses.randomElement(using: &rng)!, segment: text(), variant: text(),
                bytes: Bool.random(using: &rng) ? Int.random(in: -5...100_000, using: &rng) : nil, sha256: text(),
                messageID: text(), file: text(), reason: text(),
                attempts: Bool.random(using: &rng) ? Int.random(in: 0...9, using: &rng) : nil, smtpReply: text())
            #expect(entry.jsonLine == Self.reference(entry))
        }
    }
}
