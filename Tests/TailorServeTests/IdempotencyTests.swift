import Foundation
import Testing
@testable import TailorServe

/// `Idempotency-Key`: same key and body, same bytes, rendered once; another body, 409.
@Suite struct IdempotencyTests {
    @Test func theSameKeyAndBodyGiveTheSameBytesRenderedOnce() async throws {
        let workspace = try ServeWorkspace("idem")
        defer { workspace.remove() }
        let served = try await Served.start(workspace.settings())
        let key = [("Idempotency-Key", "cart-7741")]
        let first = try await served.render(Bodies.profile(), query: "?format=eml", headers: key)
        try await Task.sleep(for: .milliseconds(1100))  // a new render would carry a new Date
        let second = try await served.render(Bodies.profile(), query: "?format=eml", headers: key)
        let asJSON = try await served.render(Bodies.profile(), headers: key)
        let metrics = try await served.get("/metrics")
        try await served.stop()
        #expect(first.status == 200)
        #expect(first.headers["idempotent-replayed"] == nil)
        #expect(second.body == first.body)
        #expect(second.headers["idempotent-replayed"] == "true")
        #expect(try asJSON.json()["raw"] as? String == first.text)
        #expect(metrics.text.contains("tailor_renders_total{campaign=\"triggered\"} 1\n"))
        #expect(metrics.text.contains("tailor_idempotent_replays_total 2\n"))
    }

    @Test func theSameKeyWithAnotherBodyIsAConflict() async throws {
        let workspace = try ServeWorkspace("conflict")
        defer { workspace.remove() }
        let served = try await Served.start(workspace.settings())
        let key = [("Idempotency-Key", "evt-1")]
        let first = try await served.render(Bodies.profile("R1"), headers: key)
        let other = try await served.render(Bodies.profile("R2"), headers: key)
        let otherCampaign = try await served.render("spring_sale", Bodies.profile("R1"), headers: key)
        let again = try await served.render(Bodies.profile("R1"), headers: key)
        try await served.stop()
        #expect(first.status == 200)
        for reply in [other, otherCampaign] {
            #expect(reply.status == 409, "\(reply.text)")
            #expect(try reply.errorField("code") as? String == "idempotency_conflict")
            #expect(try reply.errorField("key") as? String == "evt-1")
        }
        #expect(again.status == 200)
        #expect(try again.json()["sha256"] as? String == (try first.json()["sha256"] as? String))
    }

    @Test func concurrentRetriesShareOneRender() async throws {
        let workspace = try ServeWorkspace("race")
        defer { workspace.remove() }
        let served = try await Served.start(workspace.settings())
        // spin makes the render take a while, so the retries arrive during it.
        let body = Bodies.profile(extra: #", "city": "X", "spin": 300"#)
        let replies = try await withThrowingTaskGroup(of: HTTPReply.self) { group in
            for _ in 0..<6 {
                group.addTask { try await served.render(body, query: "?format=eml", headers: [("Idempotency-Key", "same")]) }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        let metrics = try await served.get("/metrics")
        try await served.stop()
        #expect(replies.allSatisfy { $0.status == 200 })
        #expect(Set(replies.map(\.body)).count == 1)
        #expect(replies.filter { $0.headers["idempotent-replayed"] == nil }.count == 1)
        #expect(metrics.text.contains("tailor_renders_total{campaign=\"triggered\"} 1\n"))
    }

    @Test func aKeyFixesTheMessageIDEvenAfterItExpires() async throws {
        let workspace = try ServeWorkspace("expire")
        defer { workspace.remove() }
        var settings = workspace.settings()
        settings.idempotencyTTL = .milliseconds(300)
        let served = try await Served.start(settings)
        let first = try await served.render(Bodies.profile(), headers: [("Idempotency-Key", "k")])
        try await Task.sleep(for: .milliseconds(500))
        let later = try await served.render(Bodies.profile(), headers: [("Idempotency-Key", "k")])
        let noKey = try await served.render(Bodies.profile())
        try await served.stop()
        #expect(later.headers["idempotent-replayed"] == nil)  // expired: rendered again
        #expect(try later.json()["message_id"] as? String == (try first.json()["message_id"] as? String))
        #expect(try noKey.json()["message_id"] as? String != (try first.json()["message_id"] as? String))
    }

    @Test func errorsAreNotKept() async throws {
        let workspace = try ServeWorkspace("errors")
        defer { workspace.remove() }
        let served = try await Served.start(workspace.settings())
        let failed = try await served.render(Bodies.profile(extra: ""), headers: [("Idempotency-Key", "k")])
        try workspace.write("templates/triggered/email.html", ServeWorkspace.html.replacingOccurrences(of: "{{ city }}", with: "{{ city|default('town') }}"))
        await served.service.reloadNow()
        let fixed = try await served.render(Bodies.profile(extra: ""), headers: [("Idempotency-Key", "k")])
        try await served.stop()
        #expect(failed.status == 422)
        #expect(fixed.status == 200, "\(fixed.text)")
    }

    // The store on its own: bounded, oldest out first, expiry.

    @Test func theStoreKeepsAtMostItsCapacity() async {
        let store = IdempotencyStore(ttl: .seconds(60), capacity: 3)
        for i in 0..<5 {
            _ = await store.result(key: "k\(i)", digest: "d") { .failure(.unauthorized()) }
        }
        // Failures are dropped at once; successes fill the store.
        #expect(await store.count == 0)
        for i in 0..<5 {
            _ = await store.result(key: "k\(i)", digest: "d") { .success(Self.answer("\(i)")) }
        }
        #expect(await store.count == 3)
        // k0 and k1 went first: a different digest under them is no conflict now.
        if case .conflict = await store.result(key: "k0", digest: "other", render: { .success(Self.answer("x")) }) {
            Issue.record("k0 should have been dropped")
        }
        if case .conflict = await store.result(key: "k4", digest: "other", render: { .success(Self.answer("x")) }) {} else {
            Issue.record("k4 should still be held")
        }
    }

    @Test func theStoreForgetsExpiredKeys() async throws {
        let store = IdempotencyStore(ttl: .milliseconds(50), capacity: 10)
        _ = await store.result(key: "k", digest: "a") { .success(Self.answer("1")) }
        try await Task.sleep(for: .milliseconds(100))
        if case .result(_, let replayed) = await store.result(key: "k", digest: "b", render: { .success(Self.answer("2")) }) {
            #expect(!replayed)
        } else {
            Issue.record("an expired key is free again")
        }
    }

    static func answer(_ id: String) -> RenderedMessage {
        RenderedMessage(campaign: "c", recipientID: id, segment: "s", segments: [], message: nil, skipReason: nil)
    }
}
