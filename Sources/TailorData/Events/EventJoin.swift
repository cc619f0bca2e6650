/// Events joined onto profiles, one recipient at a time.
///
/// Two ways, the same answers:
/// - ``aligned``: when the events file lists each recipient's events together
///   and in the profiles' order (as an export joined on the profile table
///   does), one streaming pass in constant memory.
/// - ``indexed``: any order; all events are held in memory, by recipient.
///
/// In aligned mode, when profile ids ascend, events of recipients who are not
/// among the profiles are recognised and skipped without leaving the stream
/// (see ``ProfileOrder``); events that are truly out of order make
/// ``isAligned`` false. ``SegmentRun`` tries aligned first and falls back to
/// indexed when it is.
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

    /// Events of a recipient that came before the profiles had reached them (aligned mode).
    public private(set) var outOfOrder = 0
    /// Whether every event went to its recipient or was recognised as a stranger's.
    public var isAligned: Bool { mode == .indexed || outOfOrder == 0 }

    private let reader: EventReader
    private var pending: Event?
    private var order = ProfileOrder()
    /// Events taken for strangers' while ids ascended: wrong if they stop ascending.
    private var skipped = 0
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
            order.visit(id)
            if !order.ascending, skipped > 0 {
                // The ids stopped ascending: events taken for strangers may have been this file's.
                outOfOrder += skipped
                skipped = 0
            }
            if pending == nil { pending = nextEvent() }
            while let event = pending, order.isBehind(event.recipientId) {
                passedBy(event.recipientId)
                pending = nextEvent()
            }
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
                passedBy(event.recipientId)
                pending = nextEvent()
            }
        case .indexed:
            for (id, entry) in index.sorted(by: { $0.key < $1.key }) where !entry.used {
                for _ in entry.events { noteUnmatched(id) }
            }
        }
    }

    private func passedBy(_ id: String) {
        switch order.verdict(on: id) {
        case .unknownRecipient:
            noteUnmatched(id)
            skipped += 1
        case .outOfOrder: outOfOrder += 1
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
