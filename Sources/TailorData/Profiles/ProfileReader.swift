import Foundation
import TailorTemplate

/// What reading one record of a profiles file gave.
public enum ProfileItem: Sendable {
    case profile(Profile)
    case bad(BadRow)
}

/// Streams a profiles file (CSV, or JSONL for `.jsonl`/`.ndjson` names) one
/// recipient at a time, typing the cells and checking every row.
///
/// A row is bad, reported with its line and the reason, when it has the wrong
/// number of fields, an unreadable date in a date column, no or an invalid
/// email, no recipient id, or an id already seen. Reading goes on after a bad
/// row; the first occurrence of a duplicated id is the one kept.
///
/// Duplicate ids cost no memory while the ids arrive in ascending order (as a
/// database export sorted by key does); at the first id out of order the
/// reader re-reads the rows before it once and from then on remembers every
/// id (a hash set).
///
/// ```swift
/// let reader = try ProfileReader(path: "data/profiles.csv")
/// for item in reader {
///     switch item {
///     case .profile(let p): print(p.id, p.attributes["first_name"] ?? .none)
///     case .bad(let row): print(row)   // data/profiles.csv:12: invalid email 'ann@'
///     }
/// }
/// ```
public final class ProfileReader: Sequence, IteratorProtocol {
    public let path: String
    public let format: ProfileFormat
    /// The header's column names (for JSONL, empty: every object has its own keys).
    public private(set) var columns: [String] = []

    private enum Source {
        case csv(CSVReader, types: [ColumnType], idIndex: Int, emailIndex: Int)
        case jsonl(JSONLinesReader)
    }

    private let source: Source
    private let tracksDuplicates: Bool
    /// ``columnType(_:)``'s memory; at most 4,096 names.
    private var knownTypes: [String: ColumnType] = [:]
    private var lastId: (id: String, line: Int)?
    private var seen: [String: Int]?

    /// Opens `path` and reads its header. A missing file, an empty file, or a
    /// header without the id or email column throws.
    public convenience init(path: String, format: ProfileFormat = ProfileFormat()) throws(DataFileError) {
        try self.init(path: path, format: format, tracksDuplicates: true)
    }

    init(path: String, format: ProfileFormat, tracksDuplicates: Bool) throws(DataFileError) {
        self.path = path
        self.format = format
        self.tracksDuplicates = tracksDuplicates
        let lower = path.lowercased()
        let namedJSONLines = lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson")
        let kind = InputFileKind(path: path)
        // In a file named JSON Lines, a first line `[...]` is one bad line among good ones.
        if !(namedJSONLines && kind == .jsonArray), let problem = kind.problem(path: path, readTwice: true) {
            throw DataFileError(path: path, role: "profiles", reason: problem)
        }
        // JSON Lines by name, or by content (`contacts.json` from a warehouse
        // export): a CSV header does not start with `{`.
        if namedJSONLines || kind == .jsonObject {
            source = .jsonl(try JSONLinesReader(path: path, role: "profiles"))
            return
        }
        let csv = try CSVReader(path: path, role: "profiles")
        guard let header = csv.next() else {
            throw DataFileError(path: path, role: "profiles", reason: "the file is empty: expected a header row")
        }
        if let problem = header.problem {
            throw DataFileError(path: path, role: "profiles", reason: "bad header: \(problem)", line: header.line)
        }
        var firstIndex: [String: Int] = [:]
        for (i, name) in header.fields.enumerated() {
            if let earlier = firstIndex[name] {
                throw DataFileError(
                    path: path, role: "profiles",
                    reason: "column '\(name)' appears twice in the header (fields \(earlier + 1) and \(i + 1))",
                    line: header.line)
            }
            firstIndex[name] = i
        }
        func index(of column: String, _ what: String) throws(DataFileError) -> Int {
            guard let i = firstIndex[column] else {
                let separator = header.fields.count == 1 ? ProfileReader.likelySeparator(in: header.fields[0]) : nil
                let spaced = header.fields.first { $0 != column && $0.trimmingCharacters(in: .whitespaces) == column }
                throw DataFileError(
                    path: path, role: "profiles",
                    reason: "no '\(column)' column for the \(what) in the header (columns: \(header.fields.joined(separator: ", ")))"
                        + (separator.map { "; the header looks \($0)-separated, but profiles files are comma-separated CSV" } ?? "")
                        + (spaced.map { "; '\($0)' has spaces around the name: write the header without spaces after the commas" } ?? ""),
                    line: header.line)
            }
            return i
        }
        let idIndex = try index(of: format.idColumn, "recipient id")
        let emailIndex = try index(of: format.emailColumn, "email")
        columns = header.fields
        source = .csv(csv, types: header.fields.map(format.type(of:)), idIndex: idIndex, emailIndex: emailIndex)
    }

