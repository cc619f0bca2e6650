import Testing

@testable import TailorTemplate

@Suite struct ParserTests {
    // MARK: Precedence and shape

    /// Expressions and their trees; rendered results are checked against Jinja below.
    @Test(arguments: [
        ("1 + 2 * 3", "(+ 1 (* 2 3))"),
        ("(1 + 2) * 3", "(* (+ 1 2) 3)"),
        ("10 - 2 - 3", "(- (- 10 2) 3)"),
        ("-2**2", "(** (neg 2) 2)"),
        ("2**3**2", "(** (** 2 3) 2)"),
        ("-5|abs", "(|abs (neg 5))"),
        ("-x.y", "(neg (. x y))"),
        ("- -x", "(neg (neg x))"),
        ("+x", "(pos x)"),
        ("2 * 3|abs", "(* 2 (|abs 3))"),
        ("1 + 2|abs", "(+ 1 (|abs 2))"),
        ("a // b % c", "(% (// a b) c)"),
        ("a - -b", "(- a (neg b))"),
        ("a ~ b + c", "(+ (~ a b) c)"),
        ("a + b ~ c", "(+ a (~ b c))"),
        ("a * b ~ c", "(~ (* a b) c)"),
        ("not a or b", "(or (not a) b)"),
        ("not a == b", "(not (cmp a == b))"),
        ("not not a", "(not (not a))"),
        ("a and b or c and d", "(or (and a b) (and c d))"),
        ("a or b or c", "(or (or a b) c)"),
        ("a and not b", "(and a (not b))"),
        ("1 < 2 <= 3", "(cmp 1 < 2 <= 3)"),
        ("a == b != c", "(cmp a == b != c)"),
        ("a in b", "(cmp a in b)"),
        ("a not in b", "(cmp a notin b)"),
        ("a + 1 > b * 2", "(cmp (+ a 1) > (* b 2))"),
        ("a if b else c", "(if b a c)"),
        ("a if b", "(if b a _)"),
        ("a if b else c if d else e", "(if b a (if d c e))"),
        ("a or b if c and d else e", "(if (and c d) (or a b) e)"),
        ("x|f(1, k=2)|g", "(|g (|f x 1 k=2))"),
        ("x|ns.f", "(|ns.f x)"),
        ("x is defined", "(is defined x)"),
        ("x is not defined", "(is-not defined x)"),
        ("x is divisibleby 3", "(is divisibleby x 3)"),
        ("x is divisibleby(3)", "(is divisibleby x 3)"),
        ("x is sameas none", "(is sameas x None)"),
        ("x is eq 'a' ~ 'b'", "(~ (is eq x 'a') 'b')"),
        ("x is defined and y", "(and (is defined x) y)"),
        ("x is defined or y is number", "(or (is defined x) (is number y))"),
        ("x|f is defined", "(is defined (|f x))"),
        ("a.b[c].d(1)", "(call (. ([] (. a b) c) d) 1)"),
        ("a.0", "([] a 0)"),
        ("a[1, 2]", "([] a (tuple 1 2))"),
        ("f()", "(call f)"),
        ("f(1, *a, k=2, **kw)", "(call f 1 k=2 *a **kw)"),
        ("f(x)(y)", "(call (call f x) y)"),
        ("x[1:2]", "(slice x 1 2 _)"),
        ("x[:2]", "(slice x _ 2 _)"),
        ("x[1:]", "(slice x 1 _ _)"),
        ("x[::-1]", "(slice x _ _ (neg 1))"),
        ("x[:]", "(slice x _ _ _)"),
        ("[1, 'a', [2]]", "(list 1 'a' (list 2))"),
        ("[1, 2,]", "(list 1 2)"),
        ("[]", "(list)"),
        ("(1,)", "(tuple 1)"),
        ("()", "(tuple)"),
        ("1, 2", "(tuple 1 2)"),
        ("(1)", "1"),
        ("{'a': 1, 'b': x}", "(dict 'a':1 'b':x)"),
        ("{}", "(dict)"),
        ("'a' \"b\" 'c'", "'abc'"),
        ("true, True, false, none, None", "(tuple True True False None None)"),
        ("1.5", "1.5"),
    ])
    func expressionTree(source: String, expected: String) throws {
        #expect(try parseExpression(source) == expected)
    }

