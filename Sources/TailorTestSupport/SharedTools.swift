public import Foundation

/// The independent tools in `../shared/tools`, found from the package root or from
/// `TAILOR_SHARED_DIR`.
public enum SharedTools {
    public static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    public static var sharedDirectory: URL {
        if let override = ProcessInfo.processInfo.environment["TAILOR_SHARED_DIR"], !override.isEmpty {
            return URL(fileURLWithPath: override)
        }
        return packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
    }

    public static var checkEML: URL { sharedDirectory.appendingPathComponent("tools/check-eml") }
    public static var smtpSink: URL { sharedDirectory.appendingPathComponent("tools/smtp-sink") }

    /// Why the tools cannot run here, or nil when they can.
    public static let unavailableReason: String? = {
        guard FileManager.default.isExecutableFile(atPath: checkEML.path) else {
            return "check-eml not found at \(checkEML.path) (set TAILOR_SHARED_DIR)"
        }
        let probe = run(["python3", "-c", "import lxml, html5lib, email_validator, aiosmtpd"])
        if probe.status != 0 {
            return "Python packages missing: python3 -m pip install lxml html5lib email-validator aiosmtpd"
        }
        return nil
    }()

    public static var available: Bool { unavailableReason == nil }

    public struct Output: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    /// Runs a command to completion.
    @discardableResult
    public static func run(_ arguments: [String]) -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        do { try process.run() } catch { return Output(status: -1, stdout: "", stderr: "\(error)") }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Removes a test's output folder, unless `TAILOR_KEEP_TEST_OUTPUT` is set (then
    /// its path is printed, for a look at the messages).
    public static func keepOrRemove(_ dir: URL) {
        if ProcessInfo.processInfo.environment["TAILOR_KEEP_TEST_OUTPUT"] != nil {
            print("kept test output: \(dir.path)")
        } else {
            try? FileManager.default.removeItem(at: dir)
        }
    }
}
