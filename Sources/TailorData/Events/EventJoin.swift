/// Events joined onto profiles, one recipient at a time.
///
/// Two ways, the same answers:
/// - ``aligned``: when the events file lists each recipient's events together
///   and in the profiles' order (as an export joined on the profile table
///   does), one streaming pass in constant memory.
/// - ``indexed``: any order; all events are held in memory, by recipient.
///
/// ``SegmentRun`` tries aligned first and falls back to indexed when events
/// are left over at the end.
public final class EventJoin {
    /// How events are matched to recipients.
    public enum Mode: Sendable, Equatable {
        case aligned
        case indexed
    }

    public let mode: Mode
    public let path: String
    /// Bad lines of the events file.
    public private(set) var badRows = BadRowLog()
    /// Events read.
    public private(set) var eventCount = 0
    /// Events that never reached a recipient (unknown id, or out of order when aligned).
    public private(set) var unmatched = 0
    /// The first few recipients of unmatched events, for the report.
    public private(set) var unmatchedExamples: [String] = []

    private let reader: EventReader
    private var pending: Event?
    private var index: [String: (events: [Event], used: Bool)] = [:]

    public init(path: String, mode: Mode) throws(DataFileError) {
        self.path = path
        self.mode = mode
        reader = try EventReader(path: path)
        if mode == .indexed {
            while let event = nextEvent() {
                index[event.recipientId, default: ([], false)].events.append(event)
            }
        }
    }

    /// The events of recipient `id` (empty when there are none).
    public func history(for id: String) -> EventHistory {
        switch mode {
        case .indexed:
            guard let entry = index[id] else { return .empty }
            index[id]!.used = true
            return EventHistory(entry.events)
        case .aligned:
            if pending == nil { pending = nextEvent() }
            var events: [Event] = []
            while let event = pending, event.recipientId == id {
                events.append(event)
                pending = nextEvent()
            }
            return events.isEmpty ? .empty : EventHistory(events)
        }
    }

    /// Reads what is left and counts the events no recipient took.
    public func finish() {
        switch mode {
        case .aligned:
            if pending == nil { pending = nextEvent() }
            while let event = pending {
                noteUnmatched(event.recipientId)
                pending = nextEvent()
            }
        case .indexed:
            for (id, entry) in index.sorted(by: { $0.key < $1.key }) where !entry.used {
                for _ in entry.events { noteUnmatched(id) }
            }
        }
    }

    private func noteUnmatched(_ id: String) {
        unmatched += 1
        if unmatchedExamples.count < 5, !unmatchedExamples.contains(id) { unmatchedExamples.append(id) }
    }

    private func nextEvent() -> Event? {
        while let item = reader.next() {
            switch item {
            case .event(let e):
                eventCount += 1
                return e
            case .bad(let row):
                badRows.append(row)
            }
        }
        return nil
    }
}
