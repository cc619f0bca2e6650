import TailorTestSupport
import Foundation
import Testing

@testable import TailorMIME

@Suite struct SafeFileNameTests {
    static let hostile: [String] = [
        "../../etc/passwd", "..", ".", "", "/", "a/b", "a\\b", "nul\u{0}byte", "ctl\u{1}\u{7f}", "line\nbreak",
        ".hidden", "trailing.", "CON", "con.txt", "lpt1", "Ada", "ada", "ADA", "zoë", "日本",
        String(repeating: "x", count: 300), String(repeating: "é", count: 200), "c-0001-0123456789",
        "c-0001", "a b", "%2e%2e%2f", "~root", "-rf",
    ]

    @Test(arguments: hostile)
    func staysInsideTheFolder(_ id: String) {
        let name = SafeFileName.make(for: id)
        #expect(!name.isEmpty && name.utf8.count <= 75)
        #expect(!name.contains("/") && !name.contains("\\") && !name.contains("\0"))
        #expect(!name.hasPrefix("."))
        #expect(name != "." && name != "..")
        #expect(name.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x7a).contains($0) || "._-".utf8.contains($0) })
        #expect(SafeFileName.make(for: id) == name, "deterministic")
    }

    @Test func distinctIDsGetDistinctNames() {
        let names = Self.hostile.map(SafeFileName.make(for:))
        #expect(Set(names).count == Set(Self.hostile).count)
        // Case-insensitive file systems: names differ even when lowercased.
        #expect(Set(names.map { $0.lowercased() }).count == names.count)
    }

    @Test(arguments: [("c-0042", "c-0042"), ("order_7.b", "order_7.b")])
    func plainIDsAreKept(_ id: String, _ expected: String) {
        #expect(SafeFileName.make(for: id) == expected)
    }

    @Test func emlWriterRefusesDuplicatesAndWritesInside() throws {
        let dir = TestFolder.make("eml")
        defer { try? FileManager.default.removeItem(at: dir) }
        let writer = try OutputFormat.eml.makeWriter(directory: dir)
        let messages = try Fixtures.messages()
        var files: [String] = []
        for message in messages { files.append(try writer.write(message)) }
        #expect(throws: MIMEError.duplicateRecipient(messages[0].recipientID)) { try writer.write(messages[0]) }
        try writer.finish()
        let listed = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
        #expect(listed == files.sorted())
        for (message, file) in zip(messages, files) {
            let data = try Data(contentsOf: dir.appendingPathComponent(file))
            #expect(Array(data) == message.bytes)
        }
    }
}

@Suite struct MboxTests {
    @Test(arguments: [
        ("From x\r\nb\r\n", ">From x\nb\n"),
        (">From x\r\n", ">>From x\n"),
        (">>From x\r\n", ">>>From x\n"),
        ("a\r\nFrom me\r\n>From you\r\nFromage\r\n> From\r\n", "a\n>From me\n>>From you\nFromage\n> From\n"),
        ("no newline", "no newline"),
        ("", ""), ("\r\n\r\n", "\n\n"), ("From \nFrom \nFrom ", ">From \n>From \n>From "),
        // The worst case for the buffer: every line a From line, as short as one can be.
        (String(repeating: "From ", count: 2000), ">" + String(repeating: "From ", count: 2000)),
        (String(repeating: "From \n", count: 2000), String(repeating: ">From \n", count: 2000)),
    ])
    func mboxrdQuoting(_ input: String, _ expected: String) {
        #expect(String(decoding: MboxWriter.quote(Array(input.utf8)), as: UTF8.self) == expected)
    }

    /// mboxrd quoting the plain way: split at LF, drop a CR before it, quote `>*From `.
    static func referenceQuote(_ bytes: [UInt8]) -> [UInt8] {
        var lines = bytes.split(separator: 0x0a, omittingEmptySubsequences: false).map(Array.init)
        let endsWithLineFeed = bytes.last == 0x0a
        if endsWithLineFeed { lines.removeLast() }
        var out: [UInt8] = []
        for (k, var line) in lines.enumerated() {
            let hasLineFeed = k < lines.count - 1 || endsWithLineFeed
            if hasLineFeed, line.last == 0x0d { line.removeLast() }
            if line.drop(while: { $0 == UInt8(ascii: ">") }).starts(with: Array("From ".utf8)) { out.append(UInt8(ascii: ">")) }
            out += line
            if hasLineFeed { out.append(0x0a) }
        }
        return out
    }

