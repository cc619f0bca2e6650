/// A file name for a recipient id that stays inside the output folder.
///
/// The name is a pure function of the id, so a re-run writes the same files:
/// - only `a-z`, `0-9`, `.`, `_` and `-` survive; uppercase is lowered, and anything
///   else (`/`, `\`, NUL, control characters, spaces, non-ASCII) becomes `_`;
/// - a leading `.` (hidden files, `.` and `..`) and a trailing `.` become `_`;
/// - the name is cut to 64 characters, and names Windows reserves (`con`, `nul`,
///   `com1`...) are marked changed too;
/// - whenever the id had to change, `-` and 10 hex digits of its SHA-256 are appended.
///   An id already ending in `-` and 10 hex digits counts as changed, so an unchanged
///   name can never equal a changed one.
///
/// Two ids that differ only in case (`Ada` and `ada`) therefore get different names,
/// also on case-insensitive file systems: `ada-3f…` and `ada`.
///
/// ```swift
/// SafeFileName.make(for: "c-0042")          // "c-0042"
/// SafeFileName.make(for: "../../etc/passwd") // "_._.._etc_passwd-3754d6cb3a"
/// ```
public enum SafeFileName {
    /// The longest stem kept before the hash.
    public static let maxStem = 64

    /// The file stem (no extension) for `recipientID`.
    public static func make(for recipientID: String) -> String {
        var stem: [UInt8] = []
        var changed = false
        for scalar in recipientID.unicodeScalars {
            switch scalar {
            case "a"..."z", "0"..."9", ".", "_", "-":
                stem.append(UInt8(scalar.value))
            case "A"..."Z":
                stem.append(UInt8(scalar.value) | 0x20)
                changed = true
            default:
                stem.append(UInt8(ascii: "_"))
                changed = true
            }
        }
        if stem.isEmpty {
            stem = [UInt8(ascii: "_")]
            changed = true
        }
        if stem.count > maxStem {
            stem = Array(stem.prefix(maxStem))
            changed = true
        }
        if stem.first == UInt8(ascii: ".") {
            stem[0] = UInt8(ascii: "_")
            changed = true
        }
        if stem.last == UInt8(ascii: ".") {
            stem[stem.count - 1] = UInt8(ascii: "_")
            changed = true
        }
        var name = String(decoding: stem, as: UTF8.self)
        if isWindowsReserved(name) || looksHashed(name) { changed = true }
        if changed {
            name += "-" + SHA256Hasher.hex(of: recipientID).prefix(10)
        }
        return name
    }

    /// `con`, `prn`, `aux`, `nul`, `com1`-`com9`, `lpt1`-`lpt9`, with or without extension.
    static func isWindowsReserved(_ name: String) -> Bool {
        let base = name.split(separator: ".", maxSplits: 1).first.map(String.init) ?? name
        if ["con", "prn", "aux", "nul"].contains(base) { return true }
        if base.count == 4, base.hasPrefix("com") || base.hasPrefix("lpt"),
            let digit = base.last, ("1"..."9").contains(digit)
        {
            return true
        }
        return false
    }

    /// Ends like a changed name: `-` then 10 lowercase hex digits.
    static func looksHashed(_ name: String) -> Bool {
        let utf8 = Array(name.utf8)
        guard utf8.count >= 11, utf8[utf8.count - 11] == UInt8(ascii: "-") else { return false }
        return utf8.suffix(10).allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }
}
