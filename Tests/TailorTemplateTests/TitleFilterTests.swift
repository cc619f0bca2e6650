import Testing

@testable import TailorTemplate

@Suite struct TitleFilterTests {
    /// Input and what Jinja's `title` gives (words split at whitespace and `-({[<`).
    static let rows: [(String, String)] = [
        ("", ""),
        ("Anna", "Anna"),
        ("anna", "Anna"),
        ("ANNA", "Anna"),
        ("Mary-Jane", "Mary-Jane"),
        ("mary jane  o'neil", "Mary Jane  O'neil"),
        ("outdoor", "Outdoor"),
        ("Heritage Sand Sleeping Bag", "Heritage Sand Sleeping Bag"),
        ("heritage sand sleeping bag with a very long name", "Heritage Sand Sleeping Bag With A Very Long Name"),
        ("a1b c2D", "A1b C2d"),
        ("(x) [y] {z} <w>", "(X) [Y] {Z} <W>"),
        ("tab\tnew\nline", "Tab\tNew\nLine"),
        ("123", "123"),
        ("élan vital", "Élan Vital"),
        ("düsseldorf", "Düsseldorf"),
    ]

    @Test(arguments: rows.indices)
    func titleCases(_ index: Int) throws {
        let (input, expected) = Self.rows[index]
        let out = try StringFilters.title(.string(input), .empty, Runtime(environment: Environment()))
        #expect(out.isIdentical(to: .string(expected)))
    }

    @Test func markupInputGivesPlainString() throws {
        let out = try StringFilters.title(.markup("anna"), .empty, Runtime(environment: Environment()))
        #expect(out.isIdentical(to: .string("Anna")))
    }
}
