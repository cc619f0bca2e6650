import TailorData
import TailorTemplate
import Testing

@Suite struct CellTypingTests {
    @Test(arguments: [
        ("42", "int 42"), ("-7", "int -7"), ("0", "int 0"), ("19.99", "float 19.99"), ("-0.5", "float -0.5"),
        ("1.5e3", "float 1500.0"), ("true", "bool True"), ("FALSE", "bool False"), ("True", "bool True"),
        ("2026-01-15", "date 2026-01-15"), ("2026-01-15T09:00:00Z", "datetime 2026-01-15T09:00:00Z"),
        ("2026-01-15 10:30:00+01:00", "datetime 2026-01-15T09:30:00Z"), ("2026-01-15T09:00:00.250Z", "datetime 2026-01-15T09:00:00Z"),
        ("007", "str 007"), ("+33 1 23 45", "str +33 1 23 45"), ("1.", "str 1."), ("1e", "str 1e"), (".5", "str .5"),
        ("N/A", "str N/A"), ("yes", "str yes"), ("Zoë", "str Zoë"), ("2025-02-30", "str 2025-02-30"),
        ("99999999999999999999", "str 99999999999999999999"), ("12abc", "str 12abc"), ("-", "str -"),
    ])
    func autoColumns(cell: String, expected: String) throws {
        let value = try #require(try CellTyping.value(of: cell, column: "c", type: .auto))
        #expect("\(value.typeName) \(value.displayString)" == expected)
    }

    @Test func emptyCellIsMissing() throws {
        for type in ColumnType.allCases { #expect(try CellTyping.value(of: "", column: "c", type: type) == nil) }
    }

    @Test(arguments: [
        ("signup_date", ColumnType.date, "2025-02-30", "column 'signup_date': '2025-02-30' is not a date (write YYYY-MM-DD)"),
        ("signup_date", .date, "15/01/2026", "column 'signup_date': '15/01/2026' is not a date (write YYYY-MM-DD)"),
        ("seen_at", .timestamp, "yesterday", "column 'seen_at': 'yesterday' is not a timestamp (write YYYY-MM-DDTHH:MM:SSZ)"),
        ("seen_at", .timestamp, "2026-01-15T25:00:00Z", "column 'seen_at': '2026-01-15T25:00:00Z' is not a timestamp (write YYYY-MM-DDTHH:MM:SSZ)"),
    ])
    func typedColumnsReject(column: String, type: ColumnType, cell: String, message: String) {
        #expect(throws: CellTyping.Failure(message: message)) {
            _ = try CellTyping.value(of: cell, column: column, type: type)
        }
    }

    @Test(arguments: [
        ("signup_date", ColumnType.date), ("date", .date), ("joined_on", .date), ("created_at", .timestamp),
        ("event_ts", .timestamp), ("timestamp", .timestamp), ("login_time", .timestamp), ("update", .auto), ("name", .auto),
        ("segment", .string), ("segments", .string), ("segment_score", .auto),
    ])
    func typesFromNames(name: String, type: ColumnType) {
        #expect(ColumnType.implied(byName: name) == type)
    }

    @Test func stringColumnsKeepEverything() throws {
        #expect(try CellTyping.value(of: "007", column: "zip", type: .string)?.displayString == "007")
    }
}

@Suite struct EmailAddressTests {
    @Test(arguments: [
        ("ann@example.com", true), ("ann.lee+news@mail.example.co.uk", true), ("zoë@exämple.de", true),
        ("", false), ("ann", false), ("ann@", false), ("@example.com", false), ("ann@example", false),
        ("ann@@example.com", false), ("a@b@example.com", false), ("ann.@example.com", false), (".ann@example.com", false),
        ("an..n@example.com", false), ("ann@example..com", false), ("ann@.example.com", false), ("ann@example.com.", false),
        ("ann lee@example.com", false), ("ann@example.com\r\nBcc: x@y.z", false), ("<ann@example.com>", false),
        ("ann,bob@example.com", false), ("\"ann\"@example.com", false),
        (String(repeating: "a", count: 65) + "@example.com", false),
    ])
    func validity(address: String, valid: Bool) {
        #expect(EmailAddress.isValid(address) == valid)
    }
}
