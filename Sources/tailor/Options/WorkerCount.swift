import ArgumentParser
import Foundation

/// The bounds of a thread-count option (`--jobs`, `--threads`). Rendering is
/// bound by the CPU, so workers past the cores only add memory: each holds
/// messages in flight, and a send keeps `4 × jobs + 2` chunks queued.
enum WorkerCount {
    static let most = 256

    /// Throws a usage error unless `count` is absent or in `1...most`.
    static func check(_ count: Int?, option: String) throws {
        guard let count else { return }
        guard count >= 1 else { throw ValidationError("\(option) must be at least 1.") }
        guard count <= most else {
            let cores = ProcessInfo.processInfo.activeProcessorCount
            throw ValidationError(
                "\(option) \(count) is more than \(most): rendering is bound by the CPU, so workers beyond the cores (\(cores) here) only add memory.")
        }
    }
}
