/// The plain-text part derived from rendered HTML.
///
/// What a reader of the HTML would see, in reading order:
/// - headings, paragraphs and blocks as paragraphs separated by a blank line; `<h1>`
///   underlined with `=`, `<h2>` with `-`;
/// - lists with `* ` or `1. ` markers, nested lists indented;
/// - links as `text (url)` (just the URL when the text is the URL; no URL for `#`
///   fragments), images as their `alt` text;
/// - tables flattened cell by cell, row by row;
/// - `<br>` as a line break, `<pre>` kept as it is, `<blockquote>` quoted with `> `;
/// - `<head>`, `<style>`, `<script>`, comments (Outlook's `<!--[if mso]>` conditional
///   comments included) and hidden elements (`display:none`, `mso-hide:all`, `hidden`),
///   such as the preheader, left out;
/// - entities decoded by the parser, zero-width padding dropped, non-breaking spaces
///   as spaces, and everything wrapped at 78 columns.
///
/// ```swift
/// HTMLToText.convert("<h1>Spring</h1><p>See <a href=\"https://shop.example\">the shop</a>.</p>")
/// // "Spring\n======\n\nSee the shop (https://shop.example).\n"
/// ```
public struct HTMLToText: Sendable {
    /// The column to wrap at.
    public var width: Int

    /// A converter wrapping at `width` columns.
    public init(width: Int = 78) {
        self.width = width
    }

    /// The text of `html`, wrapped at 78 columns (empty if it cannot be parsed).
    public static func convert(_ html: String) -> String {
        guard let document = try? HTMLDocument(html: html) else { return "" }
        return HTMLToText().text(of: document)
    }

    /// The text of a parsed document.
    public func text(of document: HTMLDocument) -> String {
        var layout = TextLayout(width: width)
        if let root = document.root { render(root, into: &layout) }
        layout.flush()
        return layout.result
    }

    static let skipped: Set<String> = [
        "head", "style", "script", "title", "meta", "link", "template", "svg", "object", "iframe",
        "input", "select", "textarea", "map",
    ]
    static let paragraphBlocks: Set<String> = [
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "table", "blockquote", "ul", "ol", "dl", "hr",
        "address", "figure", "center", "header", "footer", "section", "article", "main", "nav", "aside",
    ]
    static let lineBlocks: Set<String> = [
        "div", "tr", "td", "th", "li", "dt", "dd", "tbody", "thead", "tfoot", "caption", "figcaption",
        "body", "html", "form", "fieldset", "legend",
    ]

    private func render(_ node: HTMLNode, into layout: inout TextLayout) {
        switch node.kind {
        case .text:
            layout.addText(node.content)
            return
        case .element:
            break
        default:
            return
        }
        let name = node.name
        if Self.skipped.contains(name) || Self.isHidden(node) { return }
        switch name {
        case "br":
            layout.lineBreak()
        case "img":
            layout.addWord((node.attribute("alt") ?? "").trimmingCharacters(in: " \n\t"))
        case "hr":
            layout.block(.blank)
            layout.addText(String(repeating: "-", count: min(width, 40)))
            layout.block(.blank)
        case "pre":
            layout.block(.blank)
            layout.addPreformatted(node.content)
            layout.block(.blank)
        case "a":
            renderLink(node, into: &layout)
        case "ul", "ol":
            renderList(node, ordered: name == "ol", into: &layout)
        case "blockquote":
            layout.block(.blank)
            layout.prefixes.append(.init(first: "> ", rest: "> "))
            renderChildren(node, into: &layout)
            layout.flush()
            layout.prefixes.removeLast()
            layout.block(.blank)
        case "h1", "h2":
            layout.block(.blank)
            let start = layout.lines.count
            renderChildren(node, into: &layout)
            layout.flush()
            if layout.lines.count > start { layout.underline(name == "h1" ? "=" : "-", from: start) }
            layout.block(.blank)
        default:
            let gap: TextLayout.Gap? =
                Self.paragraphBlocks.contains(name) ? .blank : Self.lineBlocks.contains(name) ? .line : nil
            if let gap { layout.block(gap) }
            renderChildren(node, into: &layout)
            if let gap { layout.block(gap) }
        }
    }

    private func renderChildren(_ node: HTMLNode, into layout: inout TextLayout) {
        for child in node.children { render(child, into: &layout) }
    }

    private func renderLink(_ node: HTMLNode, into layout: inout TextLayout) {
        let mark = layout.inlineMark
        renderChildren(node, into: &layout)
        let href = (node.attribute("href") ?? "").trimmingCharacters(in: " \n\t")
        let lower = href.lowercased()
        guard !href.isEmpty, !href.hasPrefix("#"), !lower.hasPrefix("javascript:") else { return }
        let text = layout.inlineText(since: mark)
        let bare = lower.hasPrefix("mailto:") ? String(href.dropFirst(7)) : href
        if text.isEmpty {
            layout.addWord(href)
        } else if text != href, text != bare, text.lowercased() != Self.withoutScheme(lower) {
            layout.addWord("(\(href))")
        }
    }

    private static func withoutScheme(_ url: String) -> String {
        var s = Substring(url)
        for scheme in ["https://", "http://"] where s.hasPrefix(scheme) { s = s.dropFirst(scheme.count) }
        if s.hasSuffix("/") { s = s.dropLast() }
        return String(s)
    }

    private func renderList(_ node: HTMLNode, ordered: Bool, into layout: inout TextLayout) {
        layout.block(layout.prefixes.isEmpty ? .blank : .line)
        var number = Int(node.attribute("start") ?? "") ?? 1
        for child in node.children {
            guard child.kind == .element, child.name == "li", !Self.isHidden(child) else {
                render(child, into: &layout)
                continue
            }
            let marker = ordered ? "\(number). " : "* "
            number += 1
            layout.block(.line)
            layout.prefixes.append(.init(first: marker, rest: String(repeating: " ", count: marker.count)))
            renderChildren(child, into: &layout)
            layout.flush()
            layout.prefixes.removeLast()
        }
        layout.block(layout.prefixes.isEmpty ? .blank : .line)
    }

    /// Hidden from readers: `display:none`, Outlook's `mso-hide:all`, or `hidden`.
    static func isHidden(_ node: HTMLNode) -> Bool {
        if node.attribute("hidden") != nil { return true }
        guard let style = node.attribute("style") else { return false }
        let compact = String(style.lowercased().filter { $0 != " " && $0 != "\t" && $0 != "\n" })
        return compact.contains("display:none") || compact.contains("mso-hide:all")
    }
}
