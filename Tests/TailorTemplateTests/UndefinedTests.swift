import Testing

@testable import TailorTemplate

private let contextJSON = #"{"obj": {"a": 1}, "items": [1, 2]}"#

/// Lenient (Jinja's default `Undefined`) and strict (`StrictUndefined`)
/// handling of missing values; expectations are Jinja 3.1.6's behaviour.
@Suite struct UndefinedTests {
    enum Outcome: Sendable, CustomStringConvertible {
        case renders(String)
        /// An `UndefinedError` with this message.
        case fails(String)

        var description: String {
            switch self {
            case .renders(let s): return "renders \(s.debugDescription)"
            case .fails(let s): return "fails with \(s.debugDescription)"
            }
        }
    }

    struct UndefinedCase: Sendable, CustomTestStringConvertible {
        var source: String
        var lenient: Outcome
        var strict: Outcome

        init(_ source: String, lenient: Outcome, strict: Outcome) {
            self.source = source
            self.lenient = lenient
            self.strict = strict
        }

        var testDescription: String { source.debugDescription }
    }

    static let cases: [UndefinedCase] = [
        UndefinedCase("[{{ missing }}]", lenient: .renders("[]"), strict: .fails("'missing' is undefined")),
        UndefinedCase("[{{ obj.missing }}]", lenient: .renders("[]"), strict: .fails("'dict object' has no attribute 'missing'")),
        UndefinedCase("[{{ obj['missing'] }}]", lenient: .renders("[]"), strict: .fails("'dict object' has no attribute 'missing'")),
        UndefinedCase("[{{ missing.attr }}]", lenient: .fails("'missing' is undefined"), strict: .fails("'missing' is undefined")),
        UndefinedCase("[{{ obj.missing.deeper }}]", lenient: .fails("'dict object' has no attribute 'missing'"), strict: .fails("'dict object' has no attribute 'missing'")),
        UndefinedCase("{% for x in missing %}x{% else %}empty{% endfor %}", lenient: .renders("empty"), strict: .fails("'missing' is undefined")),
        UndefinedCase("{% if missing %}y{% else %}n{% endif %}", lenient: .renders("n"), strict: .fails("'missing' is undefined")),
        UndefinedCase("{% if not missing %}y{% endif %}", lenient: .renders("y"), strict: .fails("'missing' is undefined")),
        UndefinedCase("{{ missing is defined }} {{ obj.a is defined }} {{ obj.missing is not defined }}", lenient: .renders("False True True"), strict: .renders("False True True")),
        UndefinedCase("{{ missing|default('d') }} {{ obj.missing|default('d') }} {{ obj.a|default('d') }}", lenient: .renders("d d 1"), strict: .renders("d d 1")),
        UndefinedCase("{% if missing is defined and missing %}y{% else %}n{% endif %}", lenient: .renders("n"), strict: .renders("n")),
        UndefinedCase("{{ missing + 1 }}", lenient: .fails("'missing' is undefined"), strict: .fails("'missing' is undefined")),
        UndefinedCase("{{ 1 + missing }}", lenient: .fails("'missing' is undefined"), strict: .fails("'missing' is undefined")),
        UndefinedCase("{{ missing ~ 'x' }}", lenient: .renders("x"), strict: .fails("'missing' is undefined")),
        UndefinedCase("{{ missing == 1 }}", lenient: .renders("False"), strict: .fails("'missing' is undefined")),
        UndefinedCase("{{ missing == none }}", lenient: .renders("False"), strict: .fails("'missing' is undefined")),
        UndefinedCase("{{ 'a' in missing }}", lenient: .renders("False"), strict: .fails("'missing' is undefined")),
        UndefinedCase("{{ missing in [1] }}", lenient: .renders("False"), strict: .fails("'missing' is undefined")),
        UndefinedCase("{{ missing() }}", lenient: .fails("'missing' is undefined"), strict: .fails("'missing' is undefined")),
        UndefinedCase("{{ missing|upper }}", lenient: .renders(""), strict: .fails("'missing' is undefined")),
        UndefinedCase("{{ missing[0] }}", lenient: .fails("'missing' is undefined"), strict: .fails("'missing' is undefined")),
        UndefinedCase("{{ missing or 'fallback' }}", lenient: .renders("fallback"), strict: .fails("'missing' is undefined")),
        UndefinedCase("{{ missing and 'x' }}", lenient: .renders(""), strict: .fails("'missing' is undefined")),
        UndefinedCase("{{ 'yes' if missing else 'no' }}", lenient: .renders("no"), strict: .fails("'missing' is undefined")),
        UndefinedCase("{% set x = missing %}[{{ x is defined }}]", lenient: .renders("[False]"), strict: .renders("[False]")),
        UndefinedCase("{% macro m(a) %}[{{ a }}]{% endmacro %}{{ m() }}", lenient: .renders("[]"), strict: .fails("parameter 'a' was not provided")),
        UndefinedCase("{% with y = missing %}[{{ y is defined }}]{% endwith %}", lenient: .renders("[False]"), strict: .renders("[False]")),
        UndefinedCase("{{ missing|wrap }}", lenient: .renders("[]"), strict: .fails("'missing' is undefined")),
        UndefinedCase("{{ missing.a|default('d') }}", lenient: .fails("'missing' is undefined"), strict: .fails("'missing' is undefined")),
    ]

    @Test(arguments: cases)
    func lenient(_ row: UndefinedCase) throws {
        try check(row.source, Options(undefined: .lenient), row.lenient)
    }

    @Test(arguments: cases)
    func strict(_ row: UndefinedCase) throws {
        try check(row.source, Options(undefined: .strict), row.strict)
    }

    private func check(_ source: String, _ options: Options, _ outcome: Outcome) throws {
        switch outcome {
        case .renders(let expected):
            #expect(try render(source, contextJSON, options: options) == expected)
        case .fails(let message):
            let error = try #require(renderError(source, contextJSON, options: options))
            #expect(error.kind == .undefined)
            #expect(error.message == message)
            #expect(error.templateName == "main")
            #expect(error.line == 1)
            #expect(error.column > 0)
        }
    }

    @Test func strictErrorPointsAtTheVariable() throws {
        let source = "Hello {{ first_name }},\n{% if vip %}\n  {{ reward.code }}\n{% endif %}"
        let options = Options(undefined: .strict)
        let first = try #require(renderError(source, options: options))
        #expect(first.message == "'first_name' is undefined")
        #expect((first.line, first.column) == (1, 7))
        let second = try #require(renderError(source, #"{"first_name": "Ann", "vip": true, "reward": {}}"#, options: options))
        #expect(second.message == "'dict object' has no attribute 'code'")
        #expect((second.line, second.column) == (3, 3))
        #expect(second.sourceLine == "  {{ reward.code }}")
    }
}
