import Foundation

/// A first-in first-out queue between threads that holds at most `capacity`
/// elements: `push` waits while it is full, `pop` while it is empty. After
/// ``close()``, `pop` drains what is left and then returns nil; after
/// ``cancel()``, `push` and `pop` return at once (false, nil).
final class BoundedQueue<Element>: @unchecked Sendable {
    private let capacity: Int
    private var elements: [Element] = []
    private var head = 0
    private var closed = false
    private var cancelled = false
    private let condition = NSCondition()

    init(capacity: Int) {
        precondition(capacity > 0)
        self.capacity = capacity
    }

    /// Adds `element`, waiting for room; false when the queue was cancelled.
    @discardableResult
    func push(_ element: Element) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while elements.count - head >= capacity && !cancelled { condition.wait() }
        guard !cancelled else { return false }
        precondition(!closed, "push after close")
        elements.append(element)
        condition.broadcast()
        return true
    }

    /// The oldest element, waiting for one; nil once closed and drained, or cancelled.
    func pop() -> Element? {
        condition.lock()
        defer { condition.unlock() }
        while head == elements.count && !closed && !cancelled { condition.wait() }
        guard !cancelled, head < elements.count else { return nil }
        let element = elements[head]
        head += 1
        if head >= 64, head * 2 >= elements.count {
            elements.removeFirst(head)
            head = 0
        }
        condition.broadcast()
        return element
    }

    /// No more pushes: poppers get what is left, then nil.
    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }

    /// Stops everyone now; what is queued is dropped.
    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }
}
