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

    init(capacity: Int) {
        self.capacity = capacity
        base = .allocate(capacity: capacity)
    }

    deinit {
        // A document that failed half-way leaves its open containers here.
        base.deinitialize(count: count)
        base.deallocate()
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
        let larger = UnsafeMutablePointer<Element>.allocate(capacity: capacity * 2)
        larger.moveInitialize(from: base, count: count)
        base.deallocate()
        base = larger
        capacity *= 2
    }
}

/// An object key waiting on a ``JSONStack`` for its object to close, with the
/// digest that finds repeats. A key a
/// ``JSONKeyCache`` found has the cache's id for its bytes and no name of its
/// own (the cache has it); any other has the id -1.
struct JSONKey {
    var name: String
    var digest: UInt64
    var id: Int32 = -1

    /// Two keys with the same bytes (the caller has compared digests).
    func hasSameBytes(as other: borrowing JSONKey) -> Bool {
        if id >= 0 && other.id >= 0 { return id == other.id }
        return name.utf8.elementsEqual(other.name.utf8)
    }
}
