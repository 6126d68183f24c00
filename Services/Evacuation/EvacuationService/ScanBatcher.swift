import AnlanStorage
import EvacuationAPI
import GRDB
import Synchronization

/// Group commit for scans: while one batch is being written, the scans that arrive wait and are
/// written together in the next transaction, each in a savepoint of its own. Every caller is answered
/// after the transaction holding its scan has committed (or with its own scan's refusal), so an answer
/// still means "on disk"; a busy node pays one fsync per batch instead of one per scan.
final class ScanBatcher: Sendable {
    typealias Pending = (request: ScanRequest, continuation: CheckedContinuation<TransferTask, any Error>)

    private struct State {
        var pending: [Pending] = []
        var writing = false
    }

    private let state = Mutex(State())
    private let pool: DatabasePool
    private let clock: @Sendable () -> Int64
    /// Most scans in one transaction (a bound on how long the first of a batch waits).
    private let maxBatch: Int

    init(pool: DatabasePool, clock: @escaping @Sendable () -> Int64, maxBatch: Int = 256) {
        self.pool = pool
        self.clock = clock
        self.maxBatch = maxBatch
    }

    func submit(_ request: ScanRequest) async throws -> TransferTask {
        try await withCheckedThrowingContinuation { continuation in
            let startWriter = state.withLock { state in
                state.pending.append((request, continuation))
                if state.writing { return false }
                state.writing = true
                return true
            }
            if startWriter { Task { await self.write() } }
        }
    }

    /// Writes batches until nothing is waiting.
    private func write() async {
        while true {
            let batch: [Pending] = state.withLock { state in
                let batch = Array(state.pending.prefix(maxBatch))
                state.pending.removeFirst(batch.count)
                if batch.isEmpty { state.writing = false }
                return batch
            }
            if batch.isEmpty { return }
            let now = clock()
            do {
                let results: [Result<TransferTask, any Error>] = try await pool.write { db in
                    try batch.map { item in
                        var result: Result<TransferTask, any Error> = .failure(CancellationError())
                        try db.inSavepoint {
                            do {
                                result = .success(try Evacuation.apply(item.request, at: now, db))
                                return .commit
                            } catch let error as DatabaseError {
                                throw error
                            } catch {
                                result = .failure(error)
                                return .rollback
                            }
                        }
                        return result
                    }
                }
                for (item, result) in zip(batch, results) { item.continuation.resume(with: result) }
            } catch {
                for item in batch { item.continuation.resume(throwing: error) }
            }
        }
    }
}
