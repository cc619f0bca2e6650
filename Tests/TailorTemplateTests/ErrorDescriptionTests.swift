import Testing

@testable import TailorTemplate

/// `TemplateError.description`: the message, `name:line:column`, the source
/// line and a caret under the column, as the CLI prints it.
@Suite struct ErrorDescriptionTests {
    @Test func syntaxErrorShowsTheLineAndACaret() throws {
        let source = "<p>\n{% for x in items %}\n  {% if x %}{{ x }}\n{% endfor %}\n</p>"
        let error = try #require(throws: TemplateError.self) {
            try makeEnvironment().template(source: source, name: "email.html")
        }
        #expect(
            error.description == """
                error: unexpected 'endfor', expected 'endif' to close the 'if' on line 3
                  --> email.html:4:4
                   |
                 4 | {% endfor %}
                   |    ^
                """)
    }

    @Test func runtimeErrorPointsIntoTheLine() throws {
        let template = try makeEnvironment().template(source: "Hi {{ user.name }},\n  total: {{ a / b }}", name: "t.txt")
        let error = try #require(throws: TemplateError.self) {
            try template.render(context(#"{"user": {"name": "Ann"}, "a": 1, "b": 0}"#))
        }
        #expect(
            error.description == """
                error: division by zero
                  --> t.txt:2:15
                   |
                 2 |   total: {{ a / b }}
                   |               ^
                """)
    }

    @Test func wideLineNumbersKeepTheGutterAligned() throws {
        let source = String(repeating: "\n", count: 11) + "{{ x|nope }}"
        let error = try #require(throws: TemplateError.self) {
            try makeEnvironment().template(source: source, name: "long.html")
        }
        #expect(
            error.description == """
                error: no filter named 'nope'
                  --> long.html:12:5
                    |
                 12 | {{ x|nope }}
                    |     ^
                """)
    }

    @Test func caretCountsCharactersNotBytes() throws {
        let error = try #require(throws: TemplateError.self) {
            try makeEnvironment().template(source: "Grüße, {{ name|nope }}", name: "de.html")
        }
        #expect((error.line, error.column) == (1, 15))
        #expect(error.description.hasSuffix(" 1 | Grüße, {{ name|nope }}\n   |               ^"))
    }

    @Test func errorsInIncludedTemplatesNameThatTemplate() throws {
        let env = makeEnvironment(["partial.html": "ok\n{{ 1 // 0 }}"], options: Options())
        let template = try env.template(source: "{% include 'partial.html' %}", name: "main.html")
        let error = try #require(throws: TemplateError.self) { try template.render() }
        #expect(error.templateName == "partial.html")
        #expect(error.description.contains("--> partial.html:2:6"))
        #expect(error.description.contains(" 2 | {{ 1 // 0 }}"))
    }

    /// The caret marks the `{{` whose value was missing.
    @Test func strictUndefinedNamesTheVariable() throws {
        let template = try makeEnvironment(options: Options(undefined: .strict))
            .template(source: "Dear {{ first_name }},", name: "greeting.txt")
        let error = try #require(throws: TemplateError.self) { try template.render() }
        #expect(error.kind == .undefined)
        #expect(
            error.description == """
                error: 'first_name' is undefined
                  --> greeting.txt:1:6
                   |
                 1 | Dear {{ first_name }},
                   |      ^
                """)
    }

    @Test func aNotFoundErrorFromTheEnvironmentHasHelp() throws {
        let error = try #require(throws: TemplateError.self) { try makeEnvironment().template(named: "nope.html") }
        #expect(error.kind == .notFound)
        #expect(error.description == "error: template 'nope.html' not found\n  help: check the name and the templates folder")
    }

    @Test func anErrorWithoutALocationIsJustTheMessage() {
        #expect(TemplateError(.value, "bad value").description == "error: bad value")
    }

    @Test func theSourceLineOfACRLFTemplateHasNoCarriageReturn() throws {
        let error = try #require(throws: TemplateError.self) {
            try makeEnvironment().template(source: "a\r\n{{ x|nope }}\r\nb", name: "crlf.html")
        }
        #expect((error.line, error.column) == (2, 5))
        #expect(error.sourceLine == "{{ x|nope }}")
    }
}
