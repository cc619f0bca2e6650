public import TailorData
import TailorTemplate

/// Product ids per recipient computed outside tailor (a model's output), read
/// from a CSV file for the `external` strategy.
///
/// Two shapes are accepted: one row per recipient with the ids in one cell
/// (`recipient_id,product_ids` with `P1;P7;P3`, also separated by `|`, `,` or
/// spaces), or one row per pick (`recipient_id,product_id`, optionally with a
/// `rank` column; otherwise file order). Rows with an unknown product id,
/// a missing recipient id or a bad rank are reported with their line and
/// skipped; the rest of the file still counts.
///
/// ```csv
/// recipient_id,product_ids
/// R0000001,P00012;P00450;P00007
/// ```
public struct ExternalRecommendations: Sendable {
    /// The file, as named in reasons.
    public let path: String
    public let badRows: BadRowLog
    private let picks: [String: [Int32]]

    public init(path: String, picks: [String: [Int32]], badRows: BadRowLog = BadRowLog()) {
        self.path = path
        self.picks = picks
        self.badRows = badRows
    }

    /// Recipients with at least one pick.
    public var count: Int { picks.count }

    /// The picks for `recipientID`, in order; empty when the file has none.
    public func picks(for recipientID: String) -> [Int32] { picks[recipientID] ?? [] }

    /// Reads `path`, resolving ids against `catalog`.
    public static func load(path: String, catalog: Catalog, idColumn: String = "recipient_id") throws(DataFileError) -> ExternalRecommendations {
        let reader = try CSVReader(path: path, role: "external recommendations")
        guard let header = reader.next() else {
            throw DataFileError(path: path, role: "external recommendations", reason: "the file is empty: expected a header row")
        }
        let names = header.fields.map { $0.trimmingSpaces.lowercased() }
        guard let idIndex = names.firstIndex(of: idColumn.lowercased()) ?? names.firstIndex(of: "recipient") else {
            throw DataFileError(
                path: path, role: "external recommendations",
                reason: "the header has no '\(idColumn)' column", line: header.line)
        }
        let listIndex = names.firstIndex(of: "product_ids")
        guard let productIndex = listIndex ?? names.firstIndex(of: "product_id") else {
            throw DataFileError(
                path: path, role: "external recommendations",
                reason: "the header needs a 'product_ids' column (ids separated by ';') or a 'product_id' column (one per row)",
                line: header.line)
        }
        let rankIndex = listIndex == nil ? names.firstIndex(of: "rank") : nil
        var ranked: [String: [(rank: Double, order: Int, product: Int32)]] = [:]
        var bad = BadRowLog()
        var order = 0
        while let record = reader.next() {
            func reject(_ reason: String, _ id: String? = nil) {
                bad.append(BadRow(file: path, line: record.line, reason: reason, recipientId: id))
            }
            if let problem = record.problem { reject(problem); continue }
            guard record.fields.count == names.count else {
                reject("expected \(names.count) fields as in the header, found \(record.fields.count)")
                continue
            }
            let id = record.fields[idIndex].trimmingSpaces
            guard !id.isEmpty else { reject("missing recipient id"); continue }
            let cell = record.fields[productIndex]
            let ids = listIndex == nil
                ? [cell.trimmingSpaces]
                : cell.split(whereSeparator: { ";|, \t".contains($0) }).map(String.init)
            var rank = Double(order)
            if let rankIndex {
                guard let r = Double(record.fields[rankIndex].trimmingSpaces) else {
                    reject("rank '\(record.fields[rankIndex])' is not a number", id)
                    continue
                }
                rank = r
            }
            let unknown = ids.filter { catalog.index(of: $0) == nil }
            guard unknown.isEmpty, !ids.isEmpty, !ids[0].isEmpty else {
                reject(ids.first?.isEmpty ?? true
                       ? "missing product id"
                       : "unknown product id\(unknown.count == 1 ? "" : "s") \(unknown.map { "'\($0)'" }.joined(separator: ", ")) (not in the catalog)",
                       id)
                continue
            }
            for product in ids {
                ranked[id, default: []].append((rank, order, catalog.index(of: product)!))
                order += 1
            }
        }
        let picks = ranked.mapValues { list in
            list.sorted { $0.rank != $1.rank ? $0.rank < $1.rank : $0.order < $1.order }.map(\.product)
        }
        return ExternalRecommendations(path: path, picks: picks, badRows: bad)
    }
}
