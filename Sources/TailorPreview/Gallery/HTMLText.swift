import Foundation

/// Escaping for text and attribute values written into the gallery page.
enum HTMLText {
    /// `text` safe inside an element or a double-quoted attribute (srcdoc included).
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for ch in text {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(ch)
            }
        }
        return out
    }

    /// A byte count for people: `812 B`, `14.2 KB`.
    static func size(_ bytes: Int) -> String {
        if bytes < 1024 { return "\(bytes) B" }
        let kb = Double(bytes) / 1024
        return kb < 10 ? String(format: "%.1f KB", kb) : "\(Int(kb.rounded())) KB"
    }
}
