import Foundation
import Testing
@testable import TailorServe

/// One slow request does not hold up the others; a shutdown lets requests in flight finish.
@Suite struct ConcurrencyTests {
    static let slow = Bodies.profile(extra: #", "city": "X", "spin": 1500"#)

    @Test func aSlowRenderDoesNotHoldUpOthers() async throws {
        let workspace = try ServeWorkspace("slow")
        defer { workspace.remove() }
        let served = try await Served.start(workspace.settings())
        let clock = ContinuousClock()
        let started = clock.now
        async let slowReply = served.render(Self.slow)
        try await Task.sleep(for: .milliseconds(100))
        var fastTimes: [Duration] = []
        for _ in 0..<5 {
            let t = clock.now
            let health = try await served.get("/healthz")
            let fast = try await served.render(Bodies.profile())
            #expect(health.status == 200 && fast.status == 200)
            fastTimes.append(clock.now - t)
        }
        let fastDone = clock.now - started
        let slow = try await slowReply
        let slowDone = clock.now - started
        try await served.stop()
        #expect(slow.status == 200)
        // The quick requests all finished well before the slow one.
        #expect(fastDone < slowDone, "fast \(fastDone), slow \(slowDone)")
        #expect(fastTimes.allSatisfy { $0 < slowDone / 2 }, "\(fastTimes) vs \(slowDone)")
    }

    @Test func shutdownLetsRequestsInFlightFinish() async throws {
        let workspace = try ServeWorkspace("shutdown")
        defer { workspace.remove() }
        let served = try await Served.start(workspace.settings())
        async let inFlight = served.render(Self.slow)
        try await Task.sleep(for: .milliseconds(300))
        try await served.stop()
        let reply = try await inFlight
        #expect(reply.status == 200, "\(reply.text)")
        #expect(try reply.json()["status"] as? String == "rendered")
        // And nothing listens any more.
        await #expect(throws: (any Error).self) { try await served.get("/healthz") }
    }

    @Test func manyRequestsAtOnce() async throws {
        let workspace = try ServeWorkspace("many")
        defer { workspace.remove() }
        let served = try await Served.start(workspace.settings())
        let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
            for i in 0..<64 {
                group.addTask { try await served.render(Bodies.profile("R\(i)")).status }
            }
            return try await group.reduce(into: [Int]()) { $0.append($1) }
        }
        try await served.stop()
        #expect(statuses.count == 64 && statuses.allSatisfy { $0 == 200 })
    }
}