    @Test func randomInputsMatchReference() {
        var rng = SplitMix64(seed: 5)
        let pieces = ["\r\n", "\n", "\r", "From ", ">", "From", " ", "x", "abcdefgh", "=\r\n", String(repeating: "y", count: 75)]
        for _ in 0..<3_000 {
            let text = (0..<Int.random(in: 0...40, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
            let bytes = Array(text.utf8)
            #expect(MboxWriter.quote(bytes) == Self.referenceQuote(bytes), "\(text.debugDescription)")
        }
    }

    @Test func entriesStartWithSeparator() throws {
        let message = try Fixtures.messages()[0]
        let entry = String(decoding: MboxWriter.entry(for: message), as: UTF8.self)
        #expect(entry.hasPrefix("From news@shop.example.com Thu Feb 13 09:30:00 2025\n"))
        #expect(entry.hasSuffix("\n\n"))
        #expect(!entry.contains("\r"))
    }
}

@Suite struct ESPBodyTests {
    func json(_ bytes: [UInt8]) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(bytes))
    }

    @Test func sesCarriesTheMessageUnchanged() throws {
        let message = try Fixtures.messages()[1]
        let body = try SESWriter.body(for: message, options: OutputOptions())
        let object = try #require(try json(Array(body.serialized.utf8)) as? [String: Any])
        let content = try #require(object["Content"] as? [String: Any])
        let raw = try #require(content["Raw"] as? [String: Any])
        let base64 = try #require(raw["Data"] as? String)
        let data = try #require(Data(base64Encoded: base64))
        #expect(Array(data) == message.bytes)
        #expect(object["FromEmailAddress"] as? String == "news@shop.example.com")
        #expect((object["Destination"] as? [String: Any])?["ToAddresses"] as? [String] == ["zoe@example.com"])
    }

    @Test func sesSizeLimit() throws {
        var options = OutputOptions()
        options.sesMaxMessageBytes = 1000
        #expect(throws: MIMEError.self) { try SESWriter.body(for: try Fixtures.messages()[0], options: options) }
    }

    @Test func sendGridShape() throws {
        let message = try Fixtures.messages()[1]
        let object = try #require(try json(SendGridWriter.body(for: message, options: OutputOptions())) as? [String: Any])
        let personalizations = try #require(object["personalizations"] as? [[String: Any]])
        #expect(personalizations.count == 1)
        let to = try #require(personalizations[0]["to"] as? [[String: String]])
        #expect(to == [["email": "zoe@example.com", "name": "Zoë Ämtmann"]])
        let content = try #require(object["content"] as? [[String: String]])
        #expect(content.map { $0["type"] } == ["text/plain", "text/html"])
        #expect(content[1]["value"] == message.html)
        #expect(object["subject"] as? String == message.subject)
        let headers = try #require(object["headers"] as? [String: String])
        #expect(headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click")
        #expect(headers["Feedback-ID"] == "spring-2025:tailor")
        #expect(headers["Message-ID"] == nil && headers["Date"] == nil)
        #expect((object["reply_to"] as? [String: String])?["email"] == "care@shop.example.com")
    }

    @Test func sendGridSizeLimit() throws {
        var options = OutputOptions()
        options.sendGridMaxBytes = 500
        #expect(throws: MIMEError.self) { try SendGridWriter.body(for: try Fixtures.messages()[0], options: options) }
    }

    @Test func postmarkBatchesOfAtMost500() throws {
        let dir = TestFolder.make("postmark")
        defer { try? FileManager.default.removeItem(at: dir) }
        let builder = try Fixtures.builder()
        var content = try Fixtures.content(for: Fixtures.people[1])
        let writer = try OutputFormat.postmark.makeWriter(directory: dir)
        var files: [String] = []
        for i in 0..<1001 {
            content.recipientID = "r-\(i)"
            files.append(try writer.write(try builder.build(content)))
        }
        try writer.finish()
        #expect(Set(files) == ["postmark-batch-0001.json", "postmark-batch-0002.json", "postmark-batch-0003.json"])
        var counts: [Int] = []
        for name in ["postmark-batch-0001.json", "postmark-batch-0002.json", "postmark-batch-0003.json"] {
            let data = try Data(contentsOf: dir.appendingPathComponent(name))
            let array = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
            counts.append(array.count)
            let first = array[0]
            #expect(first["To"] as? String == "=?utf-8?b?Wm/DqyDDhG10bWFubg==?= <zoe@example.com>")
            #expect(first["HtmlBody"] as? String != nil && first["TextBody"] as? String != nil)
            let headers = try #require(first["Headers"] as? [[String: String]])
            #expect(headers.contains { $0["Name"] == "List-Unsubscribe-Post" })
        }
        #expect(counts == [500, 500, 1])
    }

