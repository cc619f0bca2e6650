import Testing

@testable import tailor

@Suite struct JSONLinesTests {
    /// Input text, then each non-blank line as (number, text).
    static let rows: [(String, [(Int, String)])] = [
        ("", []),
        ("\n", []),
        ("{}", [(1, "{}")]),
        ("{}\n", [(1, "{}")]),
        ("{}\n{\"a\":1}", [(1, "{}"), (2, "{\"a\":1}")]),
        ("{}\r\n{}\r\n", [(1, "{}"), (2, "{}")]),
        ("\r\n{}", [(2, "{}")]),
        ("\n\n{}\n\n", [(3, "{}")]),
        ("  \t\n{}\n \t \n", [(2, "{}")]),
        ("  {} \n", [(1, "  {} ")]),
        ("\r", []),
        (" \r\n\t{}", [(2, "\t{}")]),
        ("a\rb\n", [(1, "a\rb")]),
    ]

    @Test(arguments: rows.indices)
    func splitsLines(_ index: Int) {
        let (input, expected) = Self.rows[index]
        let bytes = Array(input.utf8)
        let lines = JSONLines.lines(of: bytes)
        #expect(lines.map(\.number) == expected.map(\.0))
        #expect(lines.map { String(decoding: bytes[$0.range], as: UTF8.self) } == expected.map(\.1))
    }
}
