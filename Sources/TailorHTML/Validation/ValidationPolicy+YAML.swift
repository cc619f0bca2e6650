import Foundation
public import TailorConfig

extension ValidationPolicy {
    /// The file name, in the campaign folder.
    public static let fileName = "validation.yml"

    /// Reads `campaignFolder/validation.yml`; the defaults when there is none.
    ///
    /// ```yaml
    /// rules:                      # rule id: off, notice, warning or error
    ///   template-syntax: off      # our ESP fills its own {{ }} merge tags
    ///   img-alt: error
    /// size:
    ///   budget: 80KB              # encoded HTML; bytes, KB (1024) or MB
    ///   clip: 102KB               # where the client clips
    ///   style: 16KB               # per <style> block
    /// ```
    ///
    /// Unknown keys, unknown rule ids and bad values are errors naming the
    /// file and line, with the nearest rule id as a suggestion.
    /// `extraRules` are rules of other passes (`tailor check`'s) the file may name.
    public static func load(campaignFolder: String, extraRules: [Rule] = []) throws(ConfigError) -> ValidationPolicy {
        let path = (campaignFolder as NSString).appendingPathComponent(fileName)
        guard FileManager.default.fileExists(atPath: path) else { return ValidationPolicy() }
        return try load(document: YAMLDocument(path: path), extraRules: extraRules)
    }

    /// Checks a parsed `validation.yml`.
    public static func load(document: YAMLDocument, extraRules: [Rule] = []) throws(ConfigError) -> ValidationPolicy {
        let known = Rule.all + extraRules
        var policy = ValidationPolicy()
        for entry in try document.root.mapping(allowed: ["rules", "size"], in: "the validation file") {
            if entry.key == "rules" {
                for rule in try entry.value.mapping(in: "rules") {
                    guard known.contains(where: { $0.id == rule.key }) else {
                        let suggestion = Spelling.suggestion(for: rule.key, among: known.map(\.id))
                        throw rule.keyNode.error(
                            "unknown rule '\(rule.key)'",
                            help: suggestion.map { "did you mean '\($0)'?" }
                                ?? "the rules are: \(known.map(\.id).joined(separator: ", "))")
                    }
                    let text = try rule.value.string("the severity of \(rule.key)").lowercased()
                    if text == "off" || text == "false" {
                        policy.overrides[rule.key] = .some(nil)
                    } else if let severity = Severity(rawValue: text) {
                        policy.overrides[rule.key] = severity
                    } else {
                        throw rule.value.error("the severity of \(rule.key) must be off, notice, warning or error, not '\(text)'")
                    }
                }
            } else {
                for limit in try entry.value.mapping(allowed: ["budget", "clip", "style"], in: "size") {
                    let bytes = try byteCount(limit.value, "size.\(limit.key)")
                    switch limit.key {
                    case "budget": policy.sizeBudget = bytes
                    case "clip": policy.clipLimit = bytes
                    default: policy.styleLimit = bytes
                    }
                }
            }
        }
        return policy
    }

    /// `90000`, `90KB`, `0.5 MB`: KB and MB are 1024-based, as Gmail's limit is.
    static func byteCount(_ node: YAMLNode, _ what: String) throws(ConfigError) -> Int {
        let text = try node.string(what).trimmingCharacters(in: .whitespaces).uppercased()
        var number = Substring(text)
        var unit = 1
        for (suffix, scale) in [("KB", 1024), ("K", 1024), ("MB", 1024 * 1024), ("M", 1024 * 1024), ("B", 1)]
        where number.hasSuffix(suffix) {
            number = number.dropLast(suffix.count)
            unit = scale
            break
        }
        guard let value = Double(number.trimmingCharacters(in: .whitespaces)), value > 0, value < 1e9 else {
            throw node.error("\(what) must be a size like 90000, 90KB or 1MB, not '\(text)'")
        }
        return Int(value * Double(unit))
    }
}
