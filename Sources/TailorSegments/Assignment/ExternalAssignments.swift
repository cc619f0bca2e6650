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
/// naming any other segment is a bad row, as is a row without an id.
public struct ExternalAssignments: Sendable {
    /// Per file, per recipient id, the segments assigned as bits (see ``bits``):
    /// about 40 bytes per recipient, whatever the number of segments.
    private var members: [String: [String: UInt64]] = [:]
    /// Per file, the bit of each segment that names it.
    private var bits: [String: [String: UInt64]] = [:]
    /// Bad rows across the files.
    public private(set) var badRows = BadRowLog()
    /// Assignments read, per file.
    public private(set) var rowCounts: [String: Int] = [:]

    public init() {}

    /// Reads every file the segments name.
    public static func load(for file: SegmentsFile) throws -> ExternalAssignments {
        var result = ExternalAssignments()
        var segmentsByFile: [String: Set<String>] = [:]
        for segment in file.segments {
            if let path = segment.externalFile { segmentsByFile[path, default: []].insert(segment.name) }
        }
        for (path, names) in segmentsByFile.sorted(by: { $0.key < $1.key }) {
            try result.read(path, allowed: names, from: file)
        }
        return result
    }

    private mutating func read(_ path: String, allowed: Set<String>, from file: SegmentsFile) throws {
        let reader = try CSVReader(path: path, role: "assignments")
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
        guard allowed.count <= 64 else {
            throw DataFileError(path: path, role: "assignments", reason: "more than 64 segments name this file; split it")
        }
        var bit: [String: UInt64] = [:]
        for (i, name) in allowed.sorted().enumerated() { bit[name] = 1 << UInt64(i) }
        var table: [String: UInt64] = [:]
        var count = 0
        while let record = reader.next() {
            func bad(_ reason: String) { badRows.append(BadRow(file: path, line: record.line, reason: reason)) }
            if let problem = record.problem { bad(problem); continue }
            guard record.fields.count == header.fields.count else {
                bad("expected \(header.fields.count) fields as in the header, found \(record.fields.count)")
                continue
            }
            let id = record.fields[idIndex]
            let segment = record.fields[segmentIndex]
            guard !id.isEmpty else { bad("missing recipient id"); continue }
            guard allowed.contains(segment) else {
                let known = allowed.sorted().joined(separator: ", ")
                bad("segment '\(segment)' is not one that names this file with 'external:' in \(file.path) (those are: \(known))")
                continue
            }
            guard table[id, default: 0] & bit[segment]! == 0 else {
                bad("'\(id)' is already assigned to '\(segment)' in this file")
                continue
            }
            table[id, default: 0] |= bit[segment]!
            count += 1
        }
        members[path] = table
        bits[path] = bit
        rowCounts[path] = count
    }

    /// Whether the file assigns `segment` to recipient `id`.
    public func assigns(_ id: String, to segment: String, in path: String) -> Bool {
        guard let mask = members[path]?[id], let bit = bits[path]?[segment] else { return false }
        return mask & bit != 0
    }
}
