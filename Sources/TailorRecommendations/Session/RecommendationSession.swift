import TailorData
public import TailorTemplate

/// One recipient's recommendations across the templates of their message.
///
/// The render pipeline makes one per recipient with
/// ``Recommender/session(recipientID:history:attributes:)`` and puts it in the
/// render context under ``Recommender/contextKey``; `recommend` finds it there.
/// Making one is cheap: the recipient's events are resolved against the
/// catalog on the first `recommend` call, and never when a template has none.
///
/// Within one render, later blocks never show what earlier blocks picked.
/// Each render (the HTML body, the text body, the subject) starts afresh, so
/// the text body's blocks pick what the HTML body's blocks did when they are
/// written in the same order.
///
/// A session is used by one render at a time (one thread), like the render's
/// context.
public final class RecommendationSession: ValueObject, @unchecked Sendable {
    public let recipientID: String
    let recommender: Recommender
    private let history: EventHistory
    private let attributes: [String: Value]
    private var cachedSignals: RecipientSignals?

    /// The render the last call came from; a different (or freed) one starts a new render.
    private weak var currentRender: Runtime?
    private var renders = 0
    private var shown = Set<Int32>()

    /// Whether blocks also record the candidates they passed over (for QA).
    public var tracing: Bool
    /// Every block of every render so far, in render order (kept only when tracing).
    public private(set) var blocks: [BlockResult] = []

    init(recipientID: String, history: EventHistory, attributes: [String: Value], recommender: Recommender, tracing: Bool) {
        self.recipientID = recipientID
        self.history = history
        self.attributes = attributes
        self.recommender = recommender
        self.tracing = tracing
    }

    /// The recipient's events resolved against the catalog (computed once).
    public var signals: RecipientSignals {
        if let cachedSignals { return cachedSignals }
        let signals = recommender.signals(recipientID: recipientID, history: history, attributes: attributes)
        cachedSignals = signals
        return signals
    }

    /// Picks for one block of the render `runtime` is running, remembering them
    /// so later blocks of that render skip them. Nil `runtime`: a new render.
    public func pick(
        _ chain: FallbackChain, minimum: Int, skipWhenShort: Bool, block: Int?, in runtime: Runtime?
    ) -> BlockResult {
        if runtime == nil || currentRender !== runtime {
            currentRender = runtime
            renders += 1
            shown.removeAll(keepingCapacity: true)
        }
        let (picks, rejections) = chain.pick(
            for: signals, catalog: recommender.catalog, shown: shown, trace: tracing)
        let outcome: BlockResult.Outcome =
            picks.count < minimum ? (skipWhenShort ? .skipped : .short) : picks.count < chain.limit ? .partial : .full
        if outcome != .short && outcome != .skipped {
            for pick in picks { shown.insert(pick.product) }
        }
        let result = BlockResult(
            render: renders, block: block, strategies: chain.strategies.map(\.name), limit: chain.limit,
            minimum: minimum, skipWhenShort: skipWhenShort, picks: picks, rejections: rejections, outcome: outcome)
        if tracing { blocks.append(result) }
        return result
    }

    public var typeName: String { "recommendations" }
    public var reprString: String { "<recommendations for \(recipientID)>" }
}
