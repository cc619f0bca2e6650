import Testing

@testable import TailorTemplate

/// Filters with literal arguments are bound at compile time; the same filter
/// with its arguments passed through variables takes the general path. Both
/// must print the same, and bad literals must still fail only when rendered.
@Suite struct FilterFastPathTests {
    /// A filter call with literal arguments, the same call through the
    /// variables `a`, `b`, `c`, and the values of `a`, `b`, `c` as JSON.
    struct Row: Sendable, CustomStringConvertible {
        let literal: String
        let variable: String
        let arguments: String
        var description: String { literal }
    }

    static let rows: [Row] = [
        Row(literal: "default('there')", variable: "default(a)", arguments: #""a": "there""#),
        Row(literal: "default('there', true)", variable: "default(a, b)", arguments: #""a": "there", "b": true"#),
        Row(literal: "d('there', true)", variable: "d(a, b)", arguments: #""a": "there", "b": true"#),
        Row(literal: "default(boolean=true)", variable: "default(boolean=b)", arguments: #""b": true"#),
        Row(literal: "default()", variable: "default(a)", arguments: #""a": """#),
        Row(literal: "default(0, false)", variable: "default(a, b)", arguments: #""a": 0, "b": false"#),
        Row(literal: "truncate(5)", variable: "truncate(a)", arguments: #""a": 5"#),
        Row(literal: "truncate(length=9)", variable: "truncate(length=a)", arguments: #""a": 9"#),
        Row(literal: "truncate(5, true)", variable: "truncate(a, b)", arguments: #""a": 5, "b": true"#),
        Row(literal: "truncate(6, end='!')", variable: "truncate(a, end=b)", arguments: #""a": 6, "b": "!""#),
        Row(literal: "truncate(4, leeway=0)", variable: "truncate(a, leeway=b)", arguments: #""a": 4, "b": 0"#),
        Row(literal: "truncate(3, end='')", variable: "truncate(a, end=b)", arguments: #""a": 3, "b": """#),
        Row(literal: "truncate()", variable: "truncate(a)", arguments: #""a": 255"#),
        Row(literal: "trim", variable: "trim(a)", arguments: #""a": null"#),
        Row(literal: "trim('-x')", variable: "trim(a)", arguments: #""a": "-x""#),
    ]

    /// Inputs as JSON values (`undefined` leaves `v` unset).
    static let inputs = [
        "undefined", "null", "\"\"", "0", "false", "true", "[]", "\"Ann\"", "\"  Ann Lee  \"",
        "\"--xAnn--x\"", "\"Heritage Sand Sleeping Bag\"", "\"a b c d e f g h i j\"", "\"Gr\u{FC}\u{DF}e aus K\u{F6}ln\"",
        "12.5",
    ]

    @Test(arguments: rows)
    func literalArgumentsPrintAsVariables(_ row: Row) throws {
        for input in Self.inputs {
            let value = input == "undefined" ? "" : #""v": \#(input), "#
            let json = "{\(value)\(row.arguments)}"
            for autoescape in [false, true] {
                let options = Options(autoescape: autoescape)
                let fast = try render("[{{ v|\(row.literal) }}]", json, options: options)
                let general = try render("[{{ v|\(row.variable) }}]", json, options: options)
                #expect(fast == general, "v = \(input), autoescape \(autoescape)")
            }
        }
    }

    @Test func markupInputMatchesGeneralPath() throws {
        let json = #"{"v": "bold & <i>text</i> here", "a": 12, "b": null, "c": "x"}"#
        let options = Options(autoescape: true)
        let fast = try render("{{ ('<b>' ~ v)|safe|truncate(12)|trim }}|{{ v|default('x', true)|trim }}", json, options: options)
        let general = try render("{{ ('<b>' ~ v)|safe|truncate(a)|trim(b) }}|{{ v|default(c, true)|trim(b) }}", json, options: options)
        #expect(fast == general)
        #expect(fast.hasPrefix("<b>bold"))
    }

    /// Literal arguments the filter rejects fail when rendered, located at the filter.
    @Test(arguments: [
        ("{{ v|truncate(2) }}", "expected length >= 3, got 2"),
        ("{{ v|truncate(5, leeway=-1) }}", "expected leeway >= 0, got -1"),
        ("{{ v|default(1, 2, 3) }}", "default() takes at most 2 arguments (3 given)"),
        ("{{ v|trim(chars=1, x=2) }}", "trim() got an unexpected keyword argument 'x'"),
        ("{{ v|truncate('x') }}", nil),
    ] as [(String, String?)])
    func badLiteralsFailAtRender(_ source: String, _ message: String?) throws {
        let env = makeEnvironment()
        let template = try env.template(source: "\n" + source, name: "main")
        #expect {
            try template.render(context(#"{"v": "some text"}"#))
        } throws: { error in
            guard let error = error as? TemplateError else { return false }
            return error.line == 2 && (message == nil || error.message == message)
        }
    }

    /// `"%.Nf"|format(v)` with a literal format prints what the same format
    /// through a variable prints, for every kind of value, errors included.
    @Test(arguments: ["%.2f", "%.0f", "%.9f", "%.2d", "%.2f%%", "%s"])
    func literalFixedPointFormatMatchesGeneralPath(_ format: String) throws {
        let values = [
            "1.005", "420.71", "-0.0", "-2.5", "0", "7", "-12", "true", "null", "\"x\"", "[1]", "1e300", "1e-320",
            "123456789012345678", "undefined",
        ]
        for value in values {
            let v = value == "undefined" ? "" : #""v": \#(value), "#
            let json = #"{\#(v)"f": "\#(format)"}"#
            let fast = Result { try render(#"{{ "\#(format)"|format(v) }}"#, json) }
            let general = Result { try render("{{ f|format(v) }}", json) }
            switch (fast, general) {
            case (.success(let a), .success(let b)):
                #expect(a == b, "v = \(value)")
            case (.failure(let a as TemplateError), .failure(let b as TemplateError)):
                // The literal is longer than `f` by this much, which moves the filter right.
                let shift = format.count + 2 - 1
                #expect(a.message == b.message && a.line == b.line && a.column == b.column + shift, "v = \(value)")
            default:
                Issue.record("v = \(value): \(fast) vs \(general)")
            }
        }
    }

    /// `{{ "%.2f"|format(v) }}` writes its digits straight into the output;
    /// printed through `~ ""` it takes the value path. Both must agree with
    /// autoescaping and with a `finalize`, which the direct path leaves to `emit`.
    @Test(arguments: ["1.005", "-2.5", "0", "7", "1e300", "\"x<y\"", "null", "true", "[1]"])
    func fixedPointOutputMatchesValuePath(_ value: String) throws {
        let json = #"{"v": \#(value)}"#
        for autoescape in [false, true] {
            for finalized in [false, true] {
                let env = makeEnvironment(options: Options(autoescape: autoescape))
                if finalized { env.finalize = { v in v.isNone ? .string("-") : v } }
                let direct = Result { try env.template(source: #"[{{ "%.2f"|format(v) }}]"#, name: "a").render(context(json)) }
                let viaValue = Result {
                    try env.template(source: #"[{{ ("%.2f"|format(v)) if true }}]"#, name: "b").render(context(json))
                }
                switch (direct, viaValue) {
                case (.success(let a), .success(let b)):
                    #expect(a == b, "v = \(value), autoescape \(autoescape), finalize \(finalized)")
                case (.failure(let a as TemplateError), .failure(let b as TemplateError)):
                    #expect(a.message == b.message, "v = \(value)")
                default:
                    Issue.record("v = \(value): \(direct) vs \(viaValue)")
                }
            }
        }
    }

    @Test func replacedFilterIsUsed() throws {
        let env = makeEnvironment()
        env.addFilter("default") { _, _, _ in .string("mine") }
        env.addFilter("truncate") { _, _, _ in .string("cut") }
        env.addFilter("trim") { _, _, _ in .string("trimmed") }
        env.addFilter("format") { _, _, _ in .string("formatted") }
        let out = try env.template(
            source: "{{ v|default('x', true) }} {{ v|truncate(5) }} {{ v|trim }} {{ v|d('y') }} {{ '%.2f'|format(1.5) }}",
            name: "main"
        ).render(context(#"{"v": "text"}"#))
        #expect(out == "mine cut trimmed text formatted")
    }
}
