import Foundation
import TailorTestSupport
import Testing

@testable import TailorData

/// Inputs tailor cannot read say what they are and what to do, before any
/// parse error; JSON Lines are recognised by content as well as by name.
@Suite struct InputFileKindTests {
    @Test(arguments: [
        ([0x1F, 0x8B, 0x08, 0x00], InputFileKind.gzip),
        ([0x50, 0x4B, 0x03, 0x04, 0x14], .zip),
        (Array("{\"id\": 1}\n".utf8), .jsonObject),
        ([0xEF, 0xBB, 0xBF] + Array("\r\n  {\"id\": 1}".utf8), .jsonObject),
        (Array(" [ {\"id\": 1} ]".utf8), .jsonArray),
        (Array("recipient_id,email\n".utf8), .text),
        ([], .text),
        ([0x1F], .text),
    ] as [([UInt8], InputFileKind)])
    func kindFromTheFirstBytes(head: [UInt8], kind: InputFileKind) {
        #expect(InputFileKind(head: head[...]) == kind)
    }

    @Test func gzipProfilesSayDecompressFirst() throws {
        let path = try temporaryFile("profiles.csv.gz", [0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00])
        #expect {
            _ = try ProfileReader(path: path)
        } throws: { error in
            (error as? DataFileError)?.reason.hasPrefix("the file is gzip-compressed") == true
        }
    }

    @Test func jsonArrayProfilesSayConvertFirst() throws {
        let path = try temporaryFile("profiles.json", #"[{"recipient_id": "R1", "email": "a@example.com"}]"#)
        #expect {
            _ = try ProfileReader(path: path)
        } throws: { error in
            (error as? DataFileError)?.reason.contains("jq -c '.[]'") == true
        }
    }

    /// A warehouse export named `.json` holding one object per line.
    @Test func jsonLinesByContent() throws {
        let path = try temporaryFile("contacts.json", "{\"recipient_id\": \"R1\", \"email\": \"a@example.com\"}\n")
        let items = Array(try ProfileReader(path: path))
        guard case .profile(let profile)? = items.first else {
            Issue.record("expected a profile, got \(items)")
            return
        }
        #expect(profile.id == "R1" && items.count == 1)
    }

    @Test func aPipeIsRefusedForInputsReadTwice() throws {
        let folder = TestFolder.path("fifo")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let fifo = folder.appendingPathComponent("profiles.csv").path
        #expect(mkfifo(fifo, 0o600) == 0)
        #expect(InputFileKind(path: fifo) == .notRegular)
        #expect {
            _ = try ProfileReader(path: fifo)
        } throws: { error in
            (error as? DataFileError)?.reason.hasPrefix("it is a pipe or device, not a regular file") == true
        }
    }
}