    // MARK: Assignment targets

    @Test(arguments: [
        ("{% for a in x %}{% endfor %}", "a"),
        ("{% for a, b in x %}{% endfor %}", "(tuple a b)"),
        ("{% for (a, b) in x %}{% endfor %}", "(tuple a b)"),
        ("{% for a, (b, c) in x %}{% endfor %}", "(tuple a (tuple b c))"),
        ("{% for a, in x %}{% endfor %}", "(tuple a)"),
    ])
    func forTargets(source: String, expected: String) throws {
        let body = try Parser.parse(SourceFile(name: "t", text: source), options: Options())
        guard case .for(let loop) = body.first else {
            Issue.record("not a for loop")
            return
        }
        #expect(sexpr(loop.target) == expected)
    }

    @Test(arguments: [
        ("{% set a = 1 %}", "a", "1"),
        ("{% set a, b = 1, 2 %}", "(tuple a b)", "(tuple 1 2)"),
        ("{% set (a, b) = x %}", "(tuple a b)", "x"),
        ("{% set ns.count = ns.count + 1 %}", "(. ns count)", "(+ (. ns count) 1)"),
        ("{% set x = y|f %}", "x", "(|f y)"),
    ])
    func setTargets(source: String, target: String, value: String) throws {
        let body = try Parser.parse(SourceFile(name: "t", text: source), options: Options())
        guard case .set(let t, let v, _) = body.first else {
            Issue.record("not a set")
            return
        }
        #expect(sexpr(t) == target)
        #expect(sexpr(v) == value)
    }

    @Test func forLoopWithFilterAndRecursive() throws {
        let body = try Parser.parse(
            SourceFile(name: "t", text: "{% for x in items if x > 1 recursive %}{% else %}none{% endfor %}"),
            options: Options())
        guard case .for(let loop) = body.first else {
            Issue.record("not a for loop")
            return
        }
        #expect(sexpr(loop.iterable) == "items")
        #expect(loop.condition.map(sexpr) == "(cmp x > 1)")
        #expect(loop.recursive)
        #expect(loop.otherwise?.count == 1)
    }

    @Test func macroSignature() throws {
        let body = try Parser.parse(
            SourceFile(name: "t", text: "{% macro m(a, b=1, c='x') %}{% endmacro %}"), options: Options())
        guard case .macro(let m) = body.first else {
            Issue.record("not a macro")
            return
        }
        #expect(m.name == "m")
        #expect(m.parameters.map(\.name) == ["a", "b", "c"])
        #expect(m.parameters.map { $0.defaultValue.map(sexpr) ?? "_" } == ["_", "1", "'x'"])
    }

    @Test func expressionSpans() throws {
        let body = try Parser.parse(SourceFile(name: "t", text: "ab\n  {{ x + y|f }}"), options: Options())
        guard body.count == 2, case .output(let expr, let span) = body[1] else {
            Issue.record("unexpected body")
            return
        }
        #expect(span.description == "2:3")
        guard case .binary(_, let lhs, let rhs, let plusSpan) = expr else {
            Issue.record("not a binary expression")
            return
        }
        #expect(lhs.span.description == "2:6")
        #expect(plusSpan.description == "2:8")
        #expect(rhs.span.description == "2:11")
    }

    // MARK: Evaluation, as Jinja 3.1.6 renders it

