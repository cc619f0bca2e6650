import TailorData
import TailorTemplate
import Testing

@Suite struct ProfileReaderTests {
    static let header = "recipient_id,email,first_name,signup_date,orders\n"

    /// Reads `body` under the standard header; bad rows as "line: reason", profiles as their ids.
    func read(_ body: String, name: String = "p.csv") throws -> (ids: [String], bad: [String]) {
        let reader = try ProfileReader(path: try temporaryFile(name, Self.header + body))
        var ids: [String] = []
        var bad: [String] = []
        for item in reader {
            switch item {
            case .profile(let p): ids.append(p.id)
            case .bad(let row): bad.append("\(row.line): \(row.reason)")
            }
        }
        return (ids, bad)
    }

    @Test(arguments: [
        ("R1,a@x.io,Ann,2024-01-02\n", "2: expected 5 fields as in the header, found 4"),
        ("R1,a@x.io,Ann,2024-01-02,3,extra\n", "2: expected 5 fields as in the header, found 6"),
        ("R1,a@x.io,Ann,2024-02-30,3\n", "2: column 'signup_date': '2024-02-30' is not a date (write YYYY-MM-DD)"),
        ("R1,a@x.io,Ann,last week,3\n", "2: column 'signup_date': 'last week' is not a date (write YYYY-MM-DD)"),
        ("R1,,Ann,2024-01-02,3\n", "2: missing email (column 'email' is empty)"),
        ("R1,ann,Ann,2024-01-02,3\n", "2: invalid email 'ann'"),
        ("R1,ann@,Ann,2024-01-02,3\n", "2: invalid email 'ann@'"),
        ("R1,ann@x,Ann,2024-01-02,3\n", "2: invalid email 'ann@x'"),
        ("R1,a b@x.io,Ann,2024-01-02,3\n", "2: invalid email 'a b@x.io'"),
        ("R1,\"a@x.io\r\nBcc: e@vil.io\",Ann,2024-01-02,3\n", "2: invalid email 'a@x.io\\r\\nBcc: e@vil.io'"),
        ("R1,<a@x.io>,Ann,2024-01-02,3\n", "2: invalid email '<a@x.io>'"),
        (",a@x.io,Ann,2024-01-02,3\n", "2: missing recipient id (column 'recipient_id' is empty)"),
        ("R1,a@x.io,\"Ann,2024-01-02,3\n", "2: unterminated quoted field (the quote opens on line 2)"),
        ("R1,a@x.io,\"Ann\"x,2024-01-02,3\n", "2: unexpected text after the closing quote of field 3"),
    ])
    func badRows(body: String, expected: String) throws {
        let result = try read(body)
        #expect(result.bad == [expected])
        #expect(result.ids.isEmpty)
    }

