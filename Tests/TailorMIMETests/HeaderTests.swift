import Foundation
import Testing

@testable import TailorMIME
import TailorTestSupport

struct InjectionRow: Sendable, CustomStringConvertible {
    var label: String
    var expected: MIMEError
    var make: @Sendable () throws -> Void
    var description: String { label }
}

@Suite struct HeaderInjectionTests {
    static func build(_ edit: @Sendable (inout MessageContent) throws -> Void) throws {
        var content = MessageContent(
            recipientID: "c-1", to: try MailAddress(address: "a@example.com"), subject: "Hi", html: "<p>x</p>",
            text: "x", unsubscribeURL: "https://shop.example.com/u")
        try edit(&content)
        _ = try (try! Fixtures.builder()).build(content)
    }

    static let rows: [InjectionRow] = [
        InjectionRow(label: "subject LF", expected: .headerInjection(header: "Subject")) {
            try build { $0.subject = "Hi\nBcc: victim@example.com" }
        },
        InjectionRow(label: "subject CRLF", expected: .headerInjection(header: "Subject")) {
            try build { $0.subject = "Hi\r\nBcc: victim@example.com" }
        },
        InjectionRow(label: "subject lone CR", expected: .headerInjection(header: "Subject")) {
            try build { $0.subject = "Hi\rthere" }
        },
        InjectionRow(label: "subject U+2028", expected: .headerInjection(header: "Subject")) {
            try build { $0.subject = "Hi\u{2028}there" }
        },
        InjectionRow(label: "subject NUL", expected: .controlCharacter(header: "Subject", scalar: 0)) {
            try build { $0.subject = "Hi\u{0}" }
        },
        InjectionRow(label: "display name LF", expected: .headerInjection(header: "To")) {
            try build { $0.to = try MailAddress(name: "Eve\nBcc: x@example.com", address: "eve@example.com") }
        },
        InjectionRow(
            label: "address CRLF",
            expected: .headerInjection(header: "To")
        ) {
            _ = try MailAddress(parsing: "Eve <eve@example.com>\r\nBcc: x@example.com")
        },
        InjectionRow(label: "unsubscribe URL LF", expected: .headerInjection(header: "List-Unsubscribe")) {
            try build { $0.unsubscribeURL = "https://shop.example.com/u\nBcc: x@example.com" }
        },
        InjectionRow(label: "unsubscribe mailto CR", expected: .headerInjection(header: "List-Unsubscribe")) {
            try build { $0.unsubscribeMailto = "mailto:u@shop.example.com\r" }
        },
        InjectionRow(label: "extra header value", expected: .headerInjection(header: "X-Campaign")) {
            try build { $0.headers = [try HeaderField(name: "X-Campaign", value: "a\r\nb: c")] }
        },
        InjectionRow(label: "header name with colon", expected: .invalidHeaderName("X-A: b")) {
            _ = try HeaderField(name: "X-A: b", value: "v")
        },
        InjectionRow(label: "header name with LF", expected: .invalidHeaderName("X-A\nB")) {
            _ = try HeaderField(name: "X-A\nB", value: "v")
        },
        InjectionRow(label: "header name with space", expected: .invalidHeaderName("X A")) {
            _ = try HeaderField(name: "X A", value: "v")
        },
        InjectionRow(label: "empty header name", expected: .invalidHeaderName("")) {
            _ = try HeaderField(name: "", value: "v")
        },
        InjectionRow(label: "non-ASCII header name", expected: .invalidHeaderName("X-Zoë")) {
            _ = try HeaderField(name: "X-Zoë", value: "v")
        },
        InjectionRow(label: "reserved extra header", expected: .reservedHeader("bcc")) {
            try build { $0.headers = [try HeaderField(name: "bcc", value: "x@example.com")] }
        },
        InjectionRow(
            label: "http unsubscribe",
            expected: .invalidUnsubscribe("http://shop.example.com/u", reason: "RFC 8058 requires an https:// URI")
        ) {
            try build { $0.unsubscribeURL = "http://shop.example.com/u" }
        },
        InjectionRow(
            label: "missing unsubscribe",
            expected: .invalidUnsubscribe("", reason: "an https unsubscribe URL is required (RFC 8058)")
        ) {
            try build { $0.unsubscribeURL = nil }
        },
    ]

