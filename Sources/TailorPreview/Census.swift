import TailorData
import TailorSegments

/// The one pass over the recipients: who lands in which variant, a sample of
/// each, and the coverage counts.
struct Census {
    let branched: [String]
    let defaultSegment: String
    /// The recipient asked for with `--recipient`.
    let wanted: String?
    var coverage = PreviewCoverage()
    /// Recipients by primary segment and by membership.
    var primary: [String: Int] = [:]
    var members: [String: Int] = [:]
    /// Recipients per variant key (a branched segment or the default).
    var perVariant: [String: Int] = [:]
    /// The first recipient whose primary segment gives each variant.
    var samples: [String: (Profile, Assignment)] = [:]
    /// For segments tested by membership (`'x' in segments`): the first member.
    var secondarySamples: [String: (Profile, Assignment)] = [:]
    var wantedSample: (Profile, Assignment)?

    init(branched: [String], defaultSegment: String, wanted: String?) {
        self.branched = branched
        self.defaultSegment = defaultSegment
        self.wanted = wanted
    }

    /// Every branched segment, then the default.
    var variantKeys: [String] {
        branched.contains(defaultSegment) ? branched : branched + [defaultSegment]
    }

    /// The variant a recipient gets: its primary segment when a template
    /// branches on it, the default otherwise.
    func variantKey(of assignment: Assignment) -> String {
        branched.contains(assignment.segment) ? assignment.segment : defaultSegment
    }

    mutating func observe(_ profile: Profile, _ assignment: Assignment) {
        coverage.record(id: profile.id, segments: assignment.segments)
        primary[assignment.segment, default: 0] += 1
        for name in assignment.segments { members[name, default: 0] += 1 }
        let key = variantKey(of: assignment)
        perVariant[key, default: 0] += 1
        if samples[key] == nil { samples[key] = (profile, assignment) }
        for name in assignment.segments where name != assignment.segment && branched.contains(name) {
            if secondarySamples[name] == nil { secondarySamples[name] = (profile, assignment) }
        }
        if let wanted, profile.id == wanted { wantedSample = (profile, assignment) }
    }
}
