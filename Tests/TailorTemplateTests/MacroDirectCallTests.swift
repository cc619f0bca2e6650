import Testing

@testable import TailorTemplate

/// `{{ m(...) }}` binds its arguments by symbol straight off the locals
/// stack; the same call through `set` takes the general path with an
/// `Arguments` list. Both must print the same and fail the same.
@Suite struct MacroDirectCallTests {
    static let macros = """
        {% macro card(p, cta="Shop now", discount=0) %}[{{ p.name }}|{{ cta }}|{{ discount }}|{{ campaign }}]{% endmacro %}\
        {% macro bare(a, b) %}({{ a }},{{ b is defined }}){% endmacro %}\
        {% macro rest(a) %}<{{ a }}{{ varargs }}{{ kwargs }}>{% endmacro %}\
        {% macro none() %}-{% endmacro %}
        """

    static let calls = [
        "card(p)", "card(p, 'Buy')", "card(p, cta='Buy')", "card(p, discount=0.25)",
        "card(p, cta=('Add' if s == 'x' else 'Shop'), discount=(0.25 if s == 'y' else 0))",
        "card(p, discount=1, cta='Go')", "card(p=p)", "card(cta='a', p=p)", "card()", "card(u)", "card(p, 'a', 2)",
        "bare(1)", "bare(b=2, a=1)", "bare(1, 2)", "rest(1)", "rest(1, 2, 3)", "rest(1, x=2)", "none()",
        // Errors: the general path's messages.
        "card(p, 'a', 2, 3)", "card(p, p=p)", "card(p, cta=(1 // 0))", "card(p, discount=undefined_name.x)", "card(p, zz=1)", "card(p, cta='a', cta='b')", "none(1)", "bare(1, a=2)",
    ]

    static let json = #"{"p": {"name": "Tent & <Co>", "price": 12.5}, "s": "x"}"#

    @Test(arguments: calls)
    func directCallMatchesGeneralPath(_ call: String) throws {
        for autoescape in [false, true] {
            let options = Options(autoescape: autoescape)
            // Twice each: the second call of a pure macro comes from its memo.
            let direct = Result { try render(Self.macros + "{{ \(call) }}{{ \(call) }}", Self.json, options: options) }
            let general = Result {
                try render(Self.macros + "{% set x = \(call) %}{{ x }}{% set y = \(call) %}{{ y }}", Self.json, options: options)
            }
            switch (direct, general) {
            case (.success(let a), .success(let b)):
                #expect(a == b, "\(call), autoescape \(autoescape)")
            case (.failure(let a as TemplateError), .failure(let b as TemplateError)):
                #expect(a.message == b.message, "\(call)")
            default:
                Issue.record("\(call): \(direct) vs \(general)")
            }
        }
    }

    /// A call evaluated in a loop sees the loop's variables; the macro body
    /// never sees the caller's locals.
    @Test func argumentsAreEvaluatedInTheCallersScope() throws {
        let source = """
            {% macro show(x, y=none) %}{{ x }}/{{ y }}/{{ item is defined }}{% endmacro %}\
            {% for item in [1, 2] %}{{ show(item, y=loop.index * 10) }};{% endfor %}
            """
        #expect(try render(source) == "1/10/False;2/20/False;")
    }
}