    @Test(arguments: rows)
    func refused(_ row: InjectionRow) {
        #expect(throws: row.expected) { try row.make() }
    }

    @Test func errorNamesTheHeader() {
        #expect(MIMEError.headerInjection(header: "Subject").description.contains("'Subject'"))
    }
}

struct AddressRow: Sendable, CustomStringConvertible {
    var input: String
    var name: String
    var address: String
    var header: String
    var description: String { input }
}

@Suite struct AddressTests {
    static let rows: [AddressRow] = [
        AddressRow(input: "ada@example.com", name: "", address: "ada@example.com", header: "To: ada@example.com"),
        AddressRow(
            input: "Ada Lovelace <ada@example.com>", name: "Ada Lovelace", address: "ada@example.com",
            header: "To: Ada Lovelace <ada@example.com>"),
        AddressRow(
            input: "Zoë Ämtmann <zoe@example.com>", name: "Zoë Ämtmann", address: "zoe@example.com",
            header: "To: =?utf-8?b?Wm/DqyDDhG10bWFubg==?= <zoe@example.com>"),
        AddressRow(
            input: "\"Shop, Customer Care\" <care@shop.example.com>", name: "Shop, Customer Care",
            address: "care@shop.example.com", header: "To: \"Shop, Customer Care\" <care@shop.example.com>"),
        AddressRow(
            input: "\"Ann \\\"The Boss\\\" Lee\" <ann@example.com>", name: "Ann \"The Boss\" Lee",
            address: "ann@example.com", header: "To: \"Ann \\\"The Boss\\\" Lee\" <ann@example.com>"),
        AddressRow(
            input: "Dr. Who <who@example.com>", name: "Dr. Who", address: "who@example.com",
            header: "To: \"Dr. Who\" <who@example.com>"),
        AddressRow(
            input: "=?utf-8?q?x?= <x@example.com>", name: "=?utf-8?q?x?=", address: "x@example.com",
            header: "To: =?utf-8?b?PT91dGYtOD9xP3g/PQ==?= <x@example.com>"),
    ]

    @Test(arguments: rows)
    func parseAndFormat(_ row: AddressRow) throws {
        let address = try MailAddress(parsing: row.input)
        #expect(address.name == row.name)
        #expect(address.address == row.address)
        var folder = HeaderFolder(name: "To")
        address.append(to: &folder)
        #expect(folder.rendered == row.header)
    }

    @Test(arguments: [
        "zoë@example.com", "no-at-sign", "a@b", "a..b@example.com", ".a@example.com", "a@-example.com",
        "a@exa_mple.com", "a b@example.com", "a@example..com", "\(String(repeating: "x", count: 65))@example.com",
        "Name <>", "a@example.com>",
    ])
    func invalidAddresses(_ input: String) {
        #expect(throws: MIMEError.self) { try MailAddress(parsing: input) }
    }
}

/// The address rules as first written, over `String`s and `split`: the oracle for
/// the one-pass byte check.
enum ReferenceAddrSpec {
    static func problem(_ address: String) -> String? {
        guard address.unicodeScalars.allSatisfy({ $0.isASCII }) else { return "only ASCII addresses are supported" }
        guard let at = address.lastIndex(of: "@") else { return "missing '@'" }
        let local = address[..<at]
        let domain = address[address.index(after: at)...]
        guard !local.isEmpty, local.utf8.count <= 64 else { return "local part must be 1 to 64 characters" }
        let atoms = local.split(separator: ".", omittingEmptySubsequences: false)
        guard atoms.allSatisfy({ !$0.isEmpty && $0.utf8.allSatisfy(isAtext) }) else { return "local part must be a dot-atom" }
        guard isHostName(domain) else { return "domain must be a host name such as example.com" }
        let tld = domain.split(separator: ".").last.map { $0.lowercased() } ?? ""
        if tld.allSatisfy(\.isNumber) { return "domain must end in a top-level domain of letters" }
        if ["test", "localhost", "invalid", "local", "onion", "arpa"].contains(tld) { return "special-use top-level domain" }
        return nil
    }

