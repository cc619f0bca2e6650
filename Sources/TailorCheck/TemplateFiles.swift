import Foundation
import TailorCampaign

/// Template names to workspace files: the loader finds `email.html` in the
/// campaign folder and `_layouts/base.html` in the templates folder above
/// it; the subject and other `campaign.yml` settings are templates named
/// after that file, placed at their line there.
struct TemplateFiles {
    let campaign: Campaign
    let root: String

    init(campaign: Campaign) {
        self.campaign = campaign
        let parent = (campaign.folder as NSString).deletingLastPathComponent
        root = parent.isEmpty ? "." : parent
    }

    /// The file that holds template `name`, and the line to add (settings
    /// in `campaign.yml` are one-line templates at their key's line).
    func file(of name: String) -> (path: String, lineOffset: Int) {
        if name.hasPrefix(campaign.path) {
            return (campaign.path, max(0, setting(named: name)?.line ?? 1) - 1)
        }
        for folder in [campaign.folder, root] {
            let path = (folder as NSString).appendingPathComponent(name)
            if FileManager.default.fileExists(atPath: path) { return (path, 0) }
        }
        return (name, 0)
    }

    /// `… (subject)` → the subject setting.
    private func setting(named name: String) -> Campaign.Setting? {
        guard let open = name.lastIndex(of: "("), name.hasSuffix(")") else { return nil }
        let what = name[name.index(after: open)..<name.index(before: name.endIndex)]
        switch what {
        case "subject": return campaign.subject
        case "preheader": return campaign.preheader
        case "to": return campaign.to
        case "from": return campaign.from
        case "reply_to": return campaign.replyTo
        case "unsubscribe.url": return campaign.unsubscribeURL
        default: return campaign.headers.first { "the \($0.name) header" == what }?.value
        }
    }

    /// Where `variable` is first read inside a tag (`{{ … }}` or `{% … %}`)
    /// of the templates `names`, as (file, line, column); for static findings,
    /// which the analysis reports without a place.
    func firstUse(of variable: String, in names: [String]) -> (String, Int, Int)? {
        for name in names where !name.hasPrefix(campaign.path) {
            let (path, _) = file(of: name)
            guard let source = try? String(contentsOfFile: path, encoding: .utf8) else { continue }
            for (index, line) in source.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                if let column = Self.column(of: variable, inTagsOf: line) { return (path, index + 1, column) }
            }
        }
        return nil
    }

    /// The 1-based column of `word` as a whole identifier inside `{{`/`{%` on `line`.
    static func column(of word: String, inTagsOf line: Substring) -> Int? {
        let chars = Array(line)
        let target = Array(word)
        var inTag = false
        var i = 0
        func isIdent(_ c: Character) -> Bool { c.isLetter || c.isNumber || c == "_" }
        while i < chars.count {
            if i + 1 < chars.count, chars[i] == "{", chars[i + 1] == "{" || chars[i + 1] == "%" { inTag = true }
            if i + 1 < chars.count, chars[i + 1] == "}", chars[i] == "}" || chars[i] == "%" { inTag = false }
            if inTag, i + target.count <= chars.count, Array(chars[i..<i + target.count]) == target,
                i == 0 || (!isIdent(chars[i - 1]) && chars[i - 1] != "."),
                i + target.count == chars.count || !isIdent(chars[i + target.count])
            {
                return i + 1
            }
            i += 1
        }
        return nil
    }
}
