public import TailorData
public import TailorTemplate

/// Recommendations for one run: the catalog, the purchase indexes and the
/// strategies, shared by every recipient and every thread.
///
/// Per run, build it and register `recommend` before templates compile; per
/// recipient, put a session in the render context:
///
/// ```swift
/// let recommender = try Recommender.load(catalog: "data/catalog.csv", events: "data/events.jsonl")
/// let templates = try CampaignTemplates.compile(campaign, environmentSetup: recommender.register(in:))
/// // for each recipient:
/// var context = assignment.context
/// recommender.attachSession(to: &context, recipientID: profile.id, history: history)
/// let html = try templates.html.render(context)   // may throw TemplateError(.skipped, ...)
/// ```
public final class Recommender: Sendable {
    /// Settings of a run beyond the files.
    public struct Options: Sendable {
        /// The profile column holding `external` picks (ids separated by `;`, `|`, `,` or spaces).
        public var externalColumn = "recommended_products"
        /// The profile column `affinity` falls back on when a recipient has no events.
        public var categoryAttribute: String? = "top_category"
        /// `limit` when a `recommend()` call gives none.
        public var defaultLimit = 4
        /// The largest `limit` a block may ask for.
        public var maxLimit = 100

        public init() {}
    }

    /// The context name the render pipeline puts a recipient's session under.
    public static let contextKey = "_recommendations"

    public let catalog: Catalog
    public let indexes: PurchaseIndexes
    public let external: ExternalRecommendations?
    public let options: Options
    /// Bad lines of the events file the indexes were built from.
    public let eventBadRows: BadRowLog
    /// Every strategy by the name templates use.
    public let strategies: [String: any Strategy]
    /// Product dicts by strategy and catalog index, made once (small catalogs only).
    private let productValues: [String: [Value]]

    /// The six built-in strategies, plus `extra` ones (which may replace a built-in by name).
    public init(
        catalog: Catalog, indexes: PurchaseIndexes, external: ExternalRecommendations? = nil,
        options: Options = Options(), extra: [any Strategy] = [], eventBadRows: BadRowLog = BadRowLog()
    ) {
        self.catalog = catalog
        self.eventBadRows = eventBadRows
        self.indexes = indexes
        self.external = external
        self.options = options
        let all: [any Strategy] = [
            CartStrategy(), ViewedStrategy(), AffinityStrategy(indexes: indexes), AlsoBoughtStrategy(indexes: indexes),
            BestsellersStrategy(indexes: indexes), ExternalStrategy(),
        ] + extra
        strategies = Dictionary(all.map { ($0.name, $0) }, uniquingKeysWith: { _, later in later })
        productValues = catalog.count * strategies.count <= 100_000
            ? strategies.keys.reduce(into: [:]) { table, name in table[name] = catalog.products.map { $0.value(strategy: name) } }
            : [:]
    }

    /// Reads the catalog, builds the indexes from every purchase in `events`,
    /// and reads `external` picks when given. Bad rows are in
    /// `catalog.badRows`, ``eventBadRows`` and `external?.badRows`.
    public static func load(
        catalog catalogPath: String, events: String?, external externalPath: String? = nil,
        idColumn: String = "recipient_id", options: Options = Options()
    ) throws(DataFileError) -> Recommender {
        let catalog = try Catalog.load(path: catalogPath)
        var indexes = PurchaseIndexes.empty(for: catalog)
        var eventBadRows = BadRowLog()
        if let events { (indexes, eventBadRows) = try PurchaseIndexes.build(catalog: catalog, eventsPath: events) }
        let external = try externalPath.map { path throws(DataFileError) in
            try ExternalRecommendations.load(path: path, catalog: catalog, idColumn: idColumn)
        }
        return Recommender(catalog: catalog, indexes: indexes, external: external, options: options, eventBadRows: eventBadRows)
    }

    // MARK: - Per recipient

    /// A recipient's session. Cheap: the events are resolved on first use.
    /// `attributes` are the profile's (for `external` picks from a column and
    /// `affinity`'s fallback category).
    public func session(
        recipientID: String, history: EventHistory, attributes: [String: Value] = [:], tracing: Bool = false
    ) -> RecommendationSession {
        RecommendationSession(
            recipientID: recipientID, history: history, attributes: attributes, recommender: self, tracing: tracing)
    }

    /// Makes a session and puts it in `context` under ``contextKey``.
    @discardableResult
    public func attachSession(
        to context: inout [String: Value], recipientID: String, history: EventHistory, tracing: Bool = false
    ) -> RecommendationSession {
        let session = session(recipientID: recipientID, history: history, attributes: context, tracing: tracing)
        context[Self.contextKey] = .object(session)
        return session
    }

    /// Makes a session from a render context alone: the recipient id from
    /// `idKey` and the events from `events` (as ``EventHistory/contextValues``
    /// puts them there), for pipelines that have the context but not the
    /// history. Returns nil when the context has no id.
    @discardableResult
    public func attachSession(
        to context: inout [String: Value], idKey: String = "recipient_id", tracing: Bool = false
    ) -> RecommendationSession? {
        guard let id = context[idKey]?.stringValue ?? context[idKey].map({ $0.displayString }) else { return nil }
        return attachSession(to: &context, recipientID: id, history: EventHistory(contextEvents: context["events"]), tracing: tracing)
    }

    /// Resolves one recipient's events and picks.
    func signals(recipientID: String, history: EventHistory, attributes: [String: Value]) -> RecipientSignals {
        var signals = RecipientSignals(
            recipientID: recipientID, history: history, attributes: attributes, catalog: catalog,
            categoryAttribute: options.categoryAttribute)
        if let external, case let picks = external.picks(for: recipientID), !picks.isEmpty {
            signals.external = picks
            signals.externalSource = external.path
        } else if let cell = attributes[options.externalColumn] {
            let ids: [String] =
                switch cell {
                case .list(let items), .tuple(let items): items.compactMap(\.stringValue)
                default: cell.displayString.split(whereSeparator: { ";|, \t".contains($0) }).map(String.init)
                }
            signals.external = ids.compactMap { catalog.index(of: $0) }
            signals.externalSource = "the profile column '\(options.externalColumn)'"
        }
        return signals
    }

    /// The dict a template sees for `product` picked by `strategy`.
    func value(of product: Int32, strategy: String) -> Value {
        productValues[strategy]?[Int(product)] ?? catalog[product].value(strategy: strategy)
    }
}
