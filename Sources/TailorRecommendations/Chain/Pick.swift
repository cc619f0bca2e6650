/// A product a block shows, the strategy that filled its slot, and why.
public struct Pick: Sendable, Equatable {
    public var product: Int32
    public var strategy: String
    public var reason: Reason
}

/// Why a candidate a strategy offered was passed over.
public enum Exclusion: String, Sendable, Equatable {
    case purchased = "already bought"
    case outOfStock = "out of stock"
    case shownEarlier = "shown by an earlier block"
    case pickedInBlock = "already in this block"
}

/// A candidate passed over, for QA.
public struct Rejection: Sendable, Equatable {
    public var product: Int32
    public var strategy: String
    public var exclusion: Exclusion
}
