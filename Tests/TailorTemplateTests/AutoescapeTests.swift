import Testing

@testable import TailorTemplate

private let valuesJSON = #"{"v": "<a href='x'>&\"</a>", "b": "<b>"}"#

/// HTML autoescaping, `autoescape` blocks and `Markup` through `~`, `+`, `*`,
/// slicing, captures and filters; expectations are Jinja 3.1.6's output.
@Suite struct AutoescapeTests {
    static let cases: [(String, String, String, String)] = {
        let on: [(String, String, String)] = [
            ("{{ v }}", valuesJSON, "&lt;a href=&#39;x&#39;&gt;&amp;&#34;&lt;/a&gt;"),
            ("{{ v|safe }}", valuesJSON, "<a href='x'>&\"</a>"),
            ("{% autoescape false %}{{ v }}{% endautoescape %}|{{ v }}", valuesJSON, "<a href='x'>&\"</a>|&lt;a href=&#39;x&#39;&gt;&amp;&#34;&lt;/a&gt;"),
            ("{% autoescape true %}{{ v }}{% endautoescape %}|{{ v }}", valuesJSON, "&lt;a href=&#39;x&#39;&gt;&amp;&#34;&lt;/a&gt;|&lt;a href=&#39;x&#39;&gt;&amp;&#34;&lt;/a&gt;"),
            ("{{ b|safe + '<' }}", valuesJSON, "<b>&lt;"),
            ("{{ '<' + b|safe }}", valuesJSON, "&lt;<b>"),
            ("{{ '<' ~ '>' }}", valuesJSON, "&lt;&gt;"),
            ("{{ b ~ b }}", valuesJSON, "&lt;b&gt;&lt;b&gt;"),
            ("{{ (b|safe) * 2 }}", valuesJSON, "<b><b>"),
            ("{{ 1 }}{{ none }}{{ 1.5 }}{{ true }}", valuesJSON, "1None1.5True"),
            ("{{ ['<a>', 1] }}", valuesJSON, "[&#39;&lt;a&gt;&#39;, 1]"),
            ("{{ {'k': '<'} }}", valuesJSON, "{&#39;k&#39;: &#39;&lt;&#39;}"),
            ("{% set s %}<i>{{ b }}</i>{% endset %}{{ s }}", valuesJSON, "<i>&lt;b&gt;</i>"),
            ("{% set s = b %}{{ s }}", valuesJSON, "&lt;b&gt;"),
            ("{% set s = b|safe %}{{ s }}", valuesJSON, "<b>"),
            ("{% filter upper %}<i>{{ b }}</i>{% endfilter %}", valuesJSON, "<I>&LT;B&GT;</I>"),
            ("{{ b|upper }}", valuesJSON, "&lt;B&gt;"),
            ("{{ b|safe|upper }}", valuesJSON, "<B>"),
            ("{{ b|wrap('<', '>') }}", valuesJSON, "&lt;&lt;b&gt;&gt;"),
            ("{{ 'x' if b|safe else 'y' }}{{ b|safe if true }}", valuesJSON, "x<b>"),
            ("{{ (b|safe)[1] }}", valuesJSON, "b"),
            ("{{ (b|safe)[:2] }}", valuesJSON, "<b"),
            ("{% autoescape false %}{% set s %}<i>{{ b }}</i>{% endset %}{% endautoescape %}{{ s }}", valuesJSON, ""),
            ("{{ \"'\" }}{{ '\"' }}", valuesJSON, "&#39;&#34;"),
        ]
        let off: [(String, String, String)] = [
            ("{{ v }}", valuesJSON, "<a href='x'>&\"</a>"),
            ("{{ v|safe }}", valuesJSON, "<a href='x'>&\"</a>"),
            ("{% autoescape false %}{{ v }}{% endautoescape %}|{{ v }}", valuesJSON, "<a href='x'>&\"</a>|<a href='x'>&\"</a>"),
            ("{% autoescape true %}{{ v }}{% endautoescape %}|{{ v }}", valuesJSON, "&lt;a href=&#39;x&#39;&gt;&amp;&#34;&lt;/a&gt;|<a href='x'>&\"</a>"),
            ("{{ b|safe + '<' }}", valuesJSON, "<b>&lt;"),
            ("{{ '<' + b|safe }}", valuesJSON, "&lt;<b>"),
            ("{{ '<' ~ '>' }}", valuesJSON, "<>"),
            ("{{ b ~ b }}", valuesJSON, "<b><b>"),
            ("{{ (b|safe) * 2 }}", valuesJSON, "<b><b>"),
            ("{{ 1 }}{{ none }}{{ 1.5 }}{{ true }}", valuesJSON, "1None1.5True"),
            ("{{ ['<a>', 1] }}", valuesJSON, "['<a>', 1]"),
            ("{{ {'k': '<'} }}", valuesJSON, "{'k': '<'}"),
            ("{% set s %}<i>{{ b }}</i>{% endset %}{{ s }}", valuesJSON, "<i><b></i>"),
            ("{% set s = b %}{{ s }}", valuesJSON, "<b>"),
            ("{% set s = b|safe %}{{ s }}", valuesJSON, "<b>"),
            ("{% filter upper %}<i>{{ b }}</i>{% endfilter %}", valuesJSON, "<I><B></I>"),
            ("{{ b|upper }}", valuesJSON, "<B>"),
            ("{{ b|safe|upper }}", valuesJSON, "<B>"),
            ("{{ b|wrap('<', '>') }}", valuesJSON, "<<b>>"),
            ("{{ 'x' if b|safe else 'y' }}{{ b|safe if true }}", valuesJSON, "x<b>"),
            ("{{ (b|safe)[1] }}", valuesJSON, "b"),
            ("{{ (b|safe)[:2] }}", valuesJSON, "<b"),
            ("{% autoescape false %}{% set s %}<i>{{ b }}</i>{% endset %}{% endautoescape %}{{ s }}", valuesJSON, ""),
            ("{{ \"'\" }}{{ '\"' }}", valuesJSON, "'\""),
        ]
        return zip(on, off).map { ($0.0, $0.1, $0.2, $1.2) }
    }()

    @Test(arguments: cases)
    func autoescapeOnAndOff(source: String, json: String, escaped: String, plain: String) throws {
        #expect(try render(source, json, options: Options(autoescape: true)) == escaped, "autoescape on")
        #expect(try render(source, json) == plain, "autoescape off")
    }

    /// Under autoescape `~` joins as markup, escaping the plain side.
    @Test(arguments: [
        ("{{ b|safe ~ '<' }}", "<b>&lt;"),
        ("{{ '<' ~ b|safe }}", "&lt;<b>"),
        ("{{ b|safe ~ b }}", "<b>&lt;b&gt;"),
    ])
    func markupConcatenationUnderAutoescape(source: String, expected: String) throws {
        #expect(try render(source, valuesJSON, options: Options(autoescape: true)) == expected)
    }

    @Test func escapingMatchesMarkupSafe() {
        #expect(Escaping.escapeHTML(#"<a href="x" title='y'>&amp;</a>"#) == "&lt;a href=&#34;x&#34; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;")
        #expect(Escaping.escapeHTML("plain") == "plain")
    }
}
