import HeapModule
import NIOCore

/// The deadlines of one connection's requests behind a single event-loop timer.
///
/// NIO cancels a scheduled task by a linear search of its timer heap, so a timer per request would cost
/// O(requests in flight) on every answer. Here a request costs one heap insertion; answered requests are
/// not removed but skipped when they reach the top, and the heap is rebuilt if stale entries pile up.
struct DeadlineQueue {
    struct Entry: Comparable {
        let deadline: NIODeadline
        let id: UInt32
        static func < (a: Entry, b: Entry) -> Bool { a.deadline < b.deadline }
    }

    private var heap = Heap<Entry>()
    private var timer: Scheduled<Void>?
    private var timerDeadline: NIODeadline?

    /// Tracks `id` until `deadline`; `isLive` tells whether an entry's request is still waiting on it.
    /// Returns whether the timer must be re-armed (only when this deadline comes before the armed one).
    mutating func add(_ id: UInt32, _ deadline: NIODeadline, liveCount: Int, isLive: (Entry) -> Bool) -> Bool {
        heap.insert(Entry(deadline: deadline, id: id))
        if heap.count > 2 * liveCount + 64 {
            heap = Heap(heap.unordered.filter(isLive))
        }
        guard let armed = timerDeadline else { return true }
        return deadline < armed
    }

    /// Removes and returns the live entries whose deadline has passed.
    mutating func popExpired(now: NIODeadline, isLive: (Entry) -> Bool) -> [Entry] {
        var expired: [Entry] = []
        while let top = heap.min, top.deadline <= now {
            heap.removeMin()
            if isLive(top) { expired.append(top) }
        }
        return expired
    }

    /// Arms the one timer for the earliest live deadline (dropping answered entries from the top first).
    mutating func arm(on eventLoop: any EventLoop, isLive: (Entry) -> Bool, fire: @escaping @Sendable () -> Void) {
        while let top = heap.min, !isLive(top) { heap.removeMin() }
        guard let next = heap.min?.deadline else {
            timer?.cancel()
            timer = nil
            timerDeadline = nil
            return
        }
        if let armed = timerDeadline, armed <= next { return }
        timer?.cancel()
        timerDeadline = next
        timer = eventLoop.scheduleTask(deadline: next, fire)
    }

    /// Forgets the timer after it fired (the caller then pops and re-arms).
    mutating func timerFired() {
        timer = nil
        timerDeadline = nil
    }

    mutating func cancelTimer() {
        timer?.cancel()
        timer = nil
        timerDeadline = nil
    }
}
