import Testing

@testable import TailorTemplate

/// An `if`/`elif` chain comparing one name with literal strings looks the
/// name up once; the same chain with a test that breaks the pattern (`~ ''`)
/// runs test by test. Both must pick the same branch and fail alike.
@Suite struct IfChainTests {
    static let chain = """
        {% if s == "a" %}A{% elif s == "b" %}B{% elif s == "\u{E9}" %}E{% elif s == "" %}empty{% else %}other{% endif %}
        """
    static let general = """
        {% if s == "a" %}A{% elif s == "b" %}B{% elif s == "\u{E9}" %}E{% elif (s ~ '') == "" and s is string %}empty\
        {% elif s == "" %}empty{% else %}other{% endif %}
        """

    static let inputs = [
        "undefined", "null", "\"a\"", "\"b\"", "\"c\"", "\"\"", "\"\u{E9}\"", "\"e\u{301}\"", "1", "[\"a\"]", "{\"s\": 1}",
    ]

    @Test(arguments: inputs)
    func chainPicksTheBranchTheTestsPick(_ input: String) throws {
        let json = input == "undefined" ? "" : #"{"s": \#(input)}"#
        for options in [Options(), Options(autoescape: true), Options(undefined: .strict)] {
            let a = Result { try render(Self.chain, json, options: options) }
            let b = Result { try render(Self.general, json, options: options) }
            switch (a, b) {
            case (.success(let x), .success(let y)):
                #expect(x == y, "s = \(input)")
            case (.failure(let x as TemplateError), .failure(let y as TemplateError)):
                #expect(x.message == y.message && x.line == y.line, "s = \(input)")
            default:
                Issue.record("s = \(input): \(a) vs \(b)")
            }
        }
    }

    @Test func markupComparesByItsText() throws {
        #expect(try render(#"{% set s = "b"|safe %}"# + Self.chain, options: Options(autoescape: true)) == "B")
    }

    /// Chains over different names, or with another operator, are not switched.
    @Test func mixedChainsRunAsWritten() throws {
        let source = #"{% if s == "a" %}1{% elif t == "b" %}2{% elif s != "c" %}3{% else %}4{% endif %}"#
        #expect(try render(source, #"{"s": "c", "t": "b"}"#) == "2")
        #expect(try render(source, #"{"s": "x", "t": "y"}"#) == "3")
        #expect(try render(source, #"{"s": "c", "t": "y"}"#) == "4")
    }
}
