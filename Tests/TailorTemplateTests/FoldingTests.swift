import Testing
@testable import TailorTemplate

/// Expressions over globals are computed at compile time; whatever shadows a
/// global at render time must still win.
@Suite struct FoldingTests {
    private func environment() -> Environment {
        let env = Environment(options: Options(autoescape: true))
        env.addGlobal("brand", ["name": "Acme & Co", "id": "winter sale"])
        return env
    }

    @Test(arguments: [
        ("{{ brand.name }}|{{ brand.id|urlencode }}", [String: Value](), "Acme &amp; Co|winter%20sale"),
        ("{{ brand.name }}", ["brand": Value.dict(Dict([(.string("name"), .string("Other"))]))], "Other"),
        ("{% for brand in [{'name': 'Loop'}] %}{{ brand.name }}{% endfor %}", [:], "Loop"),
        ("{% set brand = {'name': 'Set'} %}{{ brand.name }}", [:], "Set"),
        ("{% macro m(brand) %}{{ brand.name|upper }}{% endmacro %}{{ m({'name': 'arg'}) }}", [:], "ARG"),
        ("{% autoescape false %}{{ brand.name }}{% endautoescape %}", [:], "Acme & Co"),
        ("{{ (brand.name ~ '!')|length }}", [:], "10"),
    ] as [(String, [String: Value], String)])
    func shadowingWins(template: String, context: [String: Value], expected: String) throws {
        let t = try environment().template(source: template)
        #expect(try t.render(context) == expected)
    }

    @Test func includedTemplateSeesTheIncludersLoopVariable() throws {
        let env = Environment(loader: MemoryLoader(["inc": "{{ brand.name }}"]))
        env.addGlobal("brand", ["name": "Global"])
        let t = try env.template(source: "{% for brand in [{'name': 'Local'}] %}{% include 'inc' %}{% endfor %}")
        #expect(try t.render() == "Local")
    }

    @Test func replacedFiltersAreNotFolded() throws {
        let env = Environment()
        env.addGlobal("word", "abc")
        nonisolated(unsafe) var calls = 0
        env.addFilter("upper") { value, _, _ in
            calls += 1
            return .string("X" + (try value.stringify()))
        }
        let t = try env.template(source: "{{ word|upper }}")
        #expect(try t.render() == "Xabc")
        #expect(try t.render() == "Xabc")
        #expect(calls == 2)
    }

    @Test func loopsOverGlobalsAreFoldedButStillShadowable() throws {
        let env = Environment(options: Options(autoescape: true))
        env.addGlobal("social", [["name": "A&B", "url": "https://a.example"], ["name": "C", "url": "https://c.example"]])
        let source = "{% for s in social %}<a href=\"{{ s.url }}\">{{ s.name }} {{ loop.index }}</a>{% endfor %}"
        let t = try env.template(source: source)
        #expect(try t.render() == "<a href=\"https://a.example\">A&amp;B 1</a><a href=\"https://c.example\">C 2</a>")
        let own: Value = [["name": "Own", "url": "u"]]
        #expect(try t.render(["social": own]) == "<a href=\"u\">Own 1</a>")
    }

    @Test func statementsThatAssignAreNotFolded() throws {
        let env = Environment()
        env.addGlobal("n", 2)
        let t = try env.template(source: "{% for i in range(n) %}{% set x = i %}{{ x }}{% endfor %}|{% set y = n %}{{ y }}")
        #expect(try t.render() == "01|2")
        #expect(try t.render(["n": 3]) == "012|3")
    }
}

/// Pure macros remember their output per argument list; what they print must
/// not change, whatever the argument types or the autoescape state.
@Suite struct MacroMemoTests {
    @Test func memoizedOutputMatchesEveryCall() throws {
        let env = Environment(loader: MemoryLoader([
            "m.html": "{% macro card(p, label='Buy') %}<b>{{ p.name }}</b> {{ p.price }} {{ label }} {{ shop }}{% endmacro %}"
        ]))
        env.addGlobal("shop", "S&Co")
        let t = try env.template(source: "{% from 'm.html' import card %}{{ card(p) }}|{{ card(p, label=l) }}")
        let cases: [(Value, Value, String)] = [
            (["name": "A", "price": 1], "x", "<b>A</b> 1 Buy S&Co|<b>A</b> 1 x S&Co"),
            (["name": "A", "price": 1.0], "x", "<b>A</b> 1.0 Buy S&Co|<b>A</b> 1.0 x S&Co"),
            (["name": "A", "price": 1], .markup("<i>"), "<b>A</b> 1 Buy S&Co|<b>A</b> 1 <i> S&Co"),
        ]
        for _ in 0..<3 {
            for (p, l, expected) in cases {
                #expect(try t.render(["p": p, "l": l]) == expected)
            }
        }
    }

    @Test func autoescapeStateIsPartOfTheKey() throws {
        let env = Environment(loader: MemoryLoader([
            "m.html": "{% macro show(x) %}{{ x }}{% endmacro %}"
        ]))
        env.addGlobal("unused", 1)
        let t = try env.template(
            source: "{% from 'm.html' import show %}{{ show('<a>') }}{% autoescape true %}{{ show('<a>') }}{% endautoescape %}")
        #expect(try t.render() == "<a>&lt;a&gt;")
        #expect(try t.render() == "<a>&lt;a&gt;")
    }
}