    /// "tab" or "semicolon" when a one-column header splits on that instead of
    /// commas (a spreadsheet's export in another dialect).
    static func likelySeparator(in field: String) -> String? {
        if field.contains("\t") { return "tab" }
        if field.contains(";") { return "semicolon" }
        return nil
    }

    /// The next profile or bad row; nil at the end of the file.
    public func next() -> ProfileItem? {
        let item: ProfileItem
        switch source {
        case .csv(let reader, let types, let idIndex, let emailIndex):
            guard let record = reader.next() else { return nil }
            item = convert(record, types: types, idIndex: idIndex, emailIndex: emailIndex)
        case .jsonl(let reader):
            guard let line = reader.next() else { return nil }
            item = convert(line)
        }
        guard tracksDuplicates, case .profile(let profile) = item else { return item }
        if let reason = duplicateReason(profile) {
            return .bad(BadRow(file: path, line: profile.line, reason: reason, recipientId: profile.id, isDuplicate: true))
        }
        return item
    }

    // MARK: Rows

    private func convert(_ record: CSVRecord, types: [ColumnType], idIndex: Int, emailIndex: Int) -> ProfileItem {
        let fields = record.fields
        let id = fields.indices.contains(idIndex) ? trimmed(fields[idIndex]) : ""
        func bad(_ reason: String) -> ProfileItem {
            .bad(BadRow(file: path, line: record.line, reason: reason, recipientId: id.isEmpty ? nil : id))
        }
        if let problem = record.problem { return bad(problem) }
        guard fields.count == columns.count else {
            return bad("expected \(columns.count) fields as in the header, found \(fields.count)")
        }
        var attributes: [String: Value] = [:]
        attributes.reserveCapacity(fields.count)
        for (i, cell) in fields.enumerated() {
            do throws(CellTyping.Failure) {
                if let value = try CellTyping.value(of: cell, column: columns[i], type: types[i]) {
                    attributes[columns[i]] = value
                }
            } catch {
                return bad(error.message)
            }
        }
        return check(id: id, email: trimmed(fields[emailIndex]), attributes: &attributes, line: record.line)
    }

    private func convert(_ line: JSONLine) -> ProfileItem {
        let object: Dict
        switch line.result {
        case .failure(let error): return .bad(BadRow(file: path, line: line.line, reason: error.message))
        case .success(let o): object = o
        }
        var attributes: [String: Value] = [:]
        attributes.reserveCapacity(object.count)
        var id = ""
        var email = ""
        for (key, value) in zip(object.keys, object.values) {
            guard let name = key.stringValue else { continue }
            var value = value
            if case .string(let text) = value, case let type = columnType(name), type != .string {
                do throws(CellTyping.Failure) {
                    switch type {
                    case .auto:
                        if ISOParser.looksLikeDate(text), let temporal = Temporal.value(parsing: text) { value = temporal }
                    default:
                        guard let typed = try CellTyping.value(of: text, column: name, type: type) else {
                            continue
                        }
                        value = typed
                    }
                } catch {
                    return .bad(BadRow(file: path, line: line.line, reason: error.message))
                }
            }
            if case .none = value {
                // An explicit JSON null is Jinja's None, as the peers read it;
                // for the id and email it means missing.
                if name != format.idColumn && name != format.emailColumn { attributes[name] = value }
                continue
            }
            if name == format.idColumn {
                switch value {
                case .string(let s): id = trimmed(s)
                case .int(let i): id = String(i)
                default:
                    return .bad(BadRow(
                        file: path, line: line.line,
                        reason: "'\(name)' must be a string or an integer, not \(JSONValueReader.describe(value))"))
                }
                value = .string(id)
            } else if name == format.emailColumn {
                guard case .string(let s) = value else {
                    return .bad(BadRow(
                        file: path, line: line.line,
                        reason: "'\(name)' must be a string, not \(JSONValueReader.describe(value))", recipientId: id))
                }
                email = trimmed(s)
            }
            attributes[name] = value
        }
        return check(id: id, email: email, attributes: &attributes, line: line.line)
    }

