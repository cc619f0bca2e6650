import Synchronization

/// Where an attribute site (`p.name`) last found its key, to look there
/// first. The dicts one site sees mostly have one layout (the products of a
/// feed, a profile's address), so the guess saves the search of the keys
/// before it.
///
/// Only a guess: a lookup confirms that the key at the guessed position is
/// the one asked for, so a stale or racing hint (sites are shared by every
/// render, on any thread) costs a search and never a wrong value.
final class KeyPositionHint: Sendable {
    private let position = Atomic<Int>(0)

    var guess: Int {
        @inline(__always) get { position.load(ordering: .relaxed) }
    }

    @inline(__always)
    func remember(_ found: Int) {
        position.store(found, ordering: .relaxed)
    }
}
