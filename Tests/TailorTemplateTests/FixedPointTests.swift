import Testing

@testable import TailorTemplate

@Suite struct FixedPointTests {
    /// Value, precision, and what Python's `'%.Nf' % value` prints.
    static let rows: [(Double, Int, String)] = [
        (0, 2, "0.00"),
        (-0.0, 2, "-0.00"),
        (0, 0, "0"),
        (7, 0, "7"),
        (128.5, 2, "128.50"),
        (16.99, 2, "16.99"),
        (0.05, 2, "0.05"),
        (0.005, 2, "0.01"),
        (2.675, 2, "2.67"),
        (0.125, 2, "0.12"),
        (0.375, 2, "0.38"),
        (2.5, 0, "2"),
        (3.5, 0, "4"),
        (0.5, 0, "0"),
        (-0.001, 2, "-0.00"),
        (-1234.5678, 3, "-1234.568"),
        (1e-9, 9, "0.000000001"),
        (123456789.123456789, 9, "123456789.123456791"),
        (1e15, 2, "1000000000000000.00"),
        (1e20, 2, "100000000000000000000.00"),
        (18446744073709551615.0, 0, "18446744073709551616"),
    ]

    @Test(arguments: rows.indices)
    func formatsLikePython(_ index: Int) {
        let (value, precision, expected) = Self.rows[index]
        #expect(FixedPoint.format(value, precision: precision) == expected)
    }

    @Test(arguments: 0...9)
    func agreesWithPrintf(precision: Int) {
        let values: [Double] = [
            0, 1, -1, 0.1, 0.01, 9.995, 19.99, 420.71, 1.0 / 3, 2.0 / 3, 1e6 + 0.5, 99.995, 1e10, 123.456e7, 4.35,
        ]
        for value in values {
            #expect(FixedPoint.format(value, precision: precision) == CFormat.format("%.\(precision)f", value))
        }
    }

    @Test func outOfRangeFallsBack() {
        #expect(FixedPoint.format(.infinity, precision: 2) == nil)
        #expect(FixedPoint.format(.nan, precision: 2) == nil)
        #expect(FixedPoint.format(1, precision: 10) == nil)
        #expect(FixedPoint.format(1e300, precision: 2) == nil)
        #expect(FixedPoint.format(5e-324, precision: 2) == nil)
    }

    /// `round(x, n)` prints `%.{n}f` and reads it back, through FixedPoint when in range.
    @Test(arguments: 0...12)
    func roundAgreesWithPrintf(ndigits: Int) {
        let values: [Double] = [
            0, -0.0, 2.675, 0.125, -0.5, 1.005, 19.995, 420.71 * 10, 1.0 / 3, -2.0 / 3, 1e20, 1e300, 5e-324, 96.3375,
        ]
        for value in values {
            let expected = Double(CFormat.format("%.\(ndigits)f", value)) ?? value
            #expect(PyNumber.round(value, ndigits).bitPattern == expected.bitPattern, "round(\(value), \(ndigits))")
        }
    }
}
