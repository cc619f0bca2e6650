/// The check a recipient's address must pass before anything is rendered for
/// it: one `@`, a local part, a dotted domain, and nothing that could break a
/// header (spaces, CR/LF, `<>`, `,`, `;`, quotes).
public enum EmailAddress {
    /// Whether `text` is a usable address.
    public static func isValid(_ text: String) -> Bool {
        let utf8 = text.utf8
        guard utf8.count <= 254 else { return false }
        var at = -1
        var index = 0
        var previous: UInt8 = 0
        var domainDots = 0
        for byte in utf8 {
            switch byte {
            case 0...0x20, 0x7F, UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "("), UInt8(ascii: ")"),
                UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "\""), UInt8(ascii: "["),
                UInt8(ascii: "]"), UInt8(ascii: "\\"):
                return false
            case UInt8(ascii: "@"):
                // One '@', after a local part of 1 to 64 bytes that does not end in '.'.
                guard at < 0, index > 0, index <= 64, previous != UInt8(ascii: ".") else { return false }
                at = index
            case UInt8(ascii: "."):
                // No '..' anywhere, no '.' first in either part.
                if previous == UInt8(ascii: ".") || index == 0 || index == at + 1 { return false }
                if at >= 0 { domainDots += 1 }
            default:
                break
            }
            previous = byte
            index += 1
        }
        return at > 0 && index > at + 1 && domainDots >= 1 && previous != UInt8(ascii: ".")
    }
}
