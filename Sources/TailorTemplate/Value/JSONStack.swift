/// Keys or values a ``JSONParser`` has read but not yet put in their array,
/// object or render context.
///
/// One buffer serves the whole document: a container's elements are pushed as
/// they are read, then moved (not copied) into a collection sized once, so no
/// container grows by reallocation and no element is retained and released on
/// the way. The parser keeps values on one stack and object keys on another.
struct JSONStack<Element>: ~Copyable {
    private var base: UnsafeMutablePointer<Element>
    private var capacity: Int
    /// How many elements are on the stack.
    private(set) var count = 0
    /// Where the buffer comes from and goes back to, if it is reused.
    private unowned(unsafe) let pool: JSONStackPool?
    private let slot: Int

    /// A stack with room for `capacity` elements to start with, its buffer
    /// taken from `pool` (whose `slot` holds buffers of this element type)
    /// and given back at the end, or allocated and freed.
    init(capacity: Int, pool: JSONStackPool? = nil, slot: Int = 0) {
        self.pool = pool
        self.slot = slot
        if let (buffer, kept) = pool?.take(slot) {
            base = buffer.assumingMemoryBound(to: Element.self)
            self.capacity = kept
        } else {
            base = .allocate(capacity: capacity)
            self.capacity = capacity
        }
    }

    deinit {
        // A document that failed half-way leaves its open containers here.
        base.deinitialize(count: count)
        if let pool {
            pool.give(UnsafeMutableRawPointer(base), capacity: capacity, to: slot)
        } else {
            base.deallocate()
        }
    }

    @inline(__always) mutating func push(_ element: consuming Element) {
        if count == capacity { grow() }
        (base + count).initialize(to: element)
        count += 1
    }

    /// The element at `index`, left in place.
    subscript(index: Int) -> Element {
        _read { yield base[index] }
    }

    /// Overwrites the element at `index` (a repeated object key's new value).
    mutating func replace(at index: Int, with element: consuming Element) {
        base[index] = element
    }

    /// Moves the elements from `start` to the top, bottom first, through
    /// `transform` into an array.
    @inline(__always)
    mutating func popArray<T>(from start: Int, _ transform: (consuming Element) -> T) -> [T] {
        var array: [T] = []
        array.reserveCapacity(count - start)
        for i in start..<count { array.append(transform((base + i).move())) }
        count = start
        return array
    }

    /// Moves out the element at `index`, leaving its slot uninitialized: the
    /// caller takes every element from some start to the top, then calls
    /// ``removeTaken(from:)``.
    @inline(__always) mutating func take(_ index: Int) -> Element {
        (base + index).move()
    }

    /// Forgets the slots from `start` up, whose elements were all taken.
    mutating func removeTaken(from start: Int) {
        count = start
    }

    /// Removes (and destroys) the elements from `start` up.
    mutating func remove(from start: Int) {
        (base + start).deinitialize(count: count - start)
        count = start
    }

    private mutating func grow() {
        let larger = UnsafeMutablePointer<Element>.allocate(capacity: max(capacity * 2, 16))
        larger.moveInitialize(from: base, count: count)
        base.deallocate()
        base = larger
        capacity = max(capacity * 2, 16)
    }
}

/// An object key waiting on a ``JSONStack`` for its object to close, with the
/// digest that finds repeats. A key a ``JSONKeyCache`` found has the cache's
/// id for its bytes (the cache has its name); any other has the id -1, and
/// its name waits on a stack of its own. (A plain value, so stacks of keys
/// are dropped without destroying each.)
struct JSONKey {
    var digest: UInt64
    var id: Int32 = -1
}

/// Stack buffers kept between the records a ``JSONRecordReader`` reads, one
/// per slot (a slot always holds buffers of one element type), so that a
/// record does not allocate its stacks.
final class JSONStackPool {
    /// Larger buffers (elements) are freed rather than kept.
    static let largestKept = 1 << 16

    private var buffers: [(UnsafeMutableRawPointer, capacity: Int)?] = [nil, nil, nil]

    deinit {
        for case let (buffer, _)? in buffers { buffer.deallocate() }
    }

    func take(_ slot: Int) -> (UnsafeMutableRawPointer, Int)? {
        defer { buffers[slot] = nil }
        return buffers[slot].map { ($0.0, $0.capacity) }
    }

    func give(_ buffer: UnsafeMutableRawPointer, capacity: Int, to slot: Int) {
        guard buffers[slot] == nil, capacity <= Self.largestKept else {
            buffer.deallocate()
            return
        }
        buffers[slot] = (buffer, capacity)
    }
}
