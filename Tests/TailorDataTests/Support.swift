import Foundation
import TailorTestSupport

/// Writes `bytes` to a fresh temporary file called `name` and returns its path.
func temporaryFile(_ name: String, _ bytes: [UInt8]) throws -> String {
    let folder = TestFolder.path("data")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let url = folder.appendingPathComponent(name)
    try Data(bytes).write(to: url)
    return url.path
}

func temporaryFile(_ name: String, _ text: String) throws -> String {
    try temporaryFile(name, Array(text.utf8))
}