    @Test func postmarkBatchByteLimit() throws {
        let dir = TestFolder.make("postmark-bytes")
        defer { try? FileManager.default.removeItem(at: dir) }
        var options = OutputOptions()
        let one = try PostmarkWriter.element(for: try Fixtures.messages()[0], options: options).serialized.utf8.count
        options.postmarkMaxBatchBytes = one * 3 + 10
        let writer = try OutputFormat.postmark.makeWriter(directory: dir, options: options)
        let builder = try Fixtures.builder()
        var content = try Fixtures.content(for: Fixtures.people[0])
        for i in 0..<7 {
            content.recipientID = "c-000\(i)"  // same length as the measured one
            _ = try writer.write(try builder.build(content))
        }
        try writer.finish()
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
        #expect(files.count == 3)
        for file in files {
            #expect(try Data(contentsOf: dir.appendingPathComponent(file)).count <= options.postmarkMaxBatchBytes)
        }
    }

    @Test func postmarkBodyLimit() throws {
        var options = OutputOptions()
        options.postmarkMaxBodyBytes = 100
        #expect(throws: MIMEError.self) { try PostmarkWriter.element(for: try Fixtures.messages()[0], options: options) }
    }

    @Test func jsonlLines() throws {
        let dir = TestFolder.make("jsonl")
        defer { try? FileManager.default.removeItem(at: dir) }
        var options = OutputOptions()
        options.includeRaw = true
        let writer = try OutputFormat.jsonl.makeWriter(directory: dir, options: options)
        let messages = try Fixtures.messages()
        for message in messages { _ = try writer.write(message) }
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("messages.jsonl").path))
        try writer.finish()
        let text = try String(contentsOf: dir.appendingPathComponent("messages.jsonl"), encoding: .utf8)
        let lines = text.split(separator: "\n")
        #expect(lines.count == messages.count)
        for (line, message) in zip(lines, messages) {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(Set(object.keys).isSuperset(of: ["to", "from", "subject", "html", "text", "headers", "raw"]))
            #expect(object["raw"] as? String == message.raw)
            #expect(object["subject"] as? String == message.subject)
            #expect((object["headers"] as? [String: String])?["Message-ID"] == message.messageID)
        }
    }
}

@Suite struct ManifestTests {
    @Test func oneLinePerRecipient() throws {
        let dir = TestFolder.make("manifest")
        defer { try? FileManager.default.removeItem(at: dir) }
        let manifest = try ManifestWriter(directory: dir)
        let message = try Fixtures.messages()[0]
        try manifest.append(.rendered(message, file: "c-0001.eml", segment: "vip", variant: "b"))
        try manifest.append(ManifestEntry(recipientID: "c-2", status: .skipped, segment: nil, reason: "no segment matched"))
        try manifest.append(ManifestEntry(recipientID: "c-3", status: .failed, reason: "header 'Subject': value contains CR or LF"))
        try manifest.finish()
        let lines = try String(contentsOf: dir.appendingPathComponent("manifest.jsonl"), encoding: .utf8)
            .split(separator: "\n")
        #expect(lines.count == 3)
        let first = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect(first["status"] as? String == "rendered")
        #expect(first["segment"] as? String == "vip")
        #expect(first["variant"] as? String == "b")
        #expect(first["bytes"] as? Int == message.size)
        #expect(first["sha256"] as? String == message.sha256)
        #expect(lines[1] == #"{"id":"c-2","status":"skipped","reason":"no segment matched"}"#)
        #expect(manifest.counts == [.rendered: 1, .skipped: 1, .failed: 1])
    }
}

@Suite struct BoundaryTests {
    @Test func deterministicAndAbsentFromBodies() throws {
        let hostile = "--=_tailor_ and =_tailor_0123 and -- and =_"
        let a = MultipartAlternative(text: hostile, html: "<p>\(hostile)</p>", sendID: "spring", recipientID: "c-1")
        let b = MultipartAlternative(text: hostile, html: "<p>\(hostile)</p>", sendID: "spring", recipientID: "c-1")
        #expect(a.boundary == b.boundary)
        #expect(!a.encodedText.contains(a.boundary) && !a.encodedHTML.contains(a.boundary))
        #expect(!a.encodedText.contains("=_"))
        let c = MultipartAlternative(text: hostile, html: "<p>\(hostile)</p>", sendID: "spring", recipientID: "c-2")
        let d = MultipartAlternative(text: hostile, html: "<p>\(hostile)</p>", sendID: "summer", recipientID: "c-1")
        #expect(Set([a.boundary, c.boundary, d.boundary]).count == 3)
        // RFC 2046 bchars and length.
        #expect(a.boundary.count <= 70)
        #expect(a.boundary.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x7a).contains($0) || "=_".utf8.contains($0) })
    }

