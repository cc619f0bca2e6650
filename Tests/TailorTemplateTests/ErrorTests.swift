import Testing

@testable import TailorTemplate

/// Bad templates: each fails with a kind, the line and column of the culprit,
/// and a message a template author can act on.
@Suite struct ErrorTests {
    struct BadTemplate: Sendable, CustomTestStringConvertible {
        var source: String
        var json: String
        var kind: TemplateError.Kind
        var line: Int
        var column: Int
        var fragment: String

        init(
            _ source: String, _ kind: TemplateError.Kind, at line: Int, _ column: Int, _ fragment: String,
            context json: String = ""
        ) {
            self.source = source
            self.json = json
            self.kind = kind
            self.line = line
            self.column = column
            self.fragment = fragment
        }

        var testDescription: String { source.debugDescription }
    }

    static let templates = ["a.html": "A", "b.html": "B"]

    private func check(_ row: BadTemplate) throws {
        let error = try #require(renderError(row.source, row.json, templates: Self.templates))
        #expect(error.kind == row.kind)
        #expect((error.line, error.column) == (row.line, row.column))
        #expect(error.message.contains(row.fragment), "\(error.message)")
        #expect(error.templateName == "main")
        let lines = row.source.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(error.sourceLine == String(lines[row.line - 1]))
    }

    // MARK: Blocks that do not close

    @Test(arguments: [
        BadTemplate("{% if x %}\nyes\n", .syntax, at: 2, 4, "unexpected end of template, expected 'endif' to close the 'if' on line 1"),
        BadTemplate("a\n{% for x in y %}\n{% if x %}", .syntax, at: 3, 11, "expected 'endif' to close the 'if' on line 3"),
        BadTemplate("{% macro m() %}\nbody", .syntax, at: 2, 5, "expected 'endmacro' to close the 'macro' on line 1"),
        BadTemplate("{% block b %}", .syntax, at: 1, 14, "expected 'endblock' to close the 'block' on line 1"),
        BadTemplate(
            "{% for x in y %}\n{% if x %}\n{{ x }}\n{% endfor %}", .syntax, at: 4, 4,
            "unexpected 'endfor', expected 'endif' to close the 'if' on line 2"),
        BadTemplate(
            "line\n{% if a %}\n{% for x in y %}\n{% endif %}", .syntax, at: 4, 4,
            "unexpected 'endif', expected 'endfor' to close the 'for' on line 3"),
        BadTemplate(
            "{% if x %}{% else %}{% else %}{% endif %}", .syntax, at: 1, 24,
            "unexpected 'else', expected 'endif' to close the 'if' on line 1"),
        BadTemplate(
            "{% for x in [1] %}{% elif %}{% endfor %}", .syntax, at: 1, 22,
            "unexpected 'elif', expected 'endfor' to close the 'for' on line 1"),
        BadTemplate("{% endif %}", .syntax, at: 1, 4, "unexpected 'endif'"),
        BadTemplate("{% else %}", .syntax, at: 1, 4, "unexpected 'else'"),
        BadTemplate("{% endmacro %}", .syntax, at: 1, 4, "unexpected 'endmacro'"),
        BadTemplate("text {# never closed", .syntax, at: 1, 6, "missing end of comment tag"),
        BadTemplate("{% raw %}never closed", .syntax, at: 1, 1, "expected 'endraw' to close the 'raw' block"),
        BadTemplate("{{ x\n", .syntax, at: 1, 1, "unexpected end of template, expected '}}'"),
        BadTemplate("{% if x", .syntax, at: 1, 1, "unexpected end of template, expected '%}'"),
    ])
    func unclosed(_ row: BadTemplate) throws { try check(row) }

    // MARK: Tags, filters and tests that do not exist

