import Testing
@testable import TailorTemplate

/// Each row's expectation is what Jinja2 3.1.6 renders for `{{ v is name(*args) }}`.
@Suite struct TestTests {
    static let calls: [Call] = [
        Call("defined", .int(1), [], [], [], .output("True")),
        Call("defined", undefinedValue, [], [], [], .output("False")),
        Call("defined", undefinedValue, [], [], [.strict], .output("False")),
        Call("undefined", undefinedValue, [], [], [], .output("True")),
        Call("undefined", .none, [], [], [], .output("False")),
        Call("none", .none, [], [], [], .output("True")),
        Call("none", undefinedValue, [], [], [], .output("False")),
        Call("boolean", .bool(true), [], [], [], .output("True")),
        Call("boolean", .int(1), [], [], [], .output("False")),
        Call("boolean", .none, [], [], [], .output("False")),
        Call("false", .bool(false), [], [], [], .output("True")),
        Call("false", .int(0), [], [], [], .output("False")),
        Call("true", .bool(true), [], [], [], .output("True")),
        Call("true", .int(1), [], [], [], .output("False")),
        Call("number", .int(1), [], [], [], .output("True")),
        Call("number", .float(1.5), [], [], [], .output("True")),
        Call("number", .string("1"), [], [], [], .output("False")),
        Call("number", .bool(true), [], [], [], .output("True")),
        Call("integer", .int(1), [], [], [], .output("True")),
        Call("integer", .bool(true), [], [], [], .output("False")),
        Call("integer", .float(1.0), [], [], [], .output("False")),
        Call("float", .float(1.0), [], [], [], .output("True")),
        Call("float", .int(1), [], [], [], .output("False")),
        Call("sequence", .list([.int(1)]), [], [], [], .output("True")),
        Call("sequence", .string("ab"), [], [], [], .output("True")),
        Call("sequence", .dict(Dict()), [], [], [], .output("True")),
        Call("sequence", .int(5), [], [], [], .output("False")),
        Call("sequence", undefinedValue, [], [], [], .output("True")),
        Call("sequence", undefinedValue, [], [], [.strict], .output("False")),
        Call("iterable", .list([]), [], [], [], .output("True")),
        Call("iterable", .string("x"), [], [], [], .output("True")),
        Call("iterable", .int(3), [], [], [], .output("False")),
        Call("iterable", .dict(Dict()), [], [], [], .output("True")),
        Call("iterable", undefinedValue, [], [], [], .output("True")),
        Call("iterable", .none, [], [], [], .output("False")),
        Call("string", .string("a"), [], [], [], .output("True")),
        Call("string", .markup("a"), [], [], [], .output("True")),
        Call("string", undefinedValue, [], [], [], .output("False")),
        Call("string", .int(1), [], [], [], .output("False")),
        Call("mapping", .dict(Dict()), [], [], [], .output("True")),
        Call("mapping", .list([]), [], [], [], .output("False")),
        Call("odd", .int(3), [], [], [], .output("True")),
        Call("odd", .int(4), [], [], [], .output("False")),
        Call("even", .int(0), [], [], [], .output("True")),
        Call("odd", .int(-1), [], [], [], .output("True")),
        Call("odd", .float(3.0), [], [], [], .output("True")),
        Call("even", .string("x"), [], [], [], .error(.type)),
        Call("odd", undefinedValue, [], [], [], .error(.undefined)),
        Call("divisibleby", .int(15), [.int(3)], [], [], .output("True")),
        Call("divisibleby", .int(7), [.int(3)], [], [], .output("False")),
        Call("divisibleby", .int(7), [.int(0)], [], [], .error(.zeroDivision)),
        Call("divisibleby", .float(9.0), [.int(3)], [], [], .output("True")),
        Call("ge", .int(1250), [.int(1000)], [], [], .output("True")),
        Call("lt", .int(1250), [.int(500)], [], [], .output("False")),
        Call("eq", .int(5), [.int(5)], [], [], .output("True")),
        Call("equalto", .int(5), [.int(5)], [], [], .output("True")),
        Call("ne", .int(5), [.int(5)], [], [], .output("False")),
        Call("==", .string("a"), [.string("a")], [], [], .output("True")),
        Call("!=", .int(1), [.float(1.0)], [], [], .output("False")),
        Call("le", .int(3), [.int(3)], [], [], .output("True")),
        Call("ge", .int(3), [.int(4)], [], [], .output("False")),
        Call("lessthan", .int(3), [.int(4)], [], [], .output("True")),
        Call("greaterthan", .int(3), [.int(1)], [], [], .output("True")),
        Call("gt", .string("b"), [.string("a")], [], [], .output("True")),
        Call("<", .int(1), [.string("a")], [], [], .error(.type)),
        Call(">=", .int(2), [.float(2.0)], [], [], .output("True")),
        Call("<=", .list([.int(1), .int(2)]), [.list([.int(1), .int(3)])], [], [], .output("True")),
        Call("eq", undefinedValue, [.int(1)], [], [], .output("False")),
        Call("eq", undefinedValue, [.int(1)], [], [.strict], .error(.undefined)),
        Call("eq", .int(5), [], [], [], .error(.type)),
        Call("sameas", .int(5), [.float(5.0)], [], [], .output("False")),
        Call("sameas", .none, [.none], [], [], .output("True")),
        Call("sameas", .bool(true), [.bool(true)], [], [], .output("True")),
        Call("sameas", .bool(false), [.int(0)], [], [], .output("False")),
        Call("sameas", .int(5), [.int(5)], [], [], .output("True")),
        Call("lower", .string("abc"), [], [], [], .output("True")),
        Call("lower", .string("aBc"), [], [], [], .output("False")),
        Call("upper", .string("ABC"), [], [], [], .output("True")),
        Call("upper", .string("AB1"), [], [], [], .output("True")),
        Call("lower", .string("123"), [], [], [], .output("False")),
        Call("upper", undefinedValue, [], [], [], .output("False")),
        Call("lower", .int(5), [], [], [], .output("False")),
        Call("in", .string("a"), [.string("cat")], [], [], .output("True")),
        Call("in", .string("vip"), [.list([.string("new"), .string("vip")])], [], [], .output("True")),
        Call("in", .int(3), [.list([.int(1), .int(2)])], [], [], .output("False")),
        Call("in", .string("k"), [.dict(Dict([(.string("k"), .int(1))]))], [], [], .output("True")),
        Call("in", .int(1), [.string("abc")], [], [], .error(.type)),
        Call("in", .string("x"), [undefinedValue], [], [], .output("False")),
        Call("escaped", .string("<"), [], [], [], .output("False")),
        Call("escaped", .markup("<"), [], [], [], .output("True")),
        Call("filter", .string("upper"), [], [], [], .output("True")),
        Call("filter", .string("nonexistent"), [], [], [], .output("False")),
        Call("test", .string("odd"), [], [], [], .output("True")),
        Call("test", .string("upper"), [], [], [], .output("True")),
        Call("filter", .int(5), [], [], [], .output("False")),
        Call("filter", .list([.int(1)]), [], [], [], .error(.type)),
        Call("callable", .int(1), [], [], [], .output("False")),
        Call("callable", undefinedValue, [], [], [], .output("True")),
        Call("odd", .int(3), [.int(1)], [], [], .error(.type)),
        Call("nosuchtest", .int(1), [], [], [], .error(.unknownTest)),

    ]

    @Test(arguments: calls)
    func test(_ call: Call) {
        let result = Harness.run(call.modes) { runtime in
            let args = Arguments(call.args.map { Harness.resolve($0, runtime) })
            return .bool(try runtime.test(call.name, Harness.resolve(call.value, runtime), args))
        }
        #expect(result == call.expected)
    }

    @Test func everyJinjaTestIsRegistered() {
        let jinja = """
            odd even divisibleby defined undefined filter test none boolean false true integer float lower upper \
            string mapping number sequence iterable callable sameas escaped in == eq equalto != ne > gt \
            greaterthan ge >= < lt lessthan <= le
            """.split(separator: " ").map(String.init)
        #expect(Set(jinja) == Set(BuiltinTests.table.keys))
    }

    @Test func objectsAreCallableAndSequences() throws {
        let runtime = Harness.runtime([])
        let range = try runtime.call(BuiltinFunctions.globals["range"]!, Arguments([3]))
        #expect(try runtime.test("sequence", range))
        #expect(try runtime.test("iterable", range))
        #expect(try !runtime.test("callable", range))
        #expect(try runtime.test("callable", BuiltinFunctions.globals["joiner"]!))
        #expect(try runtime.test("sameas", range, Arguments([range])))
    }
}
