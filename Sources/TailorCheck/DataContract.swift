import TailorTemplate

/// Per primary segment, how many recipients lack each attribute the
/// templates read, with the first few line numbers: counted over the whole
/// profiles file in one pass, judged once each variant's needs are known.
struct DataContract {
    struct Tally {
        var missing = 0
        var examples: [Int] = []
    }

    /// The attributes the templates read (no need to count others).
    let attributes: [String]
    private(set) var recipients: [String: Int] = [:]
    private(set) var tallies: [String: [String: Tally]] = [:]
    static let examples = 3

    init(attributes: Set<String>) {
        self.attributes = attributes.sorted()
    }

    mutating func observe(segment: String, context: [String: Value], line: Int) {
        recipients[segment, default: 0] += 1
        for attribute in attributes where context[attribute] == nil {
            var tally = tallies[segment, default: [:]][attribute, default: Tally()]
            tally.missing += 1
            if tally.examples.count < Self.examples { tally.examples.append(line) }
            tallies[segment, default: [:]][attribute] = tally
        }
    }

    /// The recipients of `segment` lacking each of `needs`, when any do.
    func gaps(segment: String, needs: [String]) -> [CheckReport.Gap] {
        needs.compactMap { attribute in
            guard let tally = tallies[segment]?[attribute], tally.missing > 0 else { return nil }
            return CheckReport.Gap(
                segment: segment, attribute: attribute, missing: tally.missing, recipients: recipients[segment] ?? 0,
                exampleLines: tally.examples)
        }
    }
}
