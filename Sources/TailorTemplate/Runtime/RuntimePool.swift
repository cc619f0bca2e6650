import Synchronization

/// Runtimes kept between the renders of an environment's templates, so that
/// a render does not allocate and free its runtime, output staging area,
/// locals stack and root context every time.
///
/// A send renders three templates per recipient; making those objects and
/// tearing them down again cost about as much as a short template's
/// rendering. A render takes a runtime here and gives it back when done
/// (``Runtime/finish()`` has released everything the render made); only a
/// runtime nothing else holds comes back, and ``Runtime/prepare(root:)``
/// puts it in the state a new one starts in.
final class RuntimePool: Sendable {
    /// A runtime waiting in the pool. A runtime belongs to one render on one
    /// thread: one in the pool belongs to none, and is referenced by nothing
    /// but the pool, so handing it to another thread is safe.
    private struct Idle: @unchecked Sendable {
        let runtime: Runtime
    }

    private let idle = Mutex<[Idle]>([])
    /// At most this many wait (more threads than this render at once only
    /// when the host runs that many workers); the rest are freed.
    static let capacity = 32

    /// A runtime for `environment` ready to render with `root`.
    func take(for environment: Environment, root: RootVariables) -> Runtime {
        if let kept = idle.withLock({ $0.popLast() }) {
            kept.runtime.prepare(root: root)
            return kept.runtime
        }
        return Runtime(environment: environment, root: root)
    }

    /// Takes back a finished runtime, unless something else still holds it.
    func give(_ runtime: inout Runtime) {
        guard isKnownUniquelyReferenced(&runtime) else { return }
        runtime.dropRootValues()
        let kept = Idle(runtime: runtime)
        idle.withLock { idle in
            if idle.count < Self.capacity { idle.append(kept) }
        }
    }
}
