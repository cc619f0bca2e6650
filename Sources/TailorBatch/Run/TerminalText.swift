/// Text from the data made safe to print on a terminal.
///
/// Recipient ids, segment names and failure reasons come from profiles, and a
/// profile can hold anything: an escape sequence (`ESC ]`...) would drive the
/// terminal that shows the summary, a NUL or a bell would garble it, and a
/// 5,000-character id would fill the screen. The manifest keeps every value
/// whole (JSON escapes it); the terminal gets C0 and C1 controls, DEL and the
/// bidirectional overrides as `\u{1B}`, tab, CR and LF as `\t`, `\r` and `\n`,
/// and at most `limit` characters, then `…`.
///
/// ```swift
/// TerminalText.safe("a\u{1B}]0;owned\u{07}b")   // "a\u{1B}]0;owned\u{7}b" as printed
/// ```
public enum TerminalText {
    /// `text` with control characters escaped, cut to `limit` characters.
    public static func safe(_ text: String, limit: Int = 300) -> String {
        var out = ""
        var count = 0
        for scalar in text.unicodeScalars {
            if count == limit { return out + "…" }
            count += 1
            switch scalar.value {
            case 0x09: out += "\\t"
            case 0x0A: out += "\\n"
            case 0x0D: out += "\\r"
            case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069:
                out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            default:
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
