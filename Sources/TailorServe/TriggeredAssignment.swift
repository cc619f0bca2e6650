import TailorData
import TailorSegments
import TailorTemplate

/// Segments for one triggered recipient: the campaign's rules, triggers and
/// population cuts (see ``LoadedCampaign``), plus the memberships the request
/// brings for segments that `segments.yml` marks `external:`.
///
/// A batch send reads external memberships from the assignment files; a
/// triggered request carries them instead (`"segments": ["likely_to_churn"]`).
/// A named segment is joined when its parent (`within:`) is joined too, and
/// the primary `segment` is then the first by priority, as in a batch. Naming
/// a segment that is not external is refused: its members follow from the
/// profile and events, not from the caller.
enum TriggeredAssignment {
    static func assign(_ request: RenderRequest, in campaign: LoadedCampaign) throws(ServiceError) -> Assignment {
        let file = campaign.assigner.file
        var assignment = campaign.assigner.assign(request.profile, history: request.events, external: .none)
        guard !request.externalSegments.isEmpty else { return assignment }

        for (i, name) in request.externalSegments.enumerated() where !campaign.externalSegments.contains(name) {
            let why = file.segment(named: name) == nil
                ? "there is no segment '\(name)' in \(file.path)"
                : "segment '\(name)' is computed from the profile and events; only 'external:' segments can be assigned"
            throw .invalidRequest(why, field: "segments[\(i)]")
        }
        var members = Set(assignment.segments)
        let requested = Set(request.externalSegments)
        // Parents come first in evaluation order, so one pass settles nesting.
        for i in file.evaluationOrder {
            let segment = file.segments[i]
            guard requested.contains(segment.name) else { continue }
            if let parent = segment.parent, !members.contains(parent) { continue }
            members.insert(segment.name)
        }
        let ordered = file.priorityOrder.map { file.segments[$0].name }.filter { members.contains($0) }
        assignment.segments = ordered
        assignment.segment = ordered.first ?? file.defaultSegment
        assignment.context["segment"] = .string(assignment.segment)
        assignment.context["segments"] = .list(ordered.map(Value.string))
        return assignment
    }
}
