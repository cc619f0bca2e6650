import Testing

@testable import TailorTemplate

/// Static text and folded outputs run together (``TextRun``): one write when
/// no global they read is shadowed, each piece on its own otherwise. Either
/// way the output is what each piece would have written alone.
@Suite struct TextRunTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let source: String
        let json: String
        let expected: String
        var autoescape = false
        var testDescription: String { name }
    }

    static let source = #"<a href="{{ site.url }}/?c={{ site.id|urlencode }}">{{ site.name }}</a> {{ brand }}!"#

    static let cases: [Case] = [
        Case(name: "nothing shadowed", source: source, json: "{}", expected: #"<a href="https://x.test/?c=a%20b">Tom & Jerry</a> ACME!"#),
        Case(
            name: "nothing shadowed, autoescaping", source: source, json: "{}",
            expected: #"<a href="https://x.test/?c=a%20b">Tom &amp; Jerry</a> ACME!"#, autoescape: true),
        Case(
            name: "one of the globals shadowed by the context", source: source, json: #"{"brand": "<Own>"}"#,
            expected: #"<a href="https://x.test/?c=a%20b">Tom & Jerry</a> <Own>!"#),
        Case(
            name: "shadowed by the context, autoescaping", source: source,
            json: #"{"site": {"url": "u", "id": "i d", "name": "<n>"}}"#,
            expected: #"<a href="u/?c=i%20d">&lt;n&gt;</a> ACME!"#, autoescape: true),
        Case(
            name: "shadowed by a loop variable in one iteration's scope",
            source: "{% for brand in ['a', 'b'] %}[{{ brand }}|{{ site.name }}]{% endfor %}{{ brand }}",
            json: "{}", expected: "[a|Tom & Jerry][b|Tom & Jerry]ACME"),
        Case(
            name: "shadowed by a template variable set between runs",
            source: "{{ brand }}-{% set brand = 'set' %}{{ brand }}-{{ site.name }}", json: "{}",
            expected: "ACME-set-Tom & Jerry"),
        Case(
            name: "a folded loop and an autoescape block",
            source: "{% for c in cats %}{{ c }},{% endfor %}|{% autoescape false %}{{ site.name }}{% endautoescape %}|{{ site.name }}",
            json: "{}", expected: "x,&lt;y&gt;,|Tom & Jerry|Tom &amp; Jerry", autoescape: true),
        Case(
            name: "a folded loop shadowed", source: "{% for c in cats %}{{ c }};{% endfor %}.", json: #"{"cats": [1, 2]}"#,
            expected: "1;2;."),
    ]

    static func environment(autoescape: Bool) -> Environment {
        let env = makeEnvironment(options: Options(autoescape: autoescape))
        env.addGlobal("site", ["url": "https://x.test", "id": "a b", "name": "Tom & Jerry"])
        env.addGlobal("brand", "ACME")
        env.addGlobal("cats", ["x", "<y>"])
        return env
    }

    @Test(arguments: cases)
    func runsWriteWhatTheirPiecesWould(_ c: Case) throws {
        let template = try Self.environment(autoescape: c.autoescape).template(source: c.source, name: "main")
        #expect(try template.render(context(c.json)) == c.expected)
        // With a recorder the pieces run one by one, marking each.
        var buffer: [UInt8] = []
        let recorder = RenderRecorder()
        try template.render(context(c.json), into: &buffer, recorder: recorder)
        #expect(String(decoding: buffer, as: UTF8.self) == c.expected)
    }

    @Test func aRunOverTheOutputLimitFails() throws {
        var options = Options()
        options.maxOutputBytes = 25
        let env = makeEnvironment(options: options)
        env.addGlobal("brand", "ACME")
        let template = try env.template(source: "0123456789{{ brand }}0123456789{{ brand }}", name: "main")
        #expect(throws: TemplateError.self) { try template.render() }
        #expect(try template.render(["brand": "x"]) == "0123456789x0123456789x")
    }
}
