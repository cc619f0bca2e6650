import Foundation
import Testing

@testable import TailorBatch
import TailorTestSupport

/// Small appends copied, large arrays kept whole and written with `writev`:
/// the file holds every byte in order, across flushes and the 1 MB threshold.
@Suite struct AppendFileTests {
    @Test func mixedAppendsArriveInOrder() throws {
        let path = TestFolder.path("append").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let file = try AppendFile(path: path, truncatingTo: 0)
        var expected: [UInt8] = []
        var rng = SplitMix64(seed: 23)
        for step in 0..<600 {
            let count = [0, 1, 17, AppendFile.keptWhole - 1, AppendFile.keptWhole, 27_000, 300_000].randomElement(using: &rng)!
            let bytes = (0..<count).map { UInt8(truncatingIfNeeded: $0 &+ step) }
            switch step % 3 {
            case 0: try file.append(bytes)
            case 1: try file.append(bytes[...])
            default: try file.append(String(decoding: bytes.map { $0 & 0x7f }, as: UTF8.self))
            }
            expected += step % 3 == 2 ? bytes.map { $0 & 0x7f } : bytes
            if step % 97 == 0 { try file.flush() }
        }
        try file.flush()
        #expect(file.size == expected.count)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data(expected))
    }
}
