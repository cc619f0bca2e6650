import Foundation
import TailorTestSupport

/// The package folder, which holds the sample workspace.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// A temporary copy of the sample workspace (templates, segments, data), with
/// `edits` applied to files: path → [(old, new)] replacements, each of which must match.
func sampleCopy(_ edits: [String: [(String, String)]] = [:]) throws -> URL {
    let folder = TestFolder.path("check")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    for name in ["templates", "segments", "data"] {
        try FileManager.default.copyItem(at: packageRoot.appendingPathComponent(name), to: folder.appendingPathComponent(name))
    }
    for (path, replacements) in edits {
        let url = folder.appendingPathComponent(path)
        var text = try String(contentsOf: url, encoding: .utf8)
        for (old, new) in replacements {
            guard text.contains(old) else { throw EditError(path: path, missing: old) }
            text = text.replacingOccurrences(of: old, with: new)
        }
        try Data(text.utf8).write(to: url)
    }
    return folder
}

struct EditError: Error {
    var path: String
    var missing: String
}

/// The 1-based line of the first line of `file` containing `needle`.
func line(of needle: String, in file: URL) throws -> Int {
    let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
    return (lines.firstIndex { $0.contains(needle) } ?? -1) + 1
}

/// Runs `body` with the working directory set to `folder` (the report's paths are relative to it).
let directoryLock = NSLock()
func inDirectory<T>(_ folder: URL, _ body: () throws -> T) throws -> T {
    directoryLock.lock()
    defer { directoryLock.unlock() }
    let previous = FileManager.default.currentDirectoryPath
    FileManager.default.changeCurrentDirectoryPath(folder.path)
    defer { FileManager.default.changeCurrentDirectoryPath(previous) }
    return try body()
}

/// Runs the `tailor` built beside the test bundle, in `folder`.
func tailor(_ arguments: [String], in folder: URL) throws -> (status: Int32, stdout: String, stderr: String) {
    let process = Process()
    process.executableURL = Bundle.main.bundleURL.appendingPathComponent("tailor")
    process.arguments = arguments
    process.currentDirectoryURL = folder
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
}
