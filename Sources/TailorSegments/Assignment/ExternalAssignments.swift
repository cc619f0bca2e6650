public import TailorData

/// Memberships computed elsewhere (a clustering or propensity model), read
/// from CSV files of recipient id and segment:
///
/// ```csv
/// recipient_id,segment
/// R0000004,likely_to_churn
/// ```
///
/// Each file belongs to the segments that name it with `external:`; a row
/// naming any other segment is a bad row, as is a row without an id. Like
/// events, a file is joined in one stream when it lists recipients in the
/// profiles' order, and through an in-memory index (a bit mask per id)
/// otherwise.
public final class ExternalJoin {
    public let path: String
    public let mode: EventJoin.Mode
    /// The bit of each segment that names this file.
    public let bits: [String: UInt64]
    public private(set) var badRows = BadRowLog()
    /// Assignments read.
    public private(set) var rowCount = 0
    /// Assignments whose recipient is not among the profiles.
    public private(set) var unmatched = 0
    /// Assignments that came before the profiles reached their recipient (aligned mode).
    public private(set) var outOfOrder = 0
    /// Whether every assignment went to its recipient or was recognised as a stranger's.
    public var isAligned: Bool { mode == .indexed || outOfOrder == 0 }

    private let reader: CSVReader
    private let columns: (id: Int, segment: Int, count: Int)
    private let segmentsFile: String
    private var pending: (id: String, bit: UInt64, line: Int)?
    private var order = ProfileOrder()
    private var skipped = 0
    private var table: [String: (mask: UInt64, used: Bool)] = [:]

    /// Opens `path` for the segments in `allowed`.
    public init(path: String, allowed: Set<String>, mode: EventJoin.Mode, segmentsFile: String) throws(DataFileError) {
        self.path = path
        self.mode = mode
        self.segmentsFile = segmentsFile
        guard allowed.count <= 64 else {
            throw DataFileError(path: path, role: "assignments", reason: "more than 64 segments name this file; split it")
        }
        var bits: [String: UInt64] = [:]
        for (i, name) in allowed.sorted().enumerated() { bits[name] = 1 << UInt64(i) }
        self.bits = bits
        reader = try CSVReader(path: path, role: "assignments")
        guard let header = reader.next() else {
            throw DataFileError(path: path, role: "assignments", reason: "the file is empty: expected a header 'recipient_id,segment'")
        }
        guard let idIndex = header.fields.firstIndex(where: { ["recipient_id", "id"].contains($0) }),
            let segmentIndex = header.fields.firstIndex(of: "segment")
        else {
            throw DataFileError(
                path: path, role: "assignments",
                reason: "the header must name a 'recipient_id' and a 'segment' column, found: \(header.fields.joined(separator: ", "))",
                line: header.line)
        }
        columns = (idIndex, segmentIndex, header.fields.count)
        if mode == .indexed {
            while let row = nextRow() {
                let entry = table[row.id] ?? (0, false)
                if entry.mask & row.bit != 0 {
                    duplicate(row)
                    continue
                }
                table[row.id] = (entry.mask | row.bit, false)
            }
        }
    }

    /// The bits of the segments assigned to `id` (0 when none).
    public func mask(for id: String) -> UInt64 {
        switch mode {
        case .indexed:
            guard let entry = table[id] else { return 0 }
            table[id]!.used = true
            return entry.mask
        case .aligned:
            order.visit(id)
            if !order.ascending, skipped > 0 {
                outOfOrder += skipped
                skipped = 0
            }
            if pending == nil { pending = nextRow() }
            while let row = pending, order.isBehind(row.id) {
                passedBy(row.id)
                pending = nextRow()
            }
            var mask: UInt64 = 0
            while let row = pending, row.id == id {
                if mask & row.bit != 0 { duplicate(row) }
                mask |= row.bit
                pending = nextRow()
            }
            return mask
        }
    }

    /// Reads what is left and counts the assignments no recipient took.
    public func finish() {
        switch mode {
        case .aligned:
            if pending == nil { pending = nextRow() }
            while let row = pending {
                passedBy(row.id)
                pending = nextRow()
            }
        case .indexed:
            for entry in table.values where !entry.used { unmatched += entry.mask.nonzeroBitCount }
        }
    }

    private func passedBy(_ id: String) {
        switch order.verdict(on: id) {
        case .unknownRecipient:
            unmatched += 1
            skipped += 1
        case .outOfOrder: outOfOrder += 1
        }
    }

    private func duplicate(_ row: (id: String, bit: UInt64, line: Int)) {
        let segment = bits.first { $0.value == row.bit }!.key
        badRows.append(BadRow(file: path, line: row.line, reason: "'\(row.id)' is already assigned to '\(segment)' in this file"))
        rowCount -= 1
    }

    private func nextRow() -> (id: String, bit: UInt64, line: Int)? {
        while let record = reader.next() {
            func bad(_ reason: String) { badRows.append(BadRow(file: path, line: record.line, reason: reason)) }
            if let problem = record.problem { bad(problem); continue }
            guard record.fields.count == columns.count else {
                bad("expected \(columns.count) fields as in the header, found \(record.fields.count)")
                continue
            }
            let id = record.fields[columns.id]
            let segment = record.fields[columns.segment]
            guard !id.isEmpty else { bad("missing recipient id"); continue }
            guard let bit = bits[segment] else {
                let known = bits.keys.sorted().joined(separator: ", ")
                bad("segment '\(segment)' is not one that names this file with 'external:' in \(segmentsFile) (those are: \(known))")
                continue
            }
            rowCount += 1
            return (id, bit, record.line)
        }
        return nil
    }
}

/// The external assignment files of one pass, joined recipient by recipient.
public final class ExternalAssignments {
    public private(set) var joins: [ExternalJoin] = []

    /// Opens every file `file` names, each in its `modes` entry (aligned by default).
    public init(for file: SegmentsFile, modes: [String: EventJoin.Mode] = [:]) throws {
        var segmentsByFile: [String: Set<String>] = [:]
        for segment in file.segments {
            if let path = segment.externalFile { segmentsByFile[path, default: []].insert(segment.name) }
        }
        for (path, names) in segmentsByFile.sorted(by: { $0.key < $1.key }) {
            joins.append(try ExternalJoin(path: path, allowed: names, mode: modes[path] ?? .aligned, segmentsFile: file.path))
        }
    }

    /// Recipient `id`'s external memberships; call once per recipient, in profile order.
    public func memberships(for id: String) -> ExternalMemberships {
        var masks: [String: UInt64] = [:]
        for join in joins {
            let mask = join.mask(for: id)
            if mask != 0 { masks[join.path] = mask }
        }
        return ExternalMemberships(masks: masks, bits: Dictionary(uniqueKeysWithValues: joins.map { ($0.path, $0.bits) }))
    }

    public func finish() {
        for join in joins { join.finish() }
    }

    /// Bad rows of every file, in file order.
    public var badRows: BadRowLog {
        var log = BadRowLog()
        for join in joins { for row in join.badRows.rows { log.append(row) } }
        return log
    }
}

/// One recipient's external memberships.
public struct ExternalMemberships: Sendable {
    var masks: [String: UInt64]
    var bits: [String: [String: UInt64]]

    public static let none = ExternalMemberships(masks: [:], bits: [:])

    /// Whether the file at `path` assigns `segment`.
    public func contains(_ segment: String, in path: String) -> Bool {
        guard let mask = masks[path], let bit = bits[path]?[segment] else { return false }
        return mask & bit != 0
    }
}
