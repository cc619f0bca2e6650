import Testing
@testable import TailorTemplate

@Suite struct ValueReprTests {
    @Test(arguments: [
        (1.0, "1.0"), (1e16, "1e+16"), (1e-5, "1e-05"), (0.1 + 0.2, "0.30000000000000004"),
        (123456789.123, "123456789.123"), (12345678901234567890.0, "1.2345678901234567e+19"),
        (1.5e300, "1.5e+300"), (-0.0, "-0.0"), (0.0001, "0.0001"), (1e15, "1000000000000000.0"),
    ])
    func floatRepr(value: Double, expected: String) {
        #expect(Value.pythonFloatRepr(value) == expected)
    }
}
