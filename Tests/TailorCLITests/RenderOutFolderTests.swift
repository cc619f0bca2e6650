import Foundation
import TailorTestSupport
import Testing

/// `--out` naming a file, or a path through one, is a setup error that says
/// which file is in the way; nothing is rendered.
@Suite struct RenderOutFolderTests {
    static let sample = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("templates/spring_sale")

    @Test(arguments: ["", "/sub/folder"])
    func aFileInTheWay(_ below: String) throws {
        let file = TestFolder.path("out")
        try Data("not a folder".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try tailor(["render", Self.sample.path, "--out", file.path + below], in: Self.sample)
        #expect(result.status == 3, "\(result.stderr)")
        #expect(result.stderr.contains("--out \(file.path + below): the file \(file.path) is in the way; give a folder"), "\(result.stderr)")
        #expect(try String(contentsOf: file, encoding: .utf8) == "not a folder")
    }
}