    static func isAtext(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7a)
            || Array("!#$%&'*+-/=?^_`{|}~".utf8).contains(byte)
    }

    static func isHostName(_ domain: Substring) -> Bool {
        guard domain.utf8.count <= 253 else { return false }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2 else { return false }
        return labels.allSatisfy { label in
            (1...63).contains(label.utf8.count) && label.first != "-" && label.last != "-"
                && label.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7a) || $0 == 0x2d }
        }
    }
}

@Suite struct AddrSpecTests {
    @Test func randomAddressesMatchReference() {
        var rng = SplitMix64(seed: 13)
        let pieces = ["a", "Z", "0", ".", "..", "@", "-", "_", "+", "~", " ", "é", "\r\n", "example", "com", "x-y", "!", "(", String(repeating: "k", count: 63)]
        for _ in 0..<5_000 {
            let text = (0..<Int.random(in: 0...8, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
            var reason: String?
            do { try MailAddress.validateAddrSpec(text, header: "To") } catch { reason = "\(error)" }
            let expected = ReferenceAddrSpec.problem(text)
            #expect((reason == nil) == (expected == nil), "\(text.debugDescription)")
            if let reason, let expected { #expect(reason.contains(expected), "\(text.debugDescription)") }
            #expect(MailAddress.isHostName(Substring(text)) == ReferenceAddrSpec.isHostName(Substring(text)), "\(text.debugDescription)")
        }
    }
}

@Suite struct FoldingTests {
    static let subjects: [String] = [
        "Short",
        String(repeating: "word ", count: 40).trimmingCharacters(in: .whitespaces),
        "Zoë, " + String(repeating: "your picks ", count: 12),
        String(repeating: "日本語", count: 30),
        "Mixed Zoë and Ämtmann then plain words until the line must fold somewhere around here ok",
        "Double  spaces  and a trailing one ",
        " leading space",
        String(repeating: "x", count: 120),
        "=?utf-8?q?looks_encoded?= but is not",
        "tab\tinside",
        "a  b",
        "trailing ",
        "   ",
        "x",
    ]

    @Test(arguments: subjects)
    func foldsAt78AndRoundTrips(_ subject: String) throws {
        let rendered = try HeaderFolding.unstructured(HeaderField(name: "Subject", value: subject))
        let lines = rendered.components(separatedBy: "\r\n")
        for (i, line) in lines.enumerated() {
            #expect(line.utf8.count <= 78, "line \(i) has \(line.utf8.count): \(line)")
            #expect(line.utf8.allSatisfy { $0 < 0x80 })
            if i > 0 {
                #expect(line.hasPrefix(" "))
                #expect(!line.allSatisfy { $0 == " " })
            }
        }
        #expect(!rendered.contains("?q??=") && !rendered.contains("?b??="), "empty encoded-word")
        let value = String(rendered.dropFirst("Subject: ".count))
        #expect(EncodedWord.decode(value) == subject)
    }

    @Test func plainSubjectStaysReadable() throws {
        let rendered = try HeaderFolding.unstructured(HeaderField(name: "Subject", value: "Your spring picks, Zoë!"))  // B is shorter here
        #expect(rendered == "Subject: Your spring picks, =?utf-8?b?Wm/DqyE=?=")
    }

    @Test(arguments: [
        "", " ", "a", "a b", "a  b", " lead", "trail ", "Zoë Ämtmann", "abc \u{301}def", "e\u{301} \u{301} x", "🎉 🎉", "a\u{600} b", "👩‍👩‍👧 x  y ",
    ])
    func wordsSplitLikeCharacters(_ value: String) {
        let expected = value.split(separator: " ", omittingEmptySubsequences: false).map { String($0) }
        let utf8 = Array(value.utf8)
        #expect(HeaderFolder.words(value).map { String(decoding: utf8[$0], as: UTF8.self) } == expected)
    }

    @Test func unsubscribeHeaders() throws {
        let unsubscribe = try ListUnsubscribe(
            url: "https://shop.example.com/u?id=a,b c", mailto: "mailto:u@shop.example.com?subject=x")
        #expect(unsubscribe.url == "https://shop.example.com/u?id=a%2Cb%20c")
        let lines = String(decoding: try unsubscribe.renderedLines(), as: UTF8.self)
        #expect(
            lines == "List-Unsubscribe: <https://shop.example.com/u?id=a%2Cb%20c>,\r\n <mailto:u@shop.example.com?subject=x>\r\n"
                + "List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n")
    }
}

@Suite struct MessageIDTests {
    @Test func stableForTheSameSendAndRecipient() throws {
        let a = try MessageID(sendID: "spring-2025", recipientID: "c-1", domain: "shop.example.com")
        let b = try MessageID(sendID: "spring-2025", recipientID: "c-1", domain: "shop.example.com")
        #expect(a == b)
        #expect(a.value.hasPrefix("<") && a.value.hasSuffix(".spring-2025@shop.example.com>"))
    }

    @Test func uniqueAcrossRecipientsAndSends() throws {
        var seen = Set<String>()
        for send in ["spring-2025", "spring-2025b", "s/p r"] {
            for recipient in (0..<500).map({ "c-\($0)" }) + ["", "a\u{0}b", "a", "A"] {
                seen.insert(try MessageID(sendID: send, recipientID: recipient, domain: "shop.example.com").value)
            }
        }
        #expect(seen.count == 3 * 504)
        // Separator ambiguity: ("a", "bc") and ("ab", "c") differ.
        #expect(
            try MessageID(sendID: "a", recipientID: "bc", domain: "x.example").value.prefix(33)
                != MessageID(sendID: "ab", recipientID: "c", domain: "x.example").value.prefix(33))
    }

    @Test func builtMessagesCarryStableIDs() throws {
        let first = try Fixtures.messages()
        let second = try Fixtures.messages()
        #expect(first.map(\.messageID) == second.map(\.messageID))
        #expect(first.map(\.sha256) == second.map(\.sha256))
        #expect(Set(first.map(\.messageID)).count == first.count)
    }

    @Test(arguments: ["", "localhost", "bad domain.com", "-x.com", "x..com", "zoë.example"])
    func badDomains(_ domain: String) {
        #expect(throws: MIMEError.invalidMessageIDDomain(domain)) {
            try MessageID(sendID: "s", recipientID: "r", domain: domain)
        }
    }
}

@Suite struct UnsubscribePrefixTests {
    @Test(arguments: [
        "https://x.example/u", "HTTPS://x.example/u", "HtTpS://x", "https:/", "https://", "http://x", "ftps://x",
        "https://\u{301}x", "https:/\u{301}/x", "\u{212A}https://x", "https://é", "mailto:a@b", "MAILTO:a@b", "mailto:",
        "mailto:\u{301}a@b", "mailto", "",
    ])
    func prefixesMatchLowercasedHasPrefix(_ text: String) {
        for prefix in ["https://", "mailto:"] {
            #expect(ListUnsubscribe.hasPrefixIgnoringCase(text, prefix) == text.lowercased().hasPrefix(prefix))
        }
        #expect(ListUnsubscribe.containsAt(text) == text.contains("@"))
    }
}
