import TailorData
import TailorTemplate

/// The body of `POST /v1/campaigns/{name}/render`, checked:
///
/// ```json
/// {
///   "profile":  {"recipient_id": "R1", "email": "anna@example.com", "first_name": "Anna",
///                "signup_date": "2025-04-19", "order_count": 9},
///   "events":   [{"type": "added_to_cart", "product_id": "P7", "ts": "2026-01-15T08:00:00Z"}],
///   "segments": ["likely_to_churn"]
/// }
/// ```
///
/// The profile is read like a line of a JSONL profiles file: the campaign's id
/// and email columns are required, strings that look like ISO dates become
/// dates, `null` is left out (undefined to templates). Events are those of an
/// events file, their `recipient_id` optional (it must match when given).
/// `segments` names memberships computed elsewhere: segments `segments.yml`
/// declares with `external:`.
struct RenderRequest: Sendable {
    var profile: Profile
    var events: EventHistory
    var externalSegments: [String]

    static let keys: Set<String> = ["profile", "events", "segments"]

    /// Parses `bytes`; a syntax error is a 400 with its position, a wrong shape a 422 naming the field.
    static func parse(_ bytes: [UInt8], format: ProfileFormat) throws(ServiceError) -> RenderRequest {
        let value: Value
        do throws(JSONReadError) {
            value = try JSONValueReader(maxDepth: 64).read(bytes)
        } catch {
            throw .malformedJSON(error)
        }
        guard case .dict(let root) = value else {
            throw .invalidRequest("the body must be a JSON object, not \(JSONValueReader.describe(value))", field: "")
        }
        for key in root.keys {
            let name = key.stringValue ?? ""
            if !keys.contains(name) {
                throw .invalidRequest("unknown field '\(name)' (expected profile, events, segments)", field: name)
            }
        }
        guard let profileValue = root[.string("profile")] else {
            throw .invalidRequest("the body has no 'profile'", field: "profile")
        }
        let profile = try Self.profile(profileValue, format: format)
        let events = try Self.events(root[.string("events")], recipientID: profile.id)
        let segments = try Self.segments(root[.string("segments")])
        return RenderRequest(profile: profile, events: EventHistory(events), externalSegments: segments)
    }

    private static func profile(_ value: Value, format: ProfileFormat) throws(ServiceError) -> Profile {
        guard case .dict(let object) = value else {
            throw .invalidRequest("'profile' must be an object, not \(JSONValueReader.describe(value))", field: "profile")
        }
        var attributes: [String: Value] = [:]
        for (key, item) in zip(object.keys, object.values) {
            guard let name = key.stringValue else { continue }
            var item = item
            if case .none = item { continue }
            if case .string(let text) = item, ISOParser.looksLikeDate(text), let temporal = Temporal.value(parsing: text) {
                item = temporal
            }
            attributes[name] = item
        }
        let id: String
        switch attributes[format.idColumn] {
        case .string(let s) where !s.trimmingWhitespace.isEmpty: id = s.trimmingWhitespace
        case .int(let i): id = String(i)
        case nil: throw .invalidRequest("the profile has no '\(format.idColumn)'", field: "profile.\(format.idColumn)")
        case let other?:
            throw .invalidRequest(
                "'\(format.idColumn)' must be a non-empty string or an integer, not \(JSONValueReader.describe(other))",
                field: "profile.\(format.idColumn)")
        }
        guard case .string(let rawEmail) = attributes[format.emailColumn] else {
            throw .invalidRequest("the profile has no '\(format.emailColumn)' string", field: "profile.\(format.emailColumn)")
        }
        let email = rawEmail.trimmingWhitespace
        guard EmailAddress.isValid(email) else {
            throw .invalidRequest("'\(format.emailColumn)' is not a valid address", field: "profile.\(format.emailColumn)")
        }
        attributes[format.idColumn] = .string(id)
        attributes[format.emailColumn] = .string(email)
        return Profile(id: id, email: email, attributes: attributes, line: 0)
    }

    private static func events(_ value: Value?, recipientID: String) throws(ServiceError) -> [Event] {
        guard let value, value != .none else { return [] }
        guard case .list(let items) = value else {
            throw .invalidRequest("'events' must be a list, not \(JSONValueReader.describe(value))", field: "events")
        }
        var events: [Event] = []
        for (i, item) in items.enumerated() {
            let field = "events[\(i)]"
            guard case .dict(let object) = item else {
                throw .invalidRequest("\(field) must be an object", field: field)
            }
            func text(_ name: String) -> String? {
                switch object[.string(name)] {
                case .string(let s)?: return s
                case .int(let n)?: return String(n)
                default: return nil
                }
            }
            if let owner = text("recipient_id") ?? text("recipient"), owner != recipientID {
                throw .invalidRequest("\(field) belongs to '\(owner)', not to the profile's '\(recipientID)'", field: "\(field).recipient_id")
            }
            guard let typeName = text("type"), let type = EventType(rawValue: typeName) else {
                let names = EventType.allCases.map(\.rawValue).joined(separator: ", ")
                throw .invalidRequest("\(field).type must be one of \(names)", field: "\(field).type")
            }
            guard let product = text("product_id"), !product.isEmpty else {
                throw .invalidRequest("\(field) has no 'product_id'", field: "\(field).product_id")
            }
            guard let stamp = text("ts") ?? text("timestamp"), let parsed = ISOParser.parse(stamp) else {
                throw .invalidRequest("\(field).ts must be a timestamp like 2026-01-15T09:00:00Z", field: "\(field).ts")
            }
            let seconds: Int
            switch parsed {
            case .date(let day): seconds = day * 86_400
            case .timestamp(let s): seconds = s
            }
            events.append(Event(recipientId: recipientID, type: type, productId: product, timestamp: seconds, line: i + 1))
        }
        return events
    }

    private static func segments(_ value: Value?) throws(ServiceError) -> [String] {
        guard let value, value != .none else { return [] }
        guard case .list(let items) = value else {
            throw .invalidRequest("'segments' must be a list of segment names", field: "segments")
        }
        return try items.enumerated().map { (i, item) throws(ServiceError) -> String in
            guard case .string(let name) = item else {
                throw .invalidRequest("segments[\(i)] must be a segment name", field: "segments[\(i)]")
            }
            return name
        }
    }
}

extension String {
    /// Without leading and trailing spaces and tabs.
    var trimmingWhitespace: String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
