import Foundation
import TailorBatch
import TailorMIME
import TailorTestSupport

/// A campaign written into a temporary folder from its files' text, with
/// profiles given as JSON lines: for tests that need their own templates.
struct CampaignWorkspace {
    let folder: URL

    /// `files` maps a name in the campaign folder to its text; `profiles`
    /// become `profiles.jsonl` (the campaign's `data.profiles`).
    init(_ label: String, files: [String: String], profiles: [String]) throws {
        folder = TestFolder.make(label)
        for (name, text) in files {
            try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        try (profiles.joined(separator: "\n") + "\n")
            .write(to: folder.appendingPathComponent("profiles.jsonl"), atomically: true, encoding: .utf8)
    }

    /// Settings rendering into `out` (a folder name inside the workspace).
    func settings(_ out: String, validate: ValidationMode = .variant, jobs: Int = 2, batchSize: Int = 4) -> RenderSettings {
        var settings = RenderSettings(campaignFolder: folder.path)
        settings.outDirectory = url(out).path
        settings.validate = validate
        settings.jobs = jobs
        settings.batchSize = batchSize
        return settings
    }

    func url(_ out: String) -> URL { folder.appendingPathComponent(out) }

    /// The manifest's lines of `out`, parsed.
    func manifest(_ out: String, name: String = "manifest.jsonl") throws -> [[String: Any]] {
        try manifestLines(url(out), name: name).map { try jsonObject($0) }
    }

    /// The findings file's lines of `out`, parsed; nil when there is no file.
    func findings(_ out: String, name: String = "validation.jsonl") throws -> [[String: Any]]? {
        let path = url(out).appendingPathComponent(name)
        guard FileManager.default.fileExists(atPath: path.path) else { return nil }
        return try String(contentsOf: path, encoding: .utf8).split(separator: "\n").map { try jsonObject(String($0)) }
    }

    func remove() { SharedTools.keepOrRemove(folder) }
}

/// A JSON object from one line.
func jsonObject(_ line: String) throws -> [String: Any] {
    guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
        throw CocoaError(.coderReadCorrupt)
    }
    return object
}