    @Test func badRowsDoNotStopTheOthers() throws {
        let result = try read("""
            R1,a@x.io,Ann,2024-01-02,3
            R2,nope,Bob,2024-01-02,3
            R3,c@x.io,Cy,2024-13-01,3
            R4,d@x.io,Di,,

            """)
        #expect(result.ids == ["R1", "R4"])
        #expect(result.bad == [
            "3: invalid email 'nope'", "4: column 'signup_date': '2024-13-01' is not a date (write YYYY-MM-DD)",
        ])
    }

    @Test(arguments: [
        // Ascending ids: the duplicate is the previous row.
        ("R1,a@x.io,A,,\nR2,b@x.io,B,,\nR2,c@x.io,C,,\nR3,d@x.io,D,,\n", ["R1", "R2", "R3"],
         ["4: duplicate recipient id 'R2' (first on line 3)"]),
        // Out of order: the reader re-reads what came before and goes on with a set.
        ("R5,a@x.io,A,,\nR7,b@x.io,B,,\nR3,c@x.io,C,,\nR5,d@x.io,D,,\nR3,e@x.io,E,,\n", ["R5", "R7", "R3"],
         ["5: duplicate recipient id 'R5' (first on line 2)", "6: duplicate recipient id 'R3' (first on line 4)"]),
        // A bad row does not claim its id: the next row with it is the first.
        ("R1,bad,A,,\nR1,a@x.io,A,,\n", ["R1"], ["2: invalid email 'bad'"]),
        ("R2,a@x.io,A,,\nR1,bad,B,,\nR1,b@x.io,B,,\nR1,c@x.io,C,,\n", ["R2", "R1"],
         ["3: invalid email 'bad'", "5: duplicate recipient id 'R1' (first on line 4)"]),
    ])
    func duplicates(body: String, ids: [String], bad: [String]) throws {
        let result = try read(body)
        #expect(result.ids == ids)
        #expect(result.bad == bad)
    }

    @Test func typesTheCells() throws {
        let reader = try ProfileReader(path: try temporaryFile("p.csv", Self.header + " R1 , a@x.io ,Zoë,2024-01-02,3\n"))
        guard case .profile(let p)? = reader.next() else { Issue.record("no profile"); return }
        #expect(p.id == "R1")
        #expect(p.email == "a@x.io")
        #expect(p.attributes["orders"]?.intValue == 3)
        #expect(p.attributes["signup_date"]?.typeName == "date")
        #expect(p.attributes["first_name"]?.stringValue == "Zoë")
        #expect(p.line == 2)
    }

    @Test func emptyCellsAreLeftOut() throws {
        let reader = try ProfileReader(path: try temporaryFile("p.csv", Self.header + "R1,a@x.io,,,\n"))
        guard case .profile(let p)? = reader.next() else { Issue.record("no profile"); return }
        #expect(p.attributes["first_name"] == nil)
        #expect(p.attributes["signup_date"] == nil)
    }

    @Test(arguments: [
        ("", "the file is empty: expected a header row", nil as Int?),
        ("id,email\n", "no 'recipient_id' column for the recipient id in the header (columns: id, email)", 1),
        ("recipient_id,mail\n", "no 'email' column for the email in the header (columns: recipient_id, mail)", 1),
        ("recipient_id,email,x,x\n", "column 'x' appears twice in the header (fields 3 and 4)", 1),
        ("recipient_id\temail\n",
         "no 'recipient_id' column for the recipient id in the header (columns: recipient_id\temail); the header looks "
            + "tab-separated, but profiles files are comma-separated CSV", 1),
        ("recipient_id;email\n",
         "no 'recipient_id' column for the recipient id in the header (columns: recipient_id;email); the header looks "
            + "semicolon-separated, but profiles files are comma-separated CSV", 1),
    ])
    func fileErrors(text: String, reason: String, line: Int?) throws {
        let path = try temporaryFile("p.csv", text)
        #expect(throws: DataFileError(path: path, role: "profiles", reason: reason, line: line)) {
            _ = try ProfileReader(path: path)
        }
    }

    @Test func customColumns() throws {
        let path = try temporaryFile("p.csv", "id,mail\n7,a@x.io\n")
        let reader = try ProfileReader(path: path, format: ProfileFormat(idColumn: "id", emailColumn: "mail"))
        guard case .profile(let p)? = reader.next() else { Issue.record("no profile"); return }
        #expect(p.id == "7")
    }

    @Test(arguments: [
        (#"{"recipient_id": "R1", "email": "a@x.io", "signup_date": "2024-01-02", "tags": ["vip"]}"#, nil as String?),
        (#"{"recipient_id": 7, "email": "a@x.io"}"#, nil),
        (#"{"recipient_id": "R1", "email": "a@x.io""#, "1: invalid JSON at column 41: unexpected end of input, expected ',' or '}' in an object"),
        (#"["R1", "a@x.io"]"#, "1: expected a JSON object, found an array"),
        (#"{"recipient_id": "R1", "email": 5}"#, "1: 'email' must be a string, not a number"),
        (#"{"recipient_id": true, "email": "a@x.io"}"#, "1: 'recipient_id' must be a string or an integer, not a boolean"),
        (#"{"recipient_id": "R1", "email": "a@x.io", "signup_date": "soon"}"#,
         "1: column 'signup_date': 'soon' is not a date (write YYYY-MM-DD)"),
        (#"{"recipient_id": "R1"}"#, "1: missing email (column 'email' is empty)"),
    ])
    func jsonLines(line: String, bad: String?) throws {
        let reader = try ProfileReader(path: try temporaryFile("p.jsonl", line + "\n\n"))
        let items = Array(reader)
        #expect(items.count == 1)
        switch items.first {
        case .profile(let p)?:
            #expect(bad == nil)
            if p.id == "R1" {
                #expect(p.attributes["signup_date"]?.typeName == "date")
                #expect(p.attributes["tags"]?.arrayValue?.count == 1)
            }
        case .bad(let row)?: #expect("\(row.line): \(row.reason)" == bad)
        case nil: Issue.record("nothing read")
        }
    }
}
