import TailorData
import Testing

/// A header written `recipient_id, email` (a space after each comma, as people
/// type it) has no column `email`, only ` email`: the error says so, since the
/// list of columns shows the space only to a careful reader.
@Suite struct HeaderSpacesTests {
    @Test(arguments: [
        ("recipient_id, email\n",
         "no 'email' column for the email in the header (columns: recipient_id,  email); ' email' has spaces around "
            + "the name: write the header without spaces after the commas"),
        ("recipient_id ,email\n",
         "no 'recipient_id' column for the recipient id in the header (columns: recipient_id , email); 'recipient_id ' "
            + "has spaces around the name: write the header without spaces after the commas"),
        ("id,mail\n", "no 'recipient_id' column for the recipient id in the header (columns: id, mail)"),
    ])
    func spacesAroundAColumnNameAreNamed(text: String, reason: String) throws {
        let path = try temporaryFile("p.csv", text)
        #expect(throws: DataFileError(path: path, role: "profiles", reason: reason, line: 1)) {
            _ = try ProfileReader(path: path)
        }
    }
}
