public import Foundation

/// `../shared/tools/smtp-sink` on a free loopback port, for a test.
public final class SMTPSink {
    public let process = Process()
    public let dir: URL
    public let port: Int

    /// Starts the sink with extra `arguments` (e.g. `--fail-every 2`).
    public init(_ arguments: [String]) throws {
        dir = TestFolder.make("sink")
        let portFile = dir.appendingPathComponent("port").path
        let messages = dir.appendingPathComponent("messages")
        try FileManager.default.createDirectory(at: messages, withIntermediateDirectories: true)
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", SharedTools.smtpSink.path, "--dir", messages.path, "--port", "0",
            "--port-file", portFile, "-q"] + arguments
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        var port = 0
        for _ in 0..<200 {
            if let text = try? String(contentsOfFile: portFile, encoding: .utf8),
                let value = Int(text.trimmingCharacters(in: .whitespacesAndNewlines)), value > 0
            {
                port = value
                break
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        self.port = port
    }

    public var messages: URL { dir.appendingPathComponent("messages") }

    /// The sink's log of envelopes, one dictionary per event.
    public func events() throws -> [[String: Any]] {
        let text = try String(contentsOf: messages.appendingPathComponent("envelopes.jsonl"), encoding: .utf8)
        return try text.split(separator: "\n").map {
            guard let object = try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] else {
                throw CocoaError(.fileReadCorruptFile)
            }
            return object
        }
    }

    public func stop() {
        if process.isRunning { process.terminate() }
        for _ in 0..<40 where process.isRunning { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        SharedTools.keepOrRemove(dir)
    }
}
