import Testing
@testable import TailorTemplate

/// Corners where the engine once differed from Jinja 3.1.6; each expectation
/// is what Jinja itself renders or raises.
@Suite struct JinjaParityTests {
    static let strict = Options(undefined: .strict)
    static let escaping = Options(autoescape: true)

    @Test(arguments: [
        // A filter block's result is written as it is, not escaped again.
        ("{% filter wrap %}<i>{{ b }}</i>{% endfilter %}", #"{"b": "<b>"}"#, [:], escaping, "[<i>&lt;b&gt;</i>]"),
        // `~` joins plain text when not autoescaping, markup-aware when it is.
        ("{{ b|safe ~ '<' }}|{{ '<' ~ b|safe }}", #"{"b": "<b>"}"#, [:], Options(), "<b><|<<b>"),
        ("{{ b|safe ~ '<' }}", #"{"b": "<b>"}"#, [:], escaping, "<b>&lt;"),
        // A name a template does not export is undefined, printing nothing when lenient.
        ("{% from 'm.html' import nothere %}[{{ nothere }}]", "", ["m.html": "{% macro x() %}{% endmacro %}"], Options(), "[]"),
        // A number after a dot is an index.
        ("{{ x.0.1 }}", #"{"x": [[1, 2]]}"#, [:], Options(), "2"),
        // Iterating markup gives plain characters, escaped when printed.
        ("{% for c in b|safe %}{{ c }}{% endfor %}", #"{"b": "<b>"}"#, [:], escaping, "&lt;b&gt;"),
        // Undefined inside a container prints as Python's repr.
        ("{{ (missing, 1) }} {{ [missing] }}", "", [:], Options(), "(Undefined, 1) [Undefined]"),
    ] as [(String, String, [String: String], Options, String)])
    func rendersAsJinja(source: String, json: String, templates: [String: String], options: Options, expected: String)
        throws
    {
        #expect(try render(source, json, templates: templates, options: options) == expected)
    }

    @Test(arguments: [
        // The loop variable does not follow an include.
        ("{% for item in ['a'] %}{% include 'inc' %}{% endfor %}", ["inc": "{{ loop.index }}"], Options(), TemplateError.Kind.undefined),
        // Using a lenient undefined in an ordering or sign is an UndefinedError.
        ("{{ missing < 1 }}", [:], Options(), .undefined),
        ("{{ -missing }}", [:], Options(), .undefined),
        // A name not exported fails where it is used, when strict.
        ("{% from 'm.html' import nothere %}[{{ nothere }}]", ["m.html": ""], strict, .undefined),
        // `endmacro` takes no name.
        ("{% macro m() %}x{% endmacro m %}", [:], Options(), .syntax),
    ] as [(String, [String: String], Options, TemplateError.Kind)])
    func failsAsJinja(source: String, templates: [String: String], options: Options, kind: TemplateError.Kind) {
        #expect(renderError(source, templates: templates, options: options)?.kind == kind)
    }

    @Test(arguments: [
        ("{{ items[5] }}", "list object has no element 5"),
        ("{{ 'a' + 1 }}", #"can only concatenate str (not "int") to str"#),
        ("{{ 1 % 0 }}", "integer modulo by zero"),
    ])
    func messagesAsJinja(source: String, message: String) {
        #expect(renderError(source, #"{"items": [1, 2]}"#, options: Self.strict)?.message == message)
    }

    @Test func ignoreMissingSwallowsARefusedName() throws {
        let env = Environment(loader: FileSystemLoader(root: "/nonexistent-root"))
        let t = try env.template(source: "[{% include '../outside/secret.html' ignore missing %}]")
        #expect(try t.render() == "[]")
    }

    @Test func extendsCyclesAreLocated() {
        let error = renderError(
            "{% extends 'a.html' %}", templates: ["a.html": "x\n{% extends 'b.html' %}", "b.html": "{% extends 'a.html' %}"])
        #expect(error?.kind == .recursion)
        #expect(error?.line ?? 0 > 0)
        #expect(error?.templateName != nil)
    }

    /// Minified HTML is one long line: columns are counted as the lexer goes
    /// (a rescan per token made this minutes long).
    @Test func longLinesKeepTheirColumns() throws {
        let source = String(repeating: "<td class=\"cell\">{{ x }}</td>", count: 20_000)
        let tokens = try Lexer.tokenize(SourceFile(name: "long", text: source), options: Options())
        #expect(tokens.count == 20_000 * 4 + 2)
        // One ASCII line: every column is the byte offset plus one.
        #expect(tokens.allSatisfy { $0.span.line == 1 && Int($0.span.column) == Int($0.span.offset) + 1 })
        #expect(tokens[tokens.count - 2].span.offset > 500_000)
    }
}
