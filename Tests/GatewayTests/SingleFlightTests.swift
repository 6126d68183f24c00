import NIOConcurrencyHelpers
import NIOCore
import Testing
@testable import GatewayService

/// Identical summaries asked together are one fan-out; a failure is not shared with later callers.
@Suite struct SingleFlightTests {
    @Test func concurrentCallersShareOneRunAndAFailureIsNotKept() async throws {
        let flights = SingleFlight<String, Int>(window: .milliseconds(200))
        let runs = NIOLockedValueBox(0)
        let answers = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<20 {
                group.addTask {
                    try await flights.run("330000") {
                        try await Task.sleep(for: .milliseconds(50))
                        return runs.withLockedValue { $0 += 1; return $0 }
                    }
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(answers == Array(repeating: 1, count: 20))
        // Inside the window: the same answer; another key: its own run.
        #expect(try await flights.run("330000") { runs.withLockedValue { $0 += 1; return $0 } } == 1)
        #expect(try await flights.run("330100") { runs.withLockedValue { $0 += 1; return $0 } } == 2)

        struct Refused: Error {}
        await #expect(throws: Refused.self) { try await flights.run("330200") { throw Refused() } }
        #expect(try await flights.run("330200") { 7 } == 7)
        // After the window, a new run.
        try await Task.sleep(for: .milliseconds(250))
        #expect(try await flights.run("330000") { runs.withLockedValue { $0 += 1; return $0 } } == 3)
    }
}
