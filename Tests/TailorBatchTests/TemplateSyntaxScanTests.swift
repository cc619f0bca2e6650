import Testing
@testable import TailorBatch

/// The scan applies check-eml's rules: every token in text and headers; in
/// HTML, `{{` and `{%` anywhere, `}}`, `%}` and `{#` outside style, script,
/// comments and style attributes.
@Suite struct TemplateSyntaxScanTests {
    @Test(arguments: [
        // Text and header values: every token counts.
        ("Hi {{ 7*7 }}", TemplateSyntaxScan.Placement.plain, "{{@3" as String?),
        ("Hi {% if x %}", .plain, "{%@3"),
        ("{# note", .plain, "{#@0"),
        ("up to 50%}", .plain, "%}@8"),
        ("done }}", .plain, "}}@5"),
        ("a { b } c {", .plain, nil),
        ("50% off {x}", .plain, nil),
        ("", .plain, nil),
        ("}", .plain, nil),
        ("Zoë {{", .plain, "{{@5"),
        // HTML: the unambiguous tokens anywhere, comments and CSS included.
        ("<p>Hi {{ name }}</p>", .html, "{{@6"),
        ("<!-- {% if x %} -->", .html, "{%@5"),
        ("<style>a{{b:c}}</style>", .html, "{{@8"),
        // The ambiguous ones only in text and attributes.
        ("<style>@media(max-width:600px){#hero{width:100%}}</style><p>ok</p>", .html, nil),
        ("<STYLE type=\"text/css\">a{b{c:1}}</STYLE>", .html, nil),
        ("<script>if(a){b{}}}</script>", .html, nil),
        ("<!-- a}} --><!--[if mso]><v:rect>{#x}</v:rect><![endif]-->", .html, nil),
        ("<p style=\"a{#b}}\">x</p>", .html, nil),
        ("<p style=a{#b>x</p>", .html, nil),
        ("<p>{#1 fan</p>", .html, "{#@3"),
        ("<p title=\"100%}\">x</p>", .html, "%}@13"),
        ("<style>a{b{}}</style><p>x}}</p>", .html, "}}@25"),
        ("<div }}>x</div>", .html, "}}@5"),
        ("<title>Sale }}</title>", .html, "}}@12"),
        ("<style>a{b{}}", .html, nil),
        ("<p>a</p><style/>}}", .html, "}}@16"),
    ])
    func findsWhatCheckEMLWouldFlag(text: String, placement: TemplateSyntaxScan.Placement, expected: String?) {
        let hit = TemplateSyntaxScan.first(in: text, placement)
        #expect(hit.map { "\($0.token)@\($0.offset)" } == expected)
    }

    @Test func aLongBodyWithoutBracesIsClean() {
        let body = String(repeating: "<p class=\"x\">Hello, world: 100% off</p>\n", count: 2_000)
        #expect(TemplateSyntaxScan.first(in: body, .html) == nil)
        #expect(TemplateSyntaxScan.first(in: body + "{{", .html)?.offset == body.utf8.count)
    }

    @Test(arguments: [
        ("Hi {{ 7*7 }}, welcome", 3, "Hi {{ 7*7 }}, welcome"),
        ("line one\nand {{ x }} here\nline three", 13, "and {{ x }} here"),
        (String(repeating: "a", count: 50) + "{{ y }}" + String(repeating: "b", count: 50), 50,
         String(repeating: "a", count: 12) + "{{ y }}" + String(repeating: "b", count: 21)),
    ])
    func reasonsQuoteTheTokenOnItsLine(text: String, offset: Int, expected: String) {
        #expect(TemplateSyntaxGuard.snippet(text, at: offset) == expected)
    }
}
