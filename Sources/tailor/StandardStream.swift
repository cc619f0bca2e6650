import Foundation
import Synchronization

/// Standard output or standard error, written with `write(2)` whole buffers at a
/// time under a lock, so lines from several threads never interleave.
final class StandardStream: Sendable {
    static let output = StandardStream(descriptor: 1)
    static let error = StandardStream(descriptor: 2)

    private let descriptor: Int32
    private let lock = Mutex(())

    private init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    func write(_ bytes: [UInt8]) {
        lock.withLock { _ in
            bytes.withUnsafeBytes { buffer in
                var offset = 0
                while offset < buffer.count {
                    let n = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                    if n < 0 {
                        if errno == EINTR { continue }
                        return  // a closed stream: nothing more can be said
                    }
                    offset += n
                }
            }
        }
    }

    func write(_ text: String) {
        write(Array(text.utf8))
    }
}
