/// The check a recipient's address must pass before anything is rendered for
/// it: one `@`, a local part, a dotted domain, and nothing that could break a
/// header (spaces, CR/LF, `<>`, `,`, `;`, quotes).
public enum EmailAddress {
    /// Whether `text` is a usable address.
    public static func isValid(_ text: String) -> Bool {
        guard text.utf8.count <= 254 else { return false }
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[0].utf8.count <= 64 else { return false }
        let domain = parts[1]
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, labels.allSatisfy({ !$0.isEmpty }) else { return false }
        for scalar in text.unicodeScalars {
            if scalar.value <= 0x20 || scalar.value == 0x7F { return false }
            if "<>(),;:\"[]\\".unicodeScalars.contains(scalar) { return false }
        }
        if parts[0].hasPrefix(".") || parts[0].hasSuffix(".") || parts[0].contains("..") { return false }
        return true
    }
}
