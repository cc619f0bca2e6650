import Testing

@testable import TailorHTML

struct TextRow: Sendable, CustomStringConvertible {
    var label: String
    var html: String
    var text: String
    var description: String { label }
}

@Suite struct HTMLToTextTests {
    static let rows: [TextRow] = [
        TextRow(label: "paragraphs", html: "<p>One</p><p>Two  \n words</p>", text: "One\n\nTwo words\n"),
        TextRow(
            label: "headings", html: "<h1>Spring picks</h1><h2>For you</h2><h3>Small</h3><p>x</p>",
            text: "Spring picks\n============\n\nFor you\n-------\n\nSmall\n\nx\n"),
        TextRow(
            label: "link as text (url)", html: "<p>See <a href=\"https://shop.example/a\">the shop</a>.</p>",
            text: "See the shop (https://shop.example/a).\n"),
        TextRow(
            label: "link whose text is the url", html: "<p><a href=\"https://shop.example/\">https://shop.example/</a></p>",
            text: "https://shop.example/\n"),
        TextRow(
            label: "link text without scheme", html: "<p><a href=\"https://shop.example\">shop.example</a></p>",
            text: "shop.example\n"),
        TextRow(label: "fragment link", html: "<p><a href=\"#top\">Top</a></p>", text: "Top\n"),
        TextRow(
            label: "mailto link", html: "<p><a href=\"mailto:care@shop.example\">care@shop.example</a></p>",
            text: "care@shop.example\n"),
        TextRow(
            label: "image link", html: "<a href=\"https://shop.example/p/1\"><img src=\"x.png\" alt=\"Linen shirt\"></a>",
            text: "Linen shirt (https://shop.example/p/1)\n"),
        TextRow(
            label: "image without alt in link", html: "<a href=\"https://shop.example/p/1\"><img src=\"x.png\" alt=\"\"></a>",
            text: "https://shop.example/p/1\n"),
        TextRow(label: "images as alt", html: "<p><img alt=\"Logo\" src=\"l.png\"> Shop <img src=\"pixel.gif\" alt=\"\"></p>", text: "Logo Shop\n"),
        TextRow(
            label: "lists", html: "<ul><li>Shirt</li><li>Hat</li></ul><ol start=\"3\"><li>c</li><li>d</li></ol>",
            text: "* Shirt\n* Hat\n\n3. c\n4. d\n"),
        TextRow(
            label: "nested list", html: "<ul><li>A<ul><li>a1</li><li>a2</li></ul></li><li>B</li></ul>",
            text: "* A\n  * a1\n  * a2\n* B\n"),
        TextRow(
            label: "table in reading order",
            html: "<table><tr><td>Linen shirt</td><td>€49</td></tr><tr><td>Straw hat</td><td>€19</td></tr></table>",
            text: "Linen shirt\n€49\nStraw hat\n€19\n"),
        TextRow(
            label: "layout table with paragraphs",
            html: "<table><tr><td><p>Left</p></td><td><p>Right</p></td></tr></table><p>After</p>",
            text: "Left\n\nRight\n\nAfter\n"),
        TextRow(
            label: "head, style, script and title dropped",
            html: "<html><head><title>T</title><style>p{color:red}</style></head><body><script>x()</script><p>Body</p></body></html>",
            text: "Body\n"),
        TextRow(
            label: "hidden preheader dropped",
            html: "<body><div style=\"display: none; mso-hide: all\">Preheader &zwnj;&nbsp;</div><p>Hi</p></body>",
            text: "Hi\n"),
        TextRow(label: "mso-hide only", html: "<span style=\"mso-hide:all\">x</span><p>y</p>", text: "y\n"),
        TextRow(label: "hidden attribute", html: "<p hidden>x</p><p>y</p>", text: "y\n"),
        TextRow(
            label: "entities decoded", html: "<p>Fish &amp; chips &lt;3 &eacute;t&eacute; &#8364;5 &quot;q&quot;&nbsp;end</p>",
            text: "Fish & chips <3 été €5 \"q\" end\n"),
        TextRow(
            label: "outlook conditional comments",
            html: "<!--[if mso]><table><tr><td>MSO only</td></tr></table><![endif]--><p>All clients</p><!--[if !mso]><!--><p>Not MSO</p><!--<![endif]-->",
            text: "All clients\n\nNot MSO\n"),
        TextRow(label: "br", html: "<p>Line one<br>Line two<br/>  Line three</p>", text: "Line one\nLine two\nLine three\n"),
        TextRow(label: "blockquote", html: "<blockquote><p>Quoted text</p></blockquote>", text: "> Quoted text\n"),
        TextRow(label: "pre kept", html: "<pre>a  b\n  c</pre>", text: "a  b\n  c\n"),
        TextRow(label: "zero-width padding", html: "<p>a\u{200C}\u{200B}b\u{FEFF}</p>", text: "ab\n"),
        TextRow(label: "empty", html: "", text: ""),
        TextRow(label: "inline elements", html: "<p><b>Bold</b> and <i>it</i><span>alic</span></p>", text: "Bold and italic\n"),
    ]

    @Test(arguments: rows)
    func converts(_ row: TextRow) {
        #expect(HTMLToText.convert(row.html) == row.text)
    }

    @Test func wrapsAt78() {
        let words = (0..<60).map { "word\($0)" }.joined(separator: " ")
        let text = HTMLToText.convert("<p>\(words)</p><ul><li>\(words)</li></ul>")
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.allSatisfy { $0.count <= 78 })
        #expect(lines.count > 6)
        // Continuation lines of a list item are indented under its text.
        #expect(lines.contains { $0.hasPrefix("  word") })
        #expect(text.split(whereSeparator: { $0 == " " || $0 == "\n" }).filter { $0 != "*" }.count == 120)
    }

    @Test func longURLsGetALineOfTheirOwn() {
        let url = "https://shop.example/" + String(repeating: "x", count: 100)
        let text = HTMLToText.convert("<p>Read <a href=\"\(url)\">more</a> today</p>")
        #expect(text == "Read more\n(\(url))\ntoday\n")
    }

    @Test func widthIsConfigurable() throws {
        let document = try HTMLDocument(html: "<p>aaa bbb ccc ddd eee fff ggg hhh iii jjj kkk lll</p>")
        #expect(HTMLToText(width: 20).text(of: document) == "aaa bbb ccc ddd eee\nfff ggg hhh iii jjj\nkkk lll\n")
    }
}
