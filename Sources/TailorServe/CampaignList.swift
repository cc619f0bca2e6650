import TailorSegments
import Foundation
import TailorTemplate

/// The body of `GET /v1/campaigns`: what is served, and what failed to compile.
///
/// ```json
/// {"campaigns": [{"name": "spring_sale", "folder": "templates/spring_sale",
///                 "compiled_at": "2026-01-15T09:00:00Z", "segments": [...]}],
///  "generation": 2,
///  "errors": [{"folder": "templates/broken", "message": "...", "template": "email.html",
///              "line": 4, "column": 9, "serving_previous": true}]}
/// ```
enum CampaignList {
    static func json(_ snapshot: CatalogSnapshot) -> Value {
        let campaigns = snapshot.names.compactMap { snapshot.campaigns[$0] }.map { campaign -> Value in
            let file = campaign.assigner.file
            var pairs: [(String, Value)] = [
                ("name", .string(campaign.name)),
                ("folder", .string(campaign.folder)),
                ("compiled_at", .string(timestamp(campaign.compiledAt))),
                ("segments", .list(file.namesByPriority.map(Value.string))),
                ("default_segment", .string(file.defaultSegment)),
                ("external_segments", .list(campaign.externalSegments.sorted().map(Value.string))),
            ]
            if let note = campaign.populationNote { pairs.append(("population_note", .string(note))) }
            return JSONResponse.object(pairs)
        }
        let errors = snapshot.problems.keys.sorted().compactMap { snapshot.problems[$0] }.map { problem -> Value in
            var pairs: [(String, Value)] = [("folder", .string(problem.folder)), ("message", .string(problem.message))]
            if let template = problem.template { pairs.append(("template", .string(template))) }
            if let line = problem.line { pairs.append(("line", .int(line))) }
            if let column = problem.column { pairs.append(("column", .int(column))) }
            pairs.append(("at", .string(timestamp(problem.at))))
            pairs.append(("serving_previous", .bool(problem.servedName != nil)))
            return JSONResponse.object(pairs)
        }
        return JSONResponse.object([
            ("campaigns", .list(campaigns)), ("generation", .int(snapshot.generation)), ("errors", .list(errors)),
        ])
    }

    private static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: date)
    }
}