    @Test(arguments: [
        ("{{ 1 + 2 * 3 }}", "7"),
        ("{{ (1 + 2) * 3 }}", "9"),
        ("{{ -2**2 }}", "4"),
        ("{{ 2**3**2 }}", "64"),
        ("{{ -5|abs }}", "5"),
        ("{{ -(5|abs) }}", "-5"),
        ("{{ 2 * 3|abs }}", "6"),
        ("{{ not 0 or 0 }}", "True"),
        ("{{ not (0 or 1) }}", "False"),
        ("{{ 1 and 0 or 3 }}", "3"),
        ("{{ 0 or '' }}|", "|"),
        ("{{ 1 < 2 < 3 }}", "True"),
        ("{{ 1 < 3 < 2 }}", "False"),
        ("{{ 1 == 1.0 }}", "True"),
        ("{{ 2 in [1, 2] }}", "True"),
        ("{{ 'b' not in 'abc' }}", "False"),
        ("{{ 'yes' if 1 else 'no' }}", "yes"),
        ("{{ 'yes' if 0 else 'no' if 0 else 'neither' }}", "neither"),
        ("[{{ 'x' if false }}]", "[]"),
        ("{{ 7 // 2 }} {{ -7 // 2 }} {{ 7 % 3 }} {{ -7 % 3 }} {{ 7 / 2 }} {{ 4 / 2 }}", "3 -4 1 2 3.5 2.0"),
        ("{{ 2 ** -1 }}", "0.5"),
        ("{{ 1.5 + 1 }}", "2.5"),
        ("{{ 'ab' * 3 }}", "ababab"),
        ("{{ [1] + [2] }}", "[1, 2]"),
        ("{{ (1,) + (2,) }}", "(1, 2)"),
        ("{{ 'a' + 'b' }}", "ab"),
        ("{{ 10 - 2 - 3 }}", "5"),
        ("{{ 2 ** 10 // 3 }}", "341"),
        ("{{ [1, 2, 3][1] }} {{ [1, 2, 3][-1] }} {{ 'abc'[0] }}", "2 3 a"),
        ("{{ [1, 2, 3, 4][1:3] }} {{ [1, 2, 3, 4][::2] }} {{ 'hello'[::-1] }} {{ 'hello'[-3:] }}", "[2, 3] [1, 3] olleh llo"),
        ("{{ {'a': 1}['a'] }} {{ {'a': 1}.a }}", "1 1"),
        ("{{ (1, 2)[0] }}", "1"),
        ("{{ () }} {{ (1,) }} {{ [] }} {{ {} }}", "() (1,) [] {}"),
        ("{{ none }} {{ None }} {{ true }} {{ True }} {{ false }}", "None None True True False"),
        ("{{ 'x' \"y\" 'z' }}", "xyz"),
        ("{{ 1 != 2 }} {{ 2 >= 2 }} {{ 'a' < 'b' }}", "True True True"),
        ("{{ 10 is divisibleby 5 }} {{ 10 is divisibleby(3) }} {{ 10 is not divisibleby 3 }}", "True False True"),
        ("{{ x is defined }} {{ x is not defined }}", "False True"),
        ("{{ 3|wrap }} {{ 3|wrap('<', '>') }} {{ 3|wrap(r='}')|wrap('(') }}", "[3] <3> ([3}]"),
        ("{{ 0.1 + 0.2 }}", "0.30000000000000004"),
        ("{{ 1e300 * 1e10 }}", "inf"),
        ("{{ 1_000 + 0x10 }}", "1016"),
        ("{{ 'a' ~ none ~ true }}", "aNoneTrue"),
        ("{{ [1, 'a', none, 1.5] }}", "[1, 'a', None, 1.5]"),
        ("{{ {'k': [1, (2, 3)]} }}", "{'k': [1, (2, 3)]}"),
        ("{{ +3 }} {{ - -3 }}", "3 3"),
        ("{{ 1, 2 }}", "(1, 2)"),
    ])
    func evaluates(source: String, expected: String) throws {
        #expect(try render(source) == expected)
    }
}
