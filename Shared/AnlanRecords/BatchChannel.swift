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

extension BatchChannel {
    /// Parses a CSV file's rows on a new thread and hands them over in batches: a row `parse`
    /// refuses (or whose quoting is broken) becomes `.rejected` with its line. `parse` comes from
    /// `makeParser`, called on that thread, so it may keep state of its own (e.g. ids seen so far);
    /// `arrange` may reorder each batch before it is sent.
    public static func parsing<Record: Sendable>(
        _ reader: CSVReader, batchSize: Int, capacity: Int,
        makeParser: @escaping @Sendable () -> (CSVRecord) throws -> Record,
        arrange: (@Sendable (inout [ParsedRow<Record>]) -> Void)? = nil
    ) -> BatchChannel<ParsedRow<Record>> where Element == ParsedRow<Record> {
        let channel = BatchChannel<ParsedRow<Record>>(capacity: capacity)
        let thread = Thread {
            var reader = reader
            let parse = makeParser()
            var batch: [ParsedRow<Record>] = []
            batch.reserveCapacity(batchSize)
            while let record = reader.next() {
                do {
                    if let problem = record.problem { throw InvalidRecord(problem) }
                    batch.append(.record(try parse(record), line: record.line))
                } catch let error as InvalidRecord {
                    batch.append(.rejected(error, line: record.line))
                } catch {
                    batch.append(.rejected(InvalidRecord("\(error)"), line: record.line))
                }
                if batch.count == batchSize {
                    arrange?(&batch)
                    guard channel.send(batch) else { return }
                    batch.removeAll(keepingCapacity: true)
                }
            }
            arrange?(&batch)
            channel.send(batch)
            channel.finish()
        }
        thread.name = "anlan.csv-parse"
        thread.start()
        return channel
    }
}
