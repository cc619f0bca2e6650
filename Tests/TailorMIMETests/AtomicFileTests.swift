import Foundation
import TailorTestSupport
import Testing

@testable import TailorMIME

/// A file written atomically appears whole under its name, replaces what was
/// there (a resumed run rewriting a message), and leaves nothing else behind.
@Suite struct AtomicFileTests {
    @Test func writesReplacesAndLeavesNoTemporaryFile() throws {
        let folder = TestFolder.path("atomic")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = Array(repeating: UInt8(ascii: "a"), count: 70_000)
        try AtomicFile.write(first, toFolder: folder.path, name: "m.eml")
        #expect(try Data(contentsOf: folder.appendingPathComponent("m.eml")) == Data(first))
        let second = Array("shorter".utf8)
        try AtomicFile.write(second, toFolder: folder.path + "/", name: "m.eml")
        #expect(try Data(contentsOf: folder.appendingPathComponent("m.eml")) == Data(second))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["m.eml"])
        let attributes = try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent("m.eml").path)
        #expect((attributes[.posixPermissions] as? Int).map { $0 & 0o777 } == 0o644)
    }

    @Test func aMissingFolderIsAnError() {
        #expect(throws: MIMEError.self) {
            try AtomicFile.write([1, 2, 3], toFolder: "/nonexistent-\(UUID().uuidString)", name: "m.eml")
        }
    }
}
