import Foundation
import TailorTestSupport

/// The repository root (the sample workspace lives there).
let repositoryRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.path
}()

func samplePath(_ relative: String) -> String { repositoryRoot + "/" + relative }

/// A fresh temporary folder holding `files`.
func temporaryFolder(_ files: [String: String]) throws -> String {
    let folder = TestFolder.path("seg")
    for (name, text) in files {
        let url = folder.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder.path
}
