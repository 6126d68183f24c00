import Logging
import ServiceLifecycle

/// Runs `services` in a `ServiceGroup` (no signal handling) while `body` runs, then shuts the group down
/// gracefully and waits for it, so a test leaves no server behind whether it passes or throws.
public func withServiceGroup<T>(
    _ services: [any Service],
    logger: Logger,
    _ body: () async throws -> T
) async throws -> T {
    let group = ServiceGroup(services: services, gracefulShutdownSignals: [], logger: logger)
    return try await withThrowingTaskGroup(of: Void.self) { tasks in
        tasks.addTask { try await group.run() }
        do {
            let result = try await body()
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
            return result
        } catch {
            await group.triggerGracefulShutdown()
            try? await tasks.waitForAll()
            throw error
        }
    }
}
