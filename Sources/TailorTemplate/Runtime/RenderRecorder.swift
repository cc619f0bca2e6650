/// What a render did, for validation and previews: which template line
/// produced which output bytes, and the path taken through the template's
/// conditionals and loops (its structural variant).
///
/// Pass one to `Template.render(_:into:recorder:)`; without one, rendering
/// records nothing and pays nothing.
///
/// ```swift
/// let recorder = RenderRecorder()
/// try template.render(context, into: &html, recorder: recorder)
/// recorder.location(ofOutputOffset: 1234)   // email.html:42:7
/// recorder.variant                           // "3f9a…": the same for recipients who took the same path
/// ```
public final class RenderRecorder: @unchecked Sendable {
    /// Where a run of output came from.
    public struct Mark: Sendable, Equatable {
        /// Offset in the output where this run starts.
        public var offset: Int
        public var template: String
        public var line: Int
        public var column: Int
        /// Static text: its own line breaks are the template's, so a position
        /// inside it maps to a line further down.
        public var isStatic: Bool
    }

    /// A template location.
    public struct Location: Sendable, Equatable, CustomStringConvertible {
        public var template: String
        public var line: Int
        public var column: Int
        public var description: String { "\(template):\(line):\(column)" }
    }

    public private(set) var marks: [Mark] = []
    /// The decisions taken, in order: (site, choice). A site is an `if` (choice:
    /// the branch taken, -1 for none) or a loop (choice: its iteration count).
    public private(set) var decisions: [(site: UInt64, choice: Int)] = []
    /// The output the marks index; set by the render.
    private var output: [UInt8] = []

    public init() {}

    func mark(_ offset: Int, _ source: SourceFile, _ span: Span, isStatic: Bool) {
        if let last = marks.last, last.offset == offset { marks.removeLast() }
        marks.append(
            Mark(offset: offset, template: source.name, line: Int(span.line), column: Int(span.column), isStatic: isStatic))
    }

    func decide(_ site: UInt64, _ choice: Int) {
        decisions.append((site, choice))
    }

    /// What a stretch of rendering recorded, kept with a memoized macro's output
    /// so that replaying the output replays the decisions and marks with it.
    struct Trace: Sendable {
        var decisions: [(site: UInt64, choice: Int)]
        /// Marks with offsets relative to where the stretch's output began.
        var marks: [Mark]
    }

    /// The decisions and marks recorded since the counts given (taken before
    /// the stretch), with mark offsets made relative to `outputStart`.
    func trace(decisionsFrom decisionStart: Int, marksFrom markStart: Int, outputStart: Int) -> Trace {
        let decided = Array(decisions[min(decisionStart, decisions.count)...])
        let marked = marks[min(markStart, marks.count)...].map { mark in
            var mark = mark
            mark.offset -= outputStart
            return mark
        }
        return Trace(decisions: decided, marks: marked)
    }

    /// Records `trace` again, for output copied to `offset`.
    func replay(_ trace: Trace, at offset: Int, withMarks: Bool) {
        decisions.append(contentsOf: trace.decisions)
        guard withMarks else { return }
        for mark in trace.marks {
            var mark = mark
            mark.offset += offset
            if let last = marks.last, last.offset == mark.offset { marks.removeLast() }
            marks.append(mark)
        }
    }

    func finish(output: [UInt8]) {
        self.output = output
    }

    /// The template line and column that wrote the output byte at `offset`.
    public func location(ofOutputOffset offset: Int) -> Location? {
        var lo = 0
        var hi = marks.count - 1
        var found: Int? = nil
        while lo <= hi {
            let mid = (lo + hi) / 2
            if marks[mid].offset <= offset {
                found = mid
                lo = mid + 1
            } else {
                hi = mid - 1
            }
        }
        guard let index = found else { return nil }
        let mark = marks[index]
        guard mark.isStatic, offset <= output.count else {
            return Location(template: mark.template, line: mark.line, column: mark.column)
        }
        var line = mark.line
        var column = mark.column
        var i = mark.offset
        while i < offset {
            if output[i] == 10 {
                line += 1
                column = 1
            } else if output[i] & 0xC0 != 0x80 {
                column += 1
            }
            i += 1
        }
        return Location(template: mark.template, line: line, column: column)
    }

    /// The output offset of a 1-based line and column of the output itself
    /// (libxml2 reports positions in the rendered HTML), for `location(ofOutputOffset:)`.
    public func outputOffset(ofLine line: Int, column: Int) -> Int? {
        var current = 1
        var i = 0
        while current < line {
            guard i < output.count else { return nil }
            if output[i] == 10 { current += 1 }
            i += 1
        }
        return min(i + max(0, column - 1), output.count)
    }

    /// A short name for the path taken: equal for renders that took the same
    /// branches and looped the same number of times.
    public var variant: String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for (site, choice) in decisions {
            for part in [site, UInt64(bitPattern: Int64(choice))] {
                hash ^= part
                hash = hash &* 0x0000_0100_0000_01b3
                hash ^= hash >> 29
            }
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}

extension Compiler {
    /// A stable number for a statement: template name and offset.
    func site(_ span: Span) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in source.name.utf8 {
            hash ^= UInt64(b)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        hash ^= UInt64(span.offset)
        return hash &* 0x0000_0100_0000_01b3
    }
}
