import Testing

@testable import TailorTemplate

/// Macros, `caller` and call blocks; expectations are Jinja 3.1.6's output.
@Suite struct MacroTests {
    @Test(arguments: [
        ("{% macro greet(name, greeting='Hello') %}{{ greeting }}, {{ name }}!{% endmacro %}{{ greet('Ann') }} {{ greet('Bob', 'Hi') }} {{ greet(greeting='Yo', name='Cy') }}", "", "Hello, Ann! Hi, Bob! Yo, Cy!"),
        ("{% macro m(a, b) %}[{{ a }}|{{ b }}]{% endmacro %}{{ m(1) }}", "", "[1|]"),
        ("{% macro m(a, b=a * 2) %}{{ b }}{% endmacro %}{{ m(3) }} {{ m(3, 1) }}", "", "6 1"),
        ("{% macro m(a) %}{{ a }}{{ varargs }}{% endmacro %}{{ m(1, 2, 3) }} {{ m(1) }}", "", "1(2, 3) 1()"),
        ("{% macro m() %}{{ kwargs }}{% endmacro %}{{ m(x=1, y='a') }}", "", "{'x': 1, 'y': 'a'}"),
        ("{% macro m(a) %}{{ a }} {{ varargs }} {{ kwargs }}{% endmacro %}{{ m(1, 2, k=3) }}", "", "1 (2,) {'k': 3}"),
        ("{% macro box(cls='box') %}<div class=\"{{ cls }}\">{{ caller() }}</div>{% endmacro %}{% call box() %}inside {{ x }}{% endcall %}", #"{"x": 42}"#, "<div class=\"box\">inside 42</div>"),
        ("{% macro box(cls='box') %}<div class=\"{{ cls }}\">{{ caller() }}</div>{% endmacro %}{% call box('wide') %}in{% endcall %}", "", "<div class=\"wide\">in</div>"),
        ("{% macro each(items) %}{% for i in items %}{{ caller(i, loop.index) }}{% endfor %}{% endmacro %}{% call(item, n) each(['a', 'b']) %}{{ n }}={{ item }};{% endcall %}", "", "1=a;2=b;"),
        ("{% macro twice() %}{{ caller() }}{{ caller() }}{% endmacro %}{% for x in [1, 2] %}{% call twice() %}<{{ x }}>{% endcall %}{% endfor %}", "", "<1><1><2><2>"),
        ("{% macro m(a, b) %}{{ caller() }}{{ varargs }}{{ kwargs }}{% endmacro %}{{ m.name }} {{ m.arguments }} {{ m.caller }} {{ m.catch_varargs }} {{ m.catch_kwargs }}", "", "m ('a', 'b') True True True"),
        ("{% macro down(n) %}{{ n }}{% if n > 0 %},{{ down(n - 1) }}{% endif %}{% endmacro %}{{ down(3) }}", "", "3,2,1,0"),
        ("{% set g = 'G' %}{% macro m() %}{{ g }}{% endmacro %}{{ m() }}", "", "G"),
        ("{% macro m() %}{{ g }}{% endmacro %}{% set g = 'late' %}{{ m() }}", "", "late"),
        ("{% for x in [1, 2] %}{% macro m() %}{{ x }}{% endmacro %}{{ m() }}{% endfor %}", "", "12"),
        ("{% macro m() %}{% set inner = 1 %}{{ inner }}{% endmacro %}{{ m() }}[{{ inner }}]", "", "1[]"),
        ("{% macro outer() %}{% macro inner() %}i{% endmacro %}o{{ inner() }}{% endmacro %}{{ outer() }}", "", "oi"),
        ("{% macro m(x) %}{{ x }}{% endmacro %}{{ m(x='kw') }} {{ m(*['star']) }} {{ m(**{'x': 'dstar'}) }}", "", "kw star dstar"),
        ("{% macro m() -%}\n  body\n{%- endmacro %}[{{ m() }}]", "", "[body]"),
        ("{% macro m() %}x{% endmacro %}{% set r = m() %}{{ r ~ r }}", "", "xx"),
        ("{% macro label(text) %}<b>{{ text }}</b>{% endmacro %}{{ label(name) }}", #"{"name": "<Ann>"}"#, "<b><Ann></b>"),
        ("{% macro m() %}{{ caller is defined }}{% endmacro %}{{ m() }}", "", "False"),
        ("{% macro m() %}{{ caller() }}{% endmacro %}{% call m() %}{% call m() %}deep{% endcall %}{% endcall %}", "", "deep"),
    ])
    func macros(source: String, json: String, expected: String) throws {
        #expect(try render(source, json) == expected)
    }

    /// Macro output is markup: autoescaped once, inside the macro, never again.
    @Test(arguments: [
        ("{% macro label(text) %}<b>{{ text }}</b>{% endmacro %}{{ label(name) }}", #"{"name": "<Ann>"}"#, "<b>&lt;Ann&gt;</b>"),
        ("{% macro m() %}<i>{{ v }}</i>{% endmacro %}{{ m() }}{% set s = m() %}{{ s }}", #"{"v": "&"}"#, "<i>&amp;</i><i>&amp;</i>"),
        ("{% macro box() %}[{{ caller() }}]{% endmacro %}{% call box() %}<{{ v }}>{% endcall %}", #"{"v": "&"}"#, "[<&amp;>]"),
    ])
    func macrosUnderAutoescape(source: String, json: String, expected: String) throws {
        #expect(try render(source, json, options: Options(autoescape: true)) == expected)
    }

    @Test(arguments: [
        ("{% macro m(a) %}{{ a }}{% endmacro %}{{ m(1, 2) }}", "macro 'm' takes not more than 1 argument(s)"),
        ("{% macro m(a) %}{{ a }}{% endmacro %}{{ m(b=1) }}", "macro 'm' takes no keyword argument 'b'"),
    ])
    func badCallsAreTypeErrors(source: String, message: String) throws {
        let error = try #require(renderError(source))
        #expect(error.kind == .type)
        #expect(error.message == message)
        #expect(error.line == 1)
        #expect(error.column == 42)  // the call's opening parenthesis
    }
}
