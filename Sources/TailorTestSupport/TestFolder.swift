public import Foundation

/// Temporary files and folders for tests.
///
/// Every path lies inside one folder per test process, which is removed when
/// the process exits, so `swift test` leaves nothing behind in the system's
/// temporary folder however a test ends (a failed expectation skips the clean-up
/// a test would do at its end). Set `TAILOR_KEEP_TEST_OUTPUT` to keep the folder
/// for a look at what the tests wrote; its path is printed at exit.
public enum TestFolder {
    /// A fresh, empty folder whose name starts with `label`.
    public static func make(_ label: String) -> URL {
        let url = path(label)
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A fresh path that does not exist yet: for a file, or for a folder the
    /// code under test is to create.
    public static func path(_ label: String) -> URL {
        root.appendingPathComponent("\(label)-\(UUID().uuidString)")
    }

    /// This process's folder, made on first use and removed at exit.
    public static let root: URL = {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("tailor-tests-\(getpid())-\(UUID().uuidString.prefix(8))")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        atexit(removeTestFolderRoot)
        return url
    }()
}

/// Runs at process exit (a C function pointer, hence not a closure that captures).
private func removeTestFolderRoot() {
    let root = TestFolder.root
    if ProcessInfo.processInfo.environment["TAILOR_KEEP_TEST_OUTPUT"] != nil {
        print("kept test output: \(root.path)")
    } else {
        try? FileManager.default.removeItem(at: root)
    }
}
