import Testing

@testable import TailorTemplate

/// Expressions that would build a value past the limits fail at once with a
/// `.limit` error; the same operations at everyday sizes still work.
@Suite struct ValueLimitsTests {
    @Test(arguments: [
        #"{{ "x" * 10000000000 }}"#, #"{{ 10000000000 * "x" }}"#, #"{{ ("ab"|safe) * 40000000 }}"#,
        #"{{ [1] * 10000000000 }}"#, #"{{ [1, 2] * 9223372036854775807 }}"#, "{{ range(10000000000)|length }}",
        "{{ range(0, 10**12, 2) }}", "{% for i in range(10**11) %}{% endfor %}", #"{{ "%0999999999d"|format(1) }}"#,
        #"{{ "%.999999999f"|format(1) }}"#, #"{{ "%*d"|format(10**10, 1) }}"#, #"{{ "%099999999999999999999999d"|format(1) }}"#,
        #"{{ "{:>9999999999}".format(1) }}"#, #"{{ "{:.99999999999999999999999f}".format(1) }}"#,
        #"{{ "abc"|center(10000000000) }}"#, #"{{ "a".ljust(10**12) }}"#, #"{{ "a".rjust(10**12, "*") }}"#,
        #"{{ "a".center(10**12) }}"#, #"{{ "7".zfill(10**12) }}"#, #"{{ "x"|indent(10**12) }}"#,
        #"{{ {"a": 1}|tojson(indent=10**12) }}"#, "{{ [1, 2, 3]|batch(10**12, 0)|list }}", "{{ lipsum(10**9) }}",
    ])
    func refused(_ source: String) throws {
        let template = try Environment().template(source: source, name: "t")
        #expect {
            try template.render([:])
        } throws: { error in
            (error as? TemplateError)?.kind == .limit && (error as? TemplateError)?.line == 1
        }
    }

    @Test(arguments: [
        (#"{{ "-" * 5 }}|{{ 2 * "ab" }}|{{ [0] * 3 }}|{{ "x" * -1 }}"#, "-----|abab|[0, 0, 0]|"),
        ("{{ range(3)|list }}|{{ range(10, 0, -4)|list }}|{{ range(5)|length }}", "[0, 1, 2]|[10, 6, 2]|5"),
        ("{{ range(-9223372036854775807, 9223372036854775807, 4611686018427387904)|list }}",
         "[-9223372036854775807, -4611686018427387903, 1, 4611686018427387905]"),
        (#"{{ "%05.1f"|format(3.14159) }}|{{ "%-4s|"|format("a") }}|{{ "{:>4}".format(7) }}|{{ "ab"|center(6) }}"#,
         "003.1|a   ||   7|  ab  "),
        (#"{{ "7".zfill(3) }}|{{ [1, 2, 3]|batch(2, 0)|list }}|{{ "a\nb"|indent(2) }}"#, "007|[[1, 2], [3, 0]]|a\n  b"),
    ])
    func everydaySizesWork(_ source: String, _ expected: String) throws {
        #expect(try Environment().template(source: source, name: "t").render([:]) == expected)
    }
}

/// Integer arithmetic at the edges of `Int` never traps: a result past it
/// becomes a float, as every overflow does, and powers are computed by squaring.
@Suite struct IntegerEdgeTests {
    @Test(arguments: [
        ("{{ (-9223372036854775807 - 1) // -1 }}", "9.223372036854776e+18"),
        ("{{ (-9223372036854775807 - 1) % -1 }}", "0"),
        ("{{ 7 % -1 }}|{{ -7 % 3 }}|{{ 7 // -2 }}", "0|2|-4"),
        ("{{ (-9223372036854775807 - 1)|abs }}", "9.223372036854776e+18"),
        ("{{ -(-9223372036854775807 - 1) }}", "9.223372036854776e+18"),
        ("{{ (-2) ** 63 }}|{{ 2 ** 62 }}|{{ 3 ** 0 }}|{{ 0 ** 0 }}", "-9223372036854775808|4611686018427387904|1|1"),
        ("{{ 1 ** 1000000000000000000 }}|{{ (-1) ** 1000000000000000001 }}|{{ 0 ** 1000000000000000000 }}", "1|-1|0"),
        ("{{ 2 ** 64 }}|{{ 10 ** 400 }}", "1.8446744073709552e+19|inf"),
    ])
    func edges(_ source: String, _ expected: String) throws {
        #expect(try Environment().template(source: source, name: "t").render([:]) == expected)
    }
}
