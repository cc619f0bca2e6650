/// A mailbox: an optional display name and an ASCII `addr-spec`.
///
/// RFC 5322 3.4:
///
/// > mailbox         =   name-addr / addr-spec
/// > name-addr       =   [display-name] angle-addr
/// > display-name    =   phrase
///
/// and 3.2.3, on what a phrase may hold unquoted:
///
/// > atext           =   ALPHA / DIGIT / "!" / "#" / "$" / "%" / "&" / "'" / "*" /
/// >                     "+" / "-" / "/" / "=" / "?" / "^" / "_" / "`" / "{" / "|" /
/// >                     "}" / "~"
///
/// A display name made of atext words stays as it is; one holding specials such as
/// `,` `.` `"` or `@` becomes a quoted-string; one holding non-ASCII text (or too long
/// to quote on one line) becomes RFC 2047 encoded-words. The address itself must be
/// ASCII: tailor does not send SMTPUTF8.
///
/// ```swift
/// let to = try MailAddress(parsing: "Zoë Ämtmann <zoe@example.com>")
/// to.name      // "Zoë Ämtmann"
/// to.address   // "zoe@example.com"
/// ```
public struct MailAddress: Sendable, Hashable, CustomStringConvertible {
    /// The display name, unencoded; empty for none.
    public let name: String
    /// The `local@domain` address.
    public let address: String

    /// A mailbox from its parts; `header` names the field in errors.
    public init(name: String = "", address: String, header: String = "To") throws(MIMEError) {
        try HeaderField.validateValue(name, header: header)
        try HeaderField.validateValue(address, header: header)
        try Self.validateAddrSpec(address, header: header)
        self.name = name.trimmingSpaces()
        self.address = address
    }

