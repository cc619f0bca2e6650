import Foundation
import Testing

@testable import TailorHTML

/// A complete, clean message body; each row changes one part of it.
func page(head: String = "<title>Sale</title>", lang: String = " lang=\"en\"", _ body: String) -> String {
    """
    <!DOCTYPE html>
    <html\(lang)>
    <head>\(head)</head>
    <body>
    \(body)
    <p><a href="https://acme.example/u/1">Unsubscribe</a></p>
    </body>
    </html>
    """
}

/// The rule ids validation reports for `html`, sorted.
func rules(_ html: String, policy: ValidationPolicy = ValidationPolicy()) -> [String] {
    Validator(policy: policy).validate(html: Array(html.utf8)).map(\.rule).sorted()
}

@Suite struct EmailCheckTests {
    struct Row: CustomTestStringConvertible, Sendable {
        var name: String
        var html: String
        var expected: [String]
        var testDescription: String { name }
    }

    static let rows: [Row] = [
        Row(name: "clean page", html: page("<p>Hello</p>"), expected: []),
        // Parsing.
        Row(name: "stray end tag", html: page("<p>Hi</b></p>"), expected: ["html-parse"]),
        Row(name: "unknown element", html: page("<blink2>x</blink2>"), expected: ["html-unknown-tag"]),
        Row(name: "HTML 5 element", html: page("<section>x</section>"), expected: []),
        Row(name: "Office element", html: page("<o:p>x</o:p>"), expected: []),
        Row(name: "bare ampersand", html: page("<p>a &b c</p>"), expected: ["html-entity"]),
        Row(name: "unclosed td", html: page("<table><tr><td>x</tr></table>"), expected: ["unclosed-tag"]),
        Row(name: "unclosed div at end", html: page("<div>x"), expected: ["unclosed-tag"]),
        Row(name: "unclosed p", html: page("<div><p>x</div>"), expected: ["unclosed-optional-tag"]),
        Row(name: "void and self-closed", html: page("<p>a<br>b<br/><img src=\"https://a.example/x.png\" alt=\"\"></p>"), expected: []),
        // Images and URLs.
        Row(name: "img without alt", html: page("<img src=\"https://a.example/x.png\">"), expected: ["img-alt"]),
        Row(name: "decorative img", html: page("<img src=\"https://a.example/x.png\" alt=\"\">"), expected: []),
        Row(name: "relative href", html: page("<a href=\"/sale\">Sale</a>"), expected: ["url-relative"]),
        Row(name: "protocol-relative src", html: page("<img alt=\"x\" src=\"//cdn.example/x.png\">"), expected: ["url-relative"]),
        Row(name: "empty href", html: page("<a href=\"\">x</a>"), expected: ["url-empty"]),
        Row(name: "bare hash", html: page("<a href=\"#\">x</a>"), expected: ["url-empty"]),
        Row(name: "fragment", html: page("<a href=\"#top\">x</a>"), expected: []),
        Row(name: "javascript URL", html: page("<a href=\" JavaScript:alert(1)\">x</a>"), expected: ["url-javascript"]),
        Row(name: "mailto and tel", html: page("<a href=\"mailto:a@b.example\">m</a><a href=\"tel:+1\">t</a>"), expected: []),
        Row(name: "ESP merge tag", html: page("<a href=\"*|ARCHIVE|*\">web</a>"), expected: []),
        Row(name: "relative background", html: page("<table background=\"bg.png\"><tr><td>x</td></tr></table>"), expected: ["url-relative"]),
        // Elements.
        Row(name: "script", html: page("<script>alert(1)</script>"), expected: ["forbidden-element"]),
        Row(name: "form", html: page("<form action=\"https://a.example\"><input name=q></form>"), expected: ["forbidden-element"]),
        Row(name: "iframe object embed", html: page("<iframe src=\"https://a.example\"></iframe><object></object><embed>"),
            expected: ["forbidden-element", "forbidden-element", "forbidden-element"]),
        // Document.
        Row(name: "no title", html: page(head: "", "<p>x</p>"), expected: ["missing-title"]),
        Row(name: "empty title", html: page(head: "<title> </title>", "<p>x</p>"), expected: ["missing-title"]),
        Row(name: "no lang", html: page(lang: "", "<p>x</p>"), expected: ["missing-lang"]),
        Row(name: "duplicate id", html: page("<p id=\"a\">1</p><p id=\"a\">2</p><p id=\"b\">3</p>"), expected: ["duplicate-id"]),
        Row(name: "big style", html: page(head: "<title>t</title><style>" + String(repeating: "p{color:red}\n", count: 1400) + "</style>", "<p>x</p>"),
            expected: ["style-size"]),
        Row(name: "small style", html: page(head: "<title>t</title><style>p{color:red}@media(max-width:600px){p{x:1}}</style>", "<p>x</p>"),
            expected: []),
        // Leftover template syntax.
        Row(name: "leftover expression", html: page("<p>Hi {{ first_name }}</p>"), expected: ["template-syntax"]),
        Row(name: "leftover tag", html: page("<p>{% if vip %}VIP{% endif %}</p>"), expected: ["template-syntax", "template-syntax"]),
        Row(name: "leftover comment", html: page("<p>{# note #}</p>"), expected: ["template-syntax"]),
        Row(name: "braces in CSS", html: page(head: "<title>t</title><style>a{b:c}}</style>", "<p>x</p>"), expected: []),
        // Unsubscribe.
        Row(name: "no unsubscribe link", html: "<html lang=\"en\"><head><title>t</title></head><body><p>x</p></body></html>",
            expected: ["unsubscribe-link"]),
        Row(name: "opt-out wording", html: "<html lang=\"en\"><head><title>t</title></head><body><a href=\"https://a.example/p\">Opt out</a></body></html>",
            expected: []),
        // Outlook conditional comments.
        Row(name: "hidden conditional", html: page("<!--[if mso]><table><tr><td><![endif]--><p>x</p><!--[if mso]></td></tr></table><![endif]-->"),
            expected: []),
        Row(name: "revealed conditional", html: page("<!--[if !mso]><!--><p>not outlook</p><!--<![endif]-->"), expected: []),
        Row(name: "bare revealed markers", html: page("<![if !mso]><p>not outlook</p><![endif]>"), expected: []),
        Row(name: "hidden without endif", html: page("<!--[if mso]><p>x</p>-->"), expected: ["conditional-comment"]),
        Row(name: "space after <!--", html: page("<!-- [if mso]><p>x</p><![endif]-->"), expected: ["conditional-comment"]),
        Row(name: "revealed never closed", html: page("<!--[if !mso]><!--><p>x</p>"), expected: ["conditional-comment"]),
        Row(name: "closer without opener", html: page("<p>x</p><!--<![endif]-->"), expected: ["conditional-comment"]),
        Row(name: "nested", html: page("<!--[if mso]><!--[if gte mso 9]>x<![endif]--><![endif]-->"), expected: ["conditional-comment", "conditional-comment"]),
        Row(name: "escaped", html: page("<p>&lt;!--[if mso]&gt;x&lt;![endif]--&gt;</p>"), expected: ["conditional-comment", "conditional-comment"]),
    ]

