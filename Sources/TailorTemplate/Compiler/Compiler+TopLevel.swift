/// A template's top level as one closure.
///
/// `Runtime.renderRoot` runs the top level a statement at a time, because after
/// `{% extends %}` the statements left run with their output dropped. Calling
/// each statement out of the program's array retains and releases its closure
/// around the call; closures that capture the statements (as
/// ``Compiler/sequence(_:)`` builds them) call them without. A template with no
/// `extends` of its own runs this way.
///
/// Its top level can still meet an `extends`, in a macro imported from another
/// template. So after each statement the closure checks, as the loop does,
/// and when the render now has a parent it stops with ``TopLevelStop``, naming
/// the statement to go on from.
extension Compiler {
    static func topLevelSequence(_ list: ArraySlice<CompiledStmt>) -> Exec {
        let i = list.startIndex
        switch list.count {
        case 0:
            return { _ in }
        case 1:
            let a = list[i].run
            return { rt in
                try a(rt)
                try stopIfExtended(rt, next: i + 1)
            }
        case 2:
            let (a, b) = (list[i].run, list[i + 1].run)
            return { rt in
                try a(rt)
                try stopIfExtended(rt, next: i + 1)
                try b(rt)
                try stopIfExtended(rt, next: i + 2)
            }
        case 3:
            let (a, b, c) = (list[i].run, list[i + 1].run, list[i + 2].run)
            return { rt in
                try a(rt)
                try stopIfExtended(rt, next: i + 1)
                try b(rt)
                try stopIfExtended(rt, next: i + 2)
                try c(rt)
                try stopIfExtended(rt, next: i + 3)
            }
        case 4:
            let (a, b, c, d) = (list[i].run, list[i + 1].run, list[i + 2].run, list[i + 3].run)
            return { rt in
                try a(rt)
                try stopIfExtended(rt, next: i + 1)
                try b(rt)
                try stopIfExtended(rt, next: i + 2)
                try c(rt)
                try stopIfExtended(rt, next: i + 3)
                try d(rt)
                try stopIfExtended(rt, next: i + 4)
            }
        default:
            // Groups check their own statements; the tree over them need not.
            let size = (list.count + 3) / 4
            let parts = stride(from: i, to: list.endIndex, by: size).map { start in
                CompiledStmt(run: topLevelSequence(list[start..<min(start + size, list.endIndex)]))
            }
            return sequence(parts[...])
        }
    }

    @inline(__always)
    private static func stopIfExtended(_ rt: Runtime, next: Int) throws {
        if rt.pendingParent != nil { throw TopLevelStop(next: next) }
    }
}

/// A top level run as one closure met an `extends`: the statements from
/// `next` on are to run with their output dropped, as after any `extends`.
struct TopLevelStop: Error {
    let next: Int
}