    /// Parses `Name <local@domain>`, `"Quoted, Name" <local@domain>` or a bare address.
    public init(parsing text: String, header: String = "To") throws(MIMEError) {
        try HeaderField.validateValue(text, header: header)
        let trimmed = text.trimmingSpaces()
        guard trimmed.hasSuffix(">"), let open = trimmed.lastIndex(of: "<") else {
            try self.init(address: trimmed, header: header)
            return
        }
        let address = String(trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)])
        var name = String(trimmed[..<open]).trimmingSpaces()
        if name.count >= 2, name.hasPrefix("\""), name.hasSuffix("\"") {
            var unquoted = ""
            var escaped = false
            for ch in name.dropFirst().dropLast() {
                if escaped {
                    unquoted.append(ch)
                    escaped = false
                } else if ch == "\\" {
                    escaped = true
                } else {
                    unquoted.append(ch)
                }
            }
            name = unquoted
        }
        try self.init(name: name, address: address, header: header)
    }

    /// `Name <address>` unencoded, for logs and JSON.
    public var description: String {
        name.isEmpty ? address : "\(name) <\(address)>"
    }

    /// The domain part.
    public var domain: String {
        String(address[address.index(after: address.lastIndex(of: "@")!)...])
    }

    /// Appends the mailbox to a header being folded.
    func append(to folder: inout HeaderFolder) {
        if !name.isEmpty {
            switch Self.phraseForm(of: name) {
            case .atoms:
                for word in name.split(separator: " ") { folder.appendAtom(String(word)) }
            case .quoted:
                folder.appendAtom(Self.quoted(name))
            case .encoded:
                folder.appendEncoded(name)
            }
        }
        folder.appendAtom(name.isEmpty ? address : "<\(address)>")
    }

    /// The header value, encoded and unfolded, for API bodies (`Name <address>`).
    public var encoded: String {
        var folder = HeaderFolder(name: "X")
        append(to: &folder)
        return String(folder.unfolded.dropFirst(3))
    }

    enum PhraseForm { case atoms, quoted, encoded }

    /// How a display name is written: plain atoms, a quoted-string, or encoded-words.
    static func phraseForm(of name: String) -> PhraseForm {
        let ascii = name.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value < 0x7f }
        guard ascii, !name.contains("=?"), name.utf8.count <= 70 else { return .encoded }
        let words = name.split(separator: " ", omittingEmptySubsequences: false)
        let atoms = words.allSatisfy { word in
            !word.isEmpty && word.utf8.allSatisfy(isAtext)
        }
        return atoms ? .atoms : .quoted
    }

    /// A quoted-string (RFC 5322 3.2.4): `"` and `\` escaped with a backslash.
    static func quoted(_ name: String) -> String {
        var out = "\""
        for ch in name {
            if ch == "\"" || ch == "\\" { out.append("\\") }
            out.append(ch)
        }
        return out + "\""
    }

    static func isAtext(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        case UInt8(ascii: "!"), UInt8(ascii: "#"), UInt8(ascii: "$"), UInt8(ascii: "%"), UInt8(ascii: "&"),
            UInt8(ascii: "'"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "/"),
            UInt8(ascii: "="), UInt8(ascii: "?"), UInt8(ascii: "^"), UInt8(ascii: "_"), UInt8(ascii: "`"),
            UInt8(ascii: "{"), UInt8(ascii: "|"), UInt8(ascii: "}"), UInt8(ascii: "~"):
            return true
        default:
            return false
        }
    }

    /// Checks a `dot-atom` local part and a host-name domain (RFC 5322 3.4.1, RFC 5321
    /// 4.5.3.1 sizes: 64 octets of local part, 255 of domain).
    ///
    /// One pass over the UTF-8 bytes, with the reasons in the order the rules are
    /// listed: every recipient's address comes through here.
    public static func validateAddrSpec(_ address: String, header: String) throws(MIMEError) {
        var bytes = address
        if let reason = bytes.withUTF8(addrSpecProblem) {
            throw .invalidAddress(header: header, address: address, reason: reason)
        }
    }

    /// Why `bytes` is not an addr-spec tailor sends to, or nil.
    private static func addrSpecProblem(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var at = -1
        for (k, byte) in bytes.enumerated() {
            if byte >= 0x80 { return "only ASCII addresses are supported" }
            if byte == UInt8(ascii: "@") { at = k }
        }
        guard at >= 0 else { return "missing '@'" }
        guard (1...64).contains(at) else { return "local part must be 1 to 64 characters" }
        // A dot-atom: atext runs, one dot between each two.
        var afterDot = true
        for byte in bytes[..<at] {
            if byte == UInt8(ascii: ".") {
                if afterDot { return "local part must be a dot-atom" }
                afterDot = true
            } else {
                guard isAtext(byte) else { return "local part must be a dot-atom" }
                afterDot = false
            }
        }
        if afterDot { return "local part must be a dot-atom" }
        let domain = UnsafeBufferPointer(rebasing: bytes[(at + 1)...])
        guard isHostName(domain) else {
            return "domain must be a host name such as example.com"
        }
        return topLevelDomainProblem(domain) ?? aLabelProblem(domain)
    }

    /// Why a label `xn--...` of `domain` is not an internationalized label
    /// (IDNA2008, RFC 5890 2.3.2.1: an A-label is the Punycode of a U-label), or nil.
    ///
    /// The U-label must decode and hold only what RFC 5892 2.1 calls LetterDigits
    /// (general categories Ll, Lo, Lm, Mn, Mc, Nd; uppercase is not stable under
    /// case folding), besides ASCII letters, digits and `-`: symbols and emoji are
    /// not allowed in domain names. The few exceptions RFC 5892 lists by code
    /// point are not looked up.
    private static func aLabelProblem(_ domain: UnsafeBufferPointer<UInt8>) -> String? {
        for label in domain.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false) {
            guard label.count > 4, label.prefix(4).map({ $0 | 0x20 }) == Array("xn--".utf8) else { continue }
            let name = String(decoding: label, as: UTF8.self)
            guard let decoded = Punycode.decode(label.dropFirst(4)),
                decoded.unicodeScalars.contains(where: { !$0.isASCII }),
                decoded.unicodeScalars.allSatisfy(isLetterDigit)
            else {
                return "domain label '\(name)' is not a valid internationalized label (Punycode of letters and digits, RFC 5890)"
            }
        }
        return nil
    }

    private static func isLetterDigit(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            return ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "-"
        }
        switch scalar.properties.generalCategory {
        case .lowercaseLetter, .otherLetter, .modifierLetter, .nonspacingMark, .spacingMark, .decimalNumber: return true
        default: return false
        }
    }

    /// Top-level domains no mail is delivered to: RFC 6761 reserves `test`,
    /// `localhost` and `invalid`, RFC 6762 `local` (multicast DNS), RFC 7686
    /// `onion`, and `arpa` (RFC 3172) names infrastructure, not mailboxes.
    /// `example` stays allowed: documentation and tests address it.
    static let specialUseTopLevelDomains: Set<String> = ["test", "localhost", "invalid", "local", "onion", "arpa"]

    /// Why a host name's last label cannot end a recipient's domain, or nil.
    ///
    /// RFC 3696 2: "There is an additional rule that essentially requires that
    /// top-level domain names not be all-numeric."
    private static func topLevelDomainProblem(_ domain: UnsafeBufferPointer<UInt8>) -> String? {
        let start = (domain.lastIndex(of: UInt8(ascii: ".")) ?? -1) + 1
        let label = UnsafeBufferPointer(rebasing: domain[start...])
        if label.allSatisfy({ (0x30...0x39).contains($0) }) {
            return "domain must end in a top-level domain of letters such as .com, not '.\(String(decoding: label, as: UTF8.self))'"
        }
        guard label.count <= 9 else { return nil }
        let lowered = String(decoding: label.map { $0 | 0x20 }, as: UTF8.self)
        guard specialUseTopLevelDomains.contains(lowered) else { return nil }
        return "'.\(lowered)' is a special-use top-level domain that receives no mail (RFC 6761): "
            + "use the recipient's real address"
    }

    /// Letters, digits and hyphens in dot-separated labels of 1 to 63, at least two.
    static func isHostName(_ domain: Substring) -> Bool {
        var domain = domain
        return domain.withUTF8(isHostName)
    }

    /// ``isHostName(_:)`` over the UTF-8 bytes: a label may not start or end with `-`.
    private static func isHostName(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count <= 253 else { return false }
        var labels = 0
        var start = 0
        for k in 0...bytes.count where k == bytes.count || bytes[k] == UInt8(ascii: ".") {
            guard (1...63).contains(k - start), bytes[start] != UInt8(ascii: "-"), bytes[k - 1] != UInt8(ascii: "-")
            else { return false }
            for byte in bytes[start..<k] {
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                    UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"):
                    continue
                default:
                    return false
                }
            }
            labels += 1
            start = k + 1
        }
        return labels >= 2
    }
}

extension String {
    /// Without leading and trailing spaces and tabs.
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while let c = s.first, c == " " || c == "\t" { s = s.dropFirst() }
        while let c = s.last, c == " " || c == "\t" { s = s.dropLast() }
        return String(s)
    }
}
