extension GalleryPage {
    /// Who gets what: recipients per variant, segments that fall to the
    /// default, recipients matching no segment or several.
    var coverage: String {
        let c = gallery.coverage
        var out = "<section class=\"coverage\" data-recipients=\"\(c.recipients)\"><h2>Coverage</h2>\n<table>"
        out += "<tr><th>variant</th><th>recipients</th><th>rendered for</th></tr>"
        for variant in gallery.variants {
            out += "<tr><td><a href=\"#v-\(variant.slug)\">\(HTMLText.escape(label(variant)))</a></td>"
                + "<td class=\"n\">\(variant.recipients)</td><td>\(HTMLText.escape(variant.sample.summary))</td></tr>"
        }
        out += "</table>\n"
        let fallers = c.withoutBranch.filter { $0.name != gallery.defaultSegment }
        out += "<p data-without-branch=\"\(fallers.count)\"><strong>Segments with no branch of their own</strong> "
            + "(their recipients get the default unless a branched segment comes first): "
        out += fallers.isEmpty ? "none." : fallers.map {
            "\(HTMLText.escape($0.name)) (\($0.primary) primary, \($0.members) members)"
        }.joined(separator: ", ") + "."
        out += "</p>\n"
        out += "<p data-no-match=\"\(c.noMatchCount)\"><strong>\(c.noMatchCount) recipients match no segment</strong>"
        out += c.noMatchCount == 0 ? "." : " and get the default: " + idList(c.noMatch, total: c.noMatchCount)
        out += "</p>\n"
        out += "<p data-several=\"\(c.severalCount)\"><strong>\(c.severalCount) recipients match several segments</strong>"
        out += c.severalCount == 0 ? "." : " (the first by priority is their segment):"
        out += "</p>\n"
        if c.severalCount > 0 {
            out += "<details><summary>Show them</summary><ul class=\"several\">"
            for (id, segments) in c.several {
                out += "<li><code>\(HTMLText.escape(id))</code>: \(HTMLText.escape(segments.joined(separator: ", ")))</li>"
            }
            if c.severalCount > c.several.count { out += "<li>and \(c.severalCount - c.several.count) more</li>" }
            out += "</ul></details>\n"
        }
        if c.badRows > 0 {
            out += "<p class=\"problem\">\(c.badRows) profile rows could not be read (see <code>tailor segments</code>).</p>\n"
        }
        return out + "</section>\n"
    }

    private func idList(_ ids: [String], total: Int) -> String {
        let shown = ids.map { "<code>\(HTMLText.escape($0))</code>" }.joined(separator: ", ")
        return total > ids.count ? "\(shown) and \(total - ids.count) more." : shown + "."
    }
}
