import TailorTemplate

/// What reading one line of an events file gave.
public enum EventItem: Sendable {
    case event(Event)
    case bad(BadRow)
}

/// Streams an events file (JSONL: `{"recipient_id": "R1", "type": "viewed",
/// "product_id": "P7", "ts": "2026-01-14T18:02:11Z"}` per line), checking each
/// line: a bad one is reported with its line and reason and reading goes on.
///
/// `recipient` and `timestamp` are accepted as other names for
/// `recipient_id` and `ts`.
public final class EventReader: Sequence, IteratorProtocol {
    public let path: String
    private let lines: JSONLinesReader

    public init(path: String) throws(DataFileError) {
        self.path = path
        // A first line `[...]` is one bad line, as in any JSON Lines file.
        let kind = InputFileKind(path: path)
        if kind != .jsonArray, let problem = kind.problem(path: path, readTwice: true) {
            throw DataFileError(path: path, role: "events", reason: problem)
        }
        lines = try JSONLinesReader(path: path, role: "events")
    }

    public func next() -> EventItem? {
        guard let line = lines.next() else { return nil }
        switch line.result {
        case .failure(let error):
            return .bad(BadRow(file: path, line: line.line, reason: error.message))
        case .success(let object):
            return convert(object, line: line.line)
        }
    }

    private func convert(_ object: Dict, line: Int) -> EventItem {
        func text(_ names: [String]) -> String? {
            for name in names {
                if let value = object[string: name] {
                    if case .int(let i) = value { return String(i) }
                    return value.stringValue
                }
            }
            return nil
        }
        func bad(_ reason: String, _ id: String? = nil) -> EventItem {
            .bad(BadRow(file: path, line: line, reason: reason, recipientId: id))
        }
        guard let id = text(["recipient_id", "recipient"]), !id.isEmpty else {
            return bad("missing 'recipient_id'")
        }
        guard let typeName = text(["type"]) else { return bad("missing 'type'", id) }
        guard let type = EventType(rawValue: typeName) else {
            return bad("unknown event type '\(typeName)' (expected viewed, added_to_cart or purchased)", id)
        }
        guard let product = text(["product_id"]), !product.isEmpty else { return bad("missing 'product_id'", id) }
        guard let stamp = text(["ts", "timestamp"]) else { return bad("missing 'ts'", id) }
        guard let seconds = ISOParser.parse(stamp).map({ parsed -> Int in
            switch parsed {
            case .date(let day): return day * 86_400
            case .timestamp(let s): return s
            }
        }) else {
            return bad("'ts': '\(stamp)' is not a timestamp (write YYYY-MM-DDTHH:MM:SSZ)", id)
        }
        return .event(Event(recipientId: id, type: type, productId: product, timestamp: seconds, line: line))
    }
}
