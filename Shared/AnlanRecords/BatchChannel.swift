import DequeModule
import Foundation

/// Hands batches from one producer thread to one consumer thread, holding at most `capacity` batches,
/// so parsing a big CSV file runs on one core while SQLite writes on the other.
///
/// Both sides block (on a condition variable): use it between plain threads — the producer's own
/// `Thread` and GRDB's writer queue — never on the Swift concurrency pool.
public final class BatchChannel<Element: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var batches = Deque<[Element]>()
    private var finished = false
    private var cancelled = false
    private let capacity: Int

    public init(capacity: Int) {
        self.capacity = capacity
    }

    /// Waits for room and queues `batch`; false once the consumer has cancelled (stop producing).
    @discardableResult
    public func send(_ batch: [Element]) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while batches.count >= capacity && !cancelled { condition.wait() }
        guard !cancelled else { return false }
        batches.append(batch)
        condition.broadcast()
        return true
    }

    /// No more batches will come.
    public func finish() {
        condition.lock()
        finished = true
        condition.broadcast()
        condition.unlock()
    }

    /// The next batch, waiting for one; nil when the producer has finished and everything was taken.
    public func receive() -> [Element]? {
        condition.lock()
        defer { condition.unlock() }
        while batches.isEmpty && !finished && !cancelled { condition.wait() }
        guard !cancelled, let batch = batches.popFirst() else { return nil }
        condition.broadcast()
        return batch
    }

    /// The consumer stops: the producer's next `send` returns false.
    public func cancel() {
        condition.lock()
        cancelled = true
        batches.removeAll()
        condition.broadcast()
        condition.unlock()
    }
}
