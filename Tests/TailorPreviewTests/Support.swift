import Foundation
import TailorTestSupport
import Testing

/// The package root, found from this file.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// The sample campaign, by absolute path.
let sampleCampaign = packageRoot.appendingPathComponent("templates/spring_sale").path

/// A fresh temporary folder.
func temporaryFolder(_ name: String) throws -> URL {
    let folder = TestFolder.path(name)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
}

/// Debian's headless browser, when installed (`apt-get install chromium`).
let chromiumPath: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
    .first { FileManager.default.isExecutableFile(atPath: $0) }

/// Runs chromium headless on `url` with `arguments`; returns standard output.
func chromium(_ arguments: [String], url: URL) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: chromiumPath!)
    process.arguments = [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars",
        "--virtual-time-budget=5000", "--user-data-dir=" + (try temporaryFolder("chromium-profile")).path,
    ] + arguments + [url.absoluteString]
    let out = Pipe()
    process.standardOutput = out
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
}

/// The value of `attribute` on each element of `dom` that has it.
func attributeValues(_ attribute: String, in dom: String) -> [String] {
    var values: [String] = []
    var rest = dom[...]
    while let start = rest.range(of: " \(attribute)=\"") {
        rest = rest[start.upperBound...]
        guard let end = rest.firstIndex(of: "\"") else { break }
        values.append(String(rest[..<end]))
        rest = rest[end...]
    }
    return values
}
