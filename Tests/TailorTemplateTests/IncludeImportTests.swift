import Testing

@testable import TailorTemplate

/// `include`, `import` and `from ... import` over an in-memory loader;
/// expectations are Jinja 3.1.6's output with the same templates.
@Suite struct IncludeImportTests {
    static let templates: [String: String] = [
        "header.html": "Header {{ title }}",
        "item.html": "[{{ item }}]",
        "macros.html": "{% macro hello(n) %}Hello {{ n }}{% endmacro %}{% macro _private() %}p{% endmacro %}{% set version = 2 %}{% set _hidden = 3 %}top-level output",
        "who.html": "{% macro who() %}{{ user }}{% endmacro %}{% set seen = user %}",
        "sets.html": "{% set leaked = 1 %}in",
        "nested.html": "({% include 'item.html' %})",
        "counter.html": "{% set count = 0 %}{% macro bump() %}{{ count + 1 }}{% endmacro %}",
        "loopvar.html": "{{ loop.index }}:{{ item }}",
    ]

    @Test(arguments: [
        ("{% set title = 'T' %}{% include 'header.html' %}", "", "Header T"),
        ("{% include 'header.html' %}", #"{"title": "ctx"}"#, "Header ctx"),
        ("{% for item in [1, 2] %}{% include 'item.html' %}{% endfor %}", "", "[1][2]"),
        ("{% include 'header.html' without context %}|", #"{"title": "X"}"#, "Header |"),
        ("{% include 'header.html' with context %}", #"{"title": "X"}"#, "Header X"),
        ("a{% include 'nope.html' ignore missing %}b", "", "ab"),
        ("{% include ['nope.html', 'header.html'] %}", #"{"title": "list"}"#, "Header list"),
        ("{% include tpl %}", #"{"tpl": "item.html", "item": 5}"#, "[5]"),
        ("{% include names ignore missing %}|", #"{"names": ["a.html", "b.html"]}"#, "|"),
        ("{% with item = 'w' %}{% include 'nested.html' %}{% endwith %}", "", "([w])"),
        ("{% include 'sets.html' %}[{{ leaked }}]", "", "in[]"),
        ("{% import 'macros.html' as m %}{{ m.hello('A') }} {{ m.version }}", "", "Hello A 2"),
        ("{% from 'macros.html' import hello, version as v %}{{ hello('B') }} {{ v }}", "", "Hello B 2"),
        ("{% from 'macros.html' import hello as hi with context %}{{ hi('C') }}", "", "Hello C"),
        ("{% import 'macros.html' as m %}[{{ m._hidden }}][{{ m.nothing }}]", "", "[][]"),
        ("{% import 'macros.html' as m %}{{ m }}", "", "top-level output"),
        ("{% import 'who.html' as w %}[{{ w.who() }}][{{ w.seen }}]", #"{"user": "U"}"#, "[][]"),
        ("{% import 'who.html' as w with context %}[{{ w.who() }}][{{ w.seen }}]", #"{"user": "U"}"#, "[U][U]"),
        ("{% from 'who.html' import who with context %}[{{ who() }}]", #"{"user": "U"}"#, "[U]"),
        ("{% set user = 'local' %}{% from 'who.html' import who with context %}[{{ who() }}]", #"{"user": "U"}"#, "[local]"),
        ("{% import 'counter.html' as c %}{{ c.bump() }}{{ c.bump() }}", "", "11"),
        ("{% for n in [1, 2] %}{% import 'macros.html' as m %}{{ m.hello(n) }};{% endfor %}", "", "Hello 1;Hello 2;"),
        ("{% macro local() %}L{% endmacro %}{% include 'header.html' %}", #"{"title": "t"}"#, "Header t"),
        ("{% import 'macros.html' as m %}{% macro wrapper() %}{{ m.hello('W') }}{% endmacro %}{{ wrapper() }}", "", "Hello W"),
    ])
    func includesAndImports(source: String, json: String, expected: String) throws {
        #expect(try render(source, json, templates: Self.templates) == expected)
    }

    @Test func includedTemplatesCompileOnce() throws {
        let env = makeEnvironment(Self.templates)
        let first = try env.template(named: "header.html")
        let second = try env.template(named: "header.html")
        #expect(first === second)
    }
}