    @Test(arguments: rows) func reports(_ row: Row) {
        #expect(rules(row.html) == row.expected.sorted(), "\(Validator().validate(html: Array(row.html.utf8)))")
    }

    @Test func findingsCarryOutputPositions() throws {
        let html = "<html lang=\"en\"><head><title>t</title></head><body>\n<p>é <a href=\"https://a.example/unsubscribe\">u</a></p>\n<p>x <img src=\"https://a.example/i.png\"></p>\n</body></html>"
        let finding = try #require(Validator().validate(html: Array(html.utf8)).first)
        #expect(finding.rule == "img-alt")
        #expect(finding.outputLine == 3)
        #expect(finding.outputColumn == 6)
    }

    @Test func severitiesFollowThePolicy() {
        var policy = ValidationPolicy()
        policy.overrides["img-alt"] = .some(nil)
        policy.overrides["missing-lang"] = .error
        let html = page(lang: "", "<img src=\"https://a.example/x.png\">")
        let findings = Validator(policy: policy).validate(html: Array(html.utf8))
        #expect(findings.map(\.rule) == ["missing-lang"])
        #expect(findings.first?.severity == .error)
    }
}

@Suite struct URLVerdictTests {
    @Test(arguments: [
        ("https://a.example/x", LinkURLCheck.Verdict.fine), ("HTTP://A.EXAMPLE", .fine), ("cid:logo", .fine),
        ("", .empty), ("  ", .empty), ("#", .placeholder), ("#x", .fine), ("x.html", .relative), ("/x", .relative),
        ("//x.example", .relative), ("javascript:void(0)", .javascript), ("vbscript:x", .javascript),
        ("\tjavascript:x", .javascript), ("1http://x", .relative), ("%%unsubscribe%%", .fine),
    ])
    func verdict(_ url: String, _ expected: LinkURLCheck.Verdict) {
        #expect(LinkURLCheck.verdict(url) == expected)
    }
}

@Suite struct SizeBudgetTests {
    @Test(arguments: [(10_000, nil), (95 * 1024, "size-budget"), (110 * 1024, "size-clipped")] as [(Int, String?)])
    func budget(_ size: Int, _ rule: String?) {
        #expect(SizeBudgetCheck.check(encodedSize: size, policy: ValidationPolicy())?.rule == rule)
    }

    @Test func readsTheHTMLPartOffTheMessage() {
        let part = "<p>caf=C3=A9</p>=\r\n<p>x</p>"
        let message = Array(
            "Subject: x\r\nContent-Type: multipart/alternative; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nhi\r\n--b\r\nContent-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n\(part)\r\n--b--\r\n".utf8)
        #expect(SizeBudgetCheck.encodedSize(ofMessage: message, html: "") == part.utf8.count)
    }

    @Test func measuresQuotedPrintable() {
        // Every '=' becomes '=3D', and soft line breaks ('=' CRLF) are added every 76 characters.
        let html = String(repeating: "<a href=\"x\">", count: 100)
        #expect(SizeBudgetCheck.encodedSize(ofHTML: html) > html.utf8.count + 200)
    }
}

/// Nesting past libxml2's limit is reported in words a template author can act on.
@Suite struct DeepNestingTests {
    @Test func saysHowToFixIt() {
        let html = page(String(repeating: "<div>", count: 300) + "x" + String(repeating: "</div>", count: 300))
        let findings = Validator().validate(html: Array(html.utf8)).filter { $0.rule == "html-parse" }
        #expect(findings.count == 1)
        #expect(findings.first?.message == "elements nest more than 256 deep here; the parser stops reading the body")
        #expect(findings.first?.help?.hasPrefix("flatten the markup") == true)
    }
}
