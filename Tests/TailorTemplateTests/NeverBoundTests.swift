import Testing

@testable import TailorTemplate

/// Names no compiled template binds skip the locals and template variables;
/// a template compiled later that binds one must be seen at once, also by
/// runtimes (pooled or mid-render) that took the flags before it.
@Suite struct NeverBoundTests {
    @Test func templateCompiledLaterBindsAName() throws {
        let env = makeEnvironment([
            "a": "{{ x }}",
            "b": "{% for x in [5, 6] %}{% include 'a' %}{% endfor %}",
            "c": "{% macro m(x) %}{{ x }}{% endmacro %}{{ m(7) }}{{ x }}",
        ])
        let values = context(#"{"x": 1}"#)
        #expect(try env.template(named: "a").render(values) == "1")
        #expect(try env.template(named: "b").render(values) == "56")
        #expect(try env.template(named: "c").render(values) == "71")
        #expect(try env.template(named: "a").render(values) == "1")
    }

    @Test func includeLoadedMidRenderBindsAName() throws {
        let env = makeEnvironment([
            "main": "{{ y }}|{% include 'inc' %}|{{ y }}|{% for i in [1] %}{% set y = 4 %}{{ y }}{% endfor %}|{{ y }}",
            "inc": "{% set y = 3 %}{{ y }}",
        ])
        #expect(try env.template(named: "main").render(context(#"{"y": 2}"#)) == "2|3|2|4|2")
    }

    @Test func shadowedGlobalIsSeen() throws {
        let env = makeEnvironment(["t": "{{ g }}{% for g in ['L'] %}{{ g }}{% endfor %}{{ g }}"])
        env.addGlobal("g", .string("G"))
        #expect(try env.template(named: "t").render([:]) == "GLG")
        #expect(try env.template(source: "{% set g = 'S' %}{{ g }}", name: "u").render([:]) == "S")
        #expect(try env.template(named: "t").render([:]) == "GLG")
    }
}