    /// The type of a JSON member, remembered by name: lines repeat the same
    /// keys, and working it out lowercases the name and tests its suffixes.
    private func columnType(_ name: String) -> ColumnType {
        if let known = knownTypes[name] { return known }
        let type = format.type(of: name)
        if knownTypes.count < 4096 { knownTypes[name] = type }
        return type
    }

    private func check(id: String, email: String, attributes: inout [String: Value], line: Int) -> ProfileItem {
        guard !id.isEmpty else {
            return .bad(BadRow(file: path, line: line, reason: "missing recipient id (column '\(format.idColumn)' is empty)"))
        }
        guard !email.isEmpty else {
            return .bad(BadRow(
                file: path, line: line, reason: "missing email (column '\(format.emailColumn)' is empty)", recipientId: id))
        }
        guard EmailAddress.isValid(email) else {
            return .bad(BadRow(file: path, line: line, reason: "invalid email '\(Self.shown(email))'", recipientId: id))
        }
        attributes[format.idColumn] = .string(id)
        attributes[format.emailColumn] = .string(email)
        return .profile(Profile(id: id, email: email, attributes: attributes, line: line))
    }

    private func trimmed(_ text: String) -> String {
        guard let first = text.utf8.first, let last = text.utf8.last,
            first == 0x20 || first == 0x09 || last == 0x20 || last == 0x09
        else { return text }
        return String(text.drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }

    /// A value as shown in a message: control characters escaped, long values cut.
    static func shown(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars.prefix(80) {
            switch scalar {
            case "\r": out += "\\r"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return text.unicodeScalars.count > 80 ? out + "…" : out
    }

    // MARK: Duplicates

    /// Why `id` repeats the id on line `first`. Ids compare as Swift strings do,
    /// by canonical equivalence, so `José` typed precomposed (NFC) and with a
    /// combining accent (NFD) are one id; the reason says so, since both print alike.
    private func duplicate(_ id: String, first: Int, firstID: String?) -> String {
        let spelling = firstID.map { $0.utf8.elementsEqual(id.utf8) } == false
            ? ", with the same characters in another Unicode normalization (NFC/NFD): normalize the ids" : ""
        return "duplicate recipient id '\(Self.shown(id))' (first on line \(first)\(spelling))"
    }

    private func duplicateReason(_ profile: Profile) -> String? {
        if var seen {
            if let first = seen[profile.id] {
                return duplicate(profile.id, first: first, firstID: seen.index(forKey: profile.id).map { seen.keys[$0] })
            }
            seen[profile.id] = profile.line
            self.seen = seen
            return nil
        }
        guard let last = lastId else {
            lastId = (profile.id, profile.line)
            return nil
        }
        if profile.id == last.id { return duplicate(profile.id, first: last.line, firstID: last.id) }
        if profile.id > last.id {
            lastId = (profile.id, profile.line)
            return nil
        }
        // Out of order: remember every id accepted so far, then go on with a set.
        var ids: [String: Int] = [:]
        if let again = try? ProfileReader(path: path, format: format, tracksDuplicates: false) {
            while let item = again.next() {
                guard case .profile(let p) = item else { continue }
                if p.line >= profile.line { break }
                ids[p.id] = p.line
            }
        }
        if let first = ids[profile.id] {
            seen = ids
            return duplicate(profile.id, first: first, firstID: ids.index(forKey: profile.id).map { ids.keys[$0] })
        }
        ids[profile.id] = profile.line
        seen = ids
        return nil
    }
}