    @Test(arguments: [
        BadTemplate("{% frobnicate %}", .syntax, at: 1, 4, "encountered unknown tag 'frobnicate'"),
        BadTemplate(
            "{% if x %}{% frobnicate %}{% endif %}", .syntax, at: 1, 14,
            "the innermost block that needs to be closed is 'if' (line 1)"),
        BadTemplate("{% %}", .syntax, at: 1, 4, "tag name expected"),
        BadTemplate("a\n{{ x|nosuchfilter }}", .unknownFilter, at: 2, 5, "no filter named 'nosuchfilter'"),
        BadTemplate("{{ x|upper|nosuchfilter(1) }}", .unknownFilter, at: 1, 11, "no filter named 'nosuchfilter'"),
        BadTemplate("a\n{{ x is nosuchtest }}", .unknownTest, at: 2, 6, "no test named 'nosuchtest'"),
        BadTemplate("{{ x is not nosuchtest(1) }}", .unknownTest, at: 1, 6, "no test named 'nosuchtest'"),
        BadTemplate("{% filter nosuchfilter %}x{% endfilter %}", .unknownFilter, at: 1, 11, "no filter named 'nosuchfilter'"),
        BadTemplate("{% set s | nosuchfilter %}x{% endset %}", .unknownFilter, at: 1, 10, "no filter named 'nosuchfilter'"),
        BadTemplate("{% for x in y if x|nosuchfilter %}{% endfor %}", .unknownFilter, at: 1, 19, "no filter named 'nosuchfilter'"),
        // Inside an `if`, Jinja defers the failure to the moment the filter runs.
        BadTemplate("{% if x %}{{ x|nosuchfilter }}{% endif %}", .unknownFilter, at: 1, 15, "no filter named 'nosuchfilter'", context: #"{"x": 1}"#),
        BadTemplate("{% if x %}{{ x is nosuchtest }}{% endif %}", .unknownTest, at: 1, 16, "no test named 'nosuchtest'", context: #"{"x": 1}"#),
    ])
    func unknownNames(_ row: BadTemplate) throws { try check(row) }

    @Test func anUnknownFilterInAnUntakenBranchDoesNotFail() throws {
        #expect(try render("{% if x %}{{ x|nosuchfilter }}{% endif %}ok") == "ok")
    }

    // MARK: Expressions

    @Test(arguments: [
        BadTemplate("{{ 1 + }}", .syntax, at: 1, 8, "unexpected end of print statement"),
        BadTemplate("{{ [1, 2 }}", .syntax, at: 1, 10, "unexpected '}', expected ']'"),
        BadTemplate("{{ (1, 2 }}", .syntax, at: 1, 10, "unexpected '}', expected ')'"),
        BadTemplate("{{ {'a': 1 }}", .syntax, at: 1, 13, "unexpected '}'"),
        BadTemplate("{{ {1: 2, 3} }}", .syntax, at: 1, 12, "expected ':'"),
        BadTemplate("{{ }}", .syntax, at: 1, 4, "expected an expression, got 'end of print statement'"),
        BadTemplate("{{ 1 2 }}", .syntax, at: 1, 6, "unexpected integer, expected end of print statement"),
        BadTemplate("{{ x. }}", .syntax, at: 1, 7, "expected name or number"),
        BadTemplate("{{ f(a=1, 2) }}", .syntax, at: 1, 11, "positional argument follows keyword argument"),
        BadTemplate("{{ 1 ) }}", .syntax, at: 1, 6, "unexpected ')'"),
        BadTemplate("{{ 'abc }}", .syntax, at: 1, 4, "unexpected end of string literal"),
        BadTemplate("a\n  {{ \"abc\n }}", .syntax, at: 2, 6, "unexpected end of string literal"),
        BadTemplate("{{ x $ y }}", .syntax, at: 1, 6, "unexpected char '$'"),
        BadTemplate("{{ '\\xZZ' }}", .syntax, at: 1, 4, "truncated \\x escape"),
        BadTemplate("{{ 0x }}", .syntax, at: 1, 4, "invalid number literal '0x'"),
        BadTemplate("{% set 1 = 2 %}", .syntax, at: 1, 8, "expected a name to assign to"),
        BadTemplate("{% set true = 2 %}", .syntax, at: 1, 8, "can't assign to constant 'true'"),
        BadTemplate("{% for x y %}{% endfor %}", .syntax, at: 1, 10, "unexpected 'y', expected 'in'"),
        BadTemplate("{% include %}", .syntax, at: 1, 12, "unexpected end of statement block"),
        BadTemplate("{% call m %}{% endcall %}", .syntax, at: 1, 9, "expected call"),
        BadTemplate("{% macro m(a=1, b) %}{% endmacro %}", .syntax, at: 1, 17, "non-default argument follows default argument"),
        BadTemplate("{% macro m(a, a) %}{% endmacro %}", .syntax, at: 1, 15, "duplicate argument 'a'"),
        BadTemplate("{% from 'a.html' import _private %}", .syntax, at: 1, 25, "names starting with an underline can not be imported"),
    ])
    func badExpressions(_ row: BadTemplate) throws { try check(row) }

    // MARK: Blocks and inheritance

    @Test(arguments: [
        BadTemplate("{% block a %}{% endblock %}\n{% block a %}{% endblock %}", .syntax, at: 2, 10, "block 'a' defined twice"),
        BadTemplate("{% block a %}{% endblock b %}", .syntax, at: 1, 26, "mismatching name 'b' for block 'a'"),
        BadTemplate("{% block a-b %}{% endblock %}", .syntax, at: 1, 11, "use an underscore instead of '-' in block names"),
        BadTemplate("{% block a required %}text{% endblock %}", .syntax, at: 1, 4, "required blocks can only contain comments or whitespace"),
        BadTemplate("{% extends 'a.html' %}\n{% extends 'b.html' %}", .runtime, at: 2, 4, "extended multiple times"),
    ])
    func badBlocks(_ row: BadTemplate) throws { try check(row) }

    // MARK: Missing templates

    @Test(arguments: [
        BadTemplate("x\n{% include 'nope.html' %}", .notFound, at: 2, 4, "template 'nope.html' not found"),
        BadTemplate("{% extends 'nope.html' %}", .notFound, at: 1, 4, "template 'nope.html' not found"),
        BadTemplate("{% import 'nope.html' as n %}", .notFound, at: 1, 4, "template 'nope.html' not found"),
        BadTemplate("{% from 'nope.html' import x %}", .notFound, at: 1, 4, "template 'nope.html' not found"),
        BadTemplate(
            "{% include ['x.html', 'y.html'] %}", .notFound, at: 1, 4,
            "none of the templates given were found: x.html, y.html"),
        BadTemplate("{% include name %}", .notFound, at: 1, 4, "template 'z.html' not found", context: #"{"name": "z.html"}"#),
    ])
    func missingTemplates(_ row: BadTemplate) throws { try check(row) }

    // MARK: Runtime errors

    @Test(arguments: [
        BadTemplate("{{ 1 / 0 }}", .zeroDivision, at: 1, 6, "division by zero"),
        BadTemplate("{{ 1 // 0 }}", .zeroDivision, at: 1, 6, "by zero"),
        BadTemplate("{{ 1 % 0 }}", .zeroDivision, at: 1, 6, "by zero"),
        BadTemplate("{{ 1.5 / 0 }}", .zeroDivision, at: 1, 8, "float division by zero"),
        BadTemplate("a\n{{ n / d }}", .zeroDivision, at: 2, 6, "division by zero", context: #"{"n": 1, "d": 0}"#),
        BadTemplate("a\n  {{ nothing() }}", .undefined, at: 2, 13, "'nothing' is undefined"),
        BadTemplate("{{ x() }}", .type, at: 1, 5, "'int' object is not callable", context: #"{"x": 1}"#),
        BadTemplate("{% for a, b in [[1, 2, 3]] %}{% endfor %}", .value, at: 1, 4, "too many values to unpack (expected 2)"),
        BadTemplate("{% for a, b in [[1]] %}{% endfor %}", .value, at: 1, 4, "not enough values to unpack (expected 2, got 1)"),
        BadTemplate("{% for x in 42 %}{% endfor %}", .type, at: 1, 4, "'int' object is not iterable"),
        BadTemplate("{{ [1][1:2:0] }}", .value, at: 1, 7, "slice step cannot be zero"),
        BadTemplate("{{ super() }}", .undefined, at: 1, 9, "'super' is undefined"),
        BadTemplate("{% for x in [1] %}{{ loop.cycle() }}{% endfor %}", .type, at: 1, 32, "no items for cycling given"),
    ])
    func runtimeErrors(_ row: BadTemplate) throws { try check(row) }

    // MARK: Recursion and nesting limits

    @Test(arguments: [
        ["self.html": "x{% include 'self.html' %}"],
        ["a.html": "{% include 'b.html' %}", "b.html": "{% include 'a.html' %}"],
        ["a.html": "{% import 'b.html' as b %}", "b.html": "{% import 'a.html' as a %}"],
        ["a.html": "{% macro r() %}{{ r() }}{% endmacro %}{{ r() }}"],
        ["a.html": "{% macro r(n) %}{{ r(n + 1) }}{% endmacro %}{{ r(0) }}"],
        ["a.html": "{% for x in [1] recursive %}{{ loop([1]) }}{% endfor %}"],
        ["a.html": "{% block b %}{{ self.b() }}{% endblock %}"],
    ])
    func endlessRecursionIsAnError(templates: [String: String]) throws {
        let name = templates.keys.sorted().first!
        let error = try #require(throws: TemplateError.self) {
            try render(named: name, templates: templates)
        }
        #expect(error.kind == .recursion)
        #expect(error.message.contains("maximum recursion depth exceeded"))
        #expect(error.line > 0)
    }

    @Test(arguments: [
        ["a.html": "{% extends 'a.html' %}"],
        ["a.html": "{% extends 'b.html' %}", "b.html": "{% extends 'a.html' %}"],
    ])
    func extendsCyclesAreARecursionError(templates: [String: String]) throws {
        let error = try #require(throws: TemplateError.self) {
            try render(named: "a.html", templates: templates)
        }
        #expect(error.kind == .recursion)
        #expect(error.message.contains("maximum recursion depth exceeded"))
    }

    @Test func theRecursionLimitIsAnOption() throws {
        var templates: [String: String] = ["t9.html": "end"]
        for i in 0..<9 { templates["t\(i).html"] = "{% include 't\(i + 1).html' %}" }
        #expect(try render(named: "t0.html", templates: templates) == "end")
        var options = Options()
        options.maxRecursionDepth = 5
        let error = try #require(throws: TemplateError.self) {
            try render(named: "t0.html", templates: templates, options: options)
        }
        #expect(error.kind == .recursion)
    }

    @Test func outputIsBounded() throws {
        var options = Options()
        options.maxOutputBytes = 1000
        let source = "{% for a in xs %}{% for b in xs %}{{ a }}{{ b }}{% endfor %}{% endfor %}"
        let xs = #"{"xs": ["0123456789", "0123456789", "0123456789", "0123456789", "0123456789", "0123456789", "0123456789", "0123456789"]}"#
        #expect(try render(source, xs).utf8.count == 1280)
        let error = try #require(renderError(source, xs, options: options))
        #expect(error.kind == .limit)
        #expect(error.message.contains("larger than 1000 bytes"))
    }

    @Test(arguments: [
        "{{ " + String(repeating: "(", count: 1000) + "1" + String(repeating: ")", count: 1000) + " }}",
        "{{ " + String(repeating: "[", count: 1000) + String(repeating: "]", count: 1000) + " }}",
        "{{ " + String(repeating: "{'a':\n", count: 1000) + "1" + String(repeating: "}\n", count: 1000) + " }}",
        "{{ " + String(repeating: "not ", count: 1000) + "x }}",
        "{{ " + String(repeating: "-", count: 1000) + "1 }}",
        "{{ " + String(repeating: "f(\n", count: 1000) + String(repeating: ")\n", count: 1000) + " }}",
        String(repeating: "{% if x %}\n", count: 1000) + String(repeating: "{% endif %}\n", count: 1000),
        String(repeating: "{% for x in y %}\n", count: 1000) + String(repeating: "{% endfor %}\n", count: 1000),
    ])
    func deepNestingIsAnErrorNotACrash(source: String) throws {
        let error = try #require(renderError(source))
        #expect(error.kind == .syntax)
        #expect(error.message.contains("nests too deeply"))
    }
}