    @Test func boundaryIsResaltedWhenAPartHoldsIt() {
        let first = MultipartBoundary.candidate(sendID: "spring", recipientID: "c-1", salt: 0)
        let second = MultipartBoundary.candidate(sendID: "spring", recipientID: "c-1", salt: 1)
        #expect(first.hasPrefix("=_tailor_") && first.utf8.count == 41 && first != second)
        let part = Array("x=\r\n\(first)y".utf8)
        #expect(MultipartBoundary.derive(sendID: "spring", recipientID: "c-1", avoiding: [[], part]) == second)
        #expect(MultipartBoundary.derive(sendID: "spring", recipientID: "c-1", avoiding: [[]]) == first)
    }

    @Test(arguments: [
        ("=_tailor_", "=_tailor_", true), ("=_tailor_", "x=_tailor_", true), ("=_tailor_", "=_tailor", false),
        ("=_ab", "_=_a=_ab", true), ("=_ab", "=_a_b", false), ("=_ab", "", false), ("=_ab", "a_b_=_", false),
    ])
    func boundarySearch(_ needle: String, _ haystack: String, _ found: Bool) {
        #expect(MultipartBoundary.occurs(needle, in: Array(haystack.utf8)) == found)
    }

    @Test(arguments: [
        ("abc", "xxabcabc", 0, 0, 2), ("abc", "xxabcabc", 3, 0, 5), ("abc", "xxabcabc", 3, 2, 5), ("abc", "xxabcabc", 6, 1, nil),
        ("abc", "ab", 0, 0, nil), ("a", "a", 0, 0, 0), ("aab", "aaab", 0, 1, 1), ("", "xy", 1, 0, 1),
    ] as [(String, String, Int, Int, Int?)])
    func byteSearch(_ needle: String, _ haystack: String, _ from: Int, _ anchor: Int, _ offset: Int?) {
        let found = Array(needle.utf8).withUnsafeBufferPointer { n in
            Array(haystack.utf8).withUnsafeBufferPointer { ByteSearch.firstOffset(of: n, in: $0, from: from, anchor: anchor) }
        }
        #expect(found == offset)
    }

    @Test func messageStructure() throws {
        let message = try Fixtures.messages()[1]
        let raw = message.raw
        #expect(!raw.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        #expect(!raw.replacingOccurrences(of: "\r\n", with: "").contains("\r"))
        let plain = try #require(raw.range(of: "Content-Type: text/plain; charset=utf-8"))
        let html = try #require(raw.range(of: "Content-Type: text/html; charset=utf-8"))
        #expect(plain.lowerBound < html.lowerBound)
        #expect(raw.contains("MIME-Version: 1.0\r\n"))
        #expect(raw.contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n"))
        #expect(raw.contains("Date: Thu, 13 Feb 2025 09:30:00 +0000\r\n"))
        #expect(message.html.contains("display:none"))
        #expect(message.bytes.allSatisfy { $0 < 0x80 })
        #expect(SHA256Hasher.hex(of: message.bytes) == message.sha256)
    }

    @Test func preheaderInsertedOnce() {
        let html = "<html><BODY class=\"x\"><p>Hi</p></body></html>"
        let once = Preheader.insert("Spring & more", into: html)
        #expect(once.hasPrefix("<html><BODY class=\"x\"><div style=\"display:none;"))
        #expect(once.contains(">Spring &amp; more</div><p>Hi</p>"))
        #expect(Preheader.insert("Spring & more", into: once) == once)
        #expect(Preheader.insert("", into: html) == html)
        #expect(Preheader.insert("x", into: "<p>no body</p>").hasPrefix("<div"))
        #expect(Preheader.insert("Hi there", into: "<bodyguard><p>x</p>").hasPrefix("<div"))
    }

    @Test(arguments: [
        ("Spring sale", "<body><p>Spring sale</p>", false), ("Spring sale", "<body><p>Spring sale\u{301}</p>", true),
        ("a & b", "<body>a &amp; b", false), ("a & b", "<body>a & b", false), ("Zoë", "<body>Zoë", false),
        ("Zoë", "<body>Zoe", true), ("x", "<BODY\tid=1>", true), ("x", "<body", true), ("q", "<bodyx><body/>", true),
    ])
    func preheaderFoundOnlyOnWholeCharacters(_ preheader: String, _ html: String, _ inserted: Bool) {
        let out = Preheader.insert(preheader, into: html)
        #expect(out.contains(Preheader.hiddenStyle) == inserted, "\(out)")
    }
}
