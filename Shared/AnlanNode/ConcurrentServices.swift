import ServiceLifecycle

/// Runs several services side by side as one: when the group shuts down gracefully, all of them see it
/// at once (graceful shutdown reaches child tasks), instead of one after another. A group of 1,359
/// township nodes deregisters its leases together this way, not in 1,359 sequential round trips.
/// The first failure fails the whole (and with it the group).
struct ConcurrentServices: Service {
    let services: [any Service]

    func run() async throws {
        try await withThrowingDiscardingTaskGroup { group in
            for service in services {
                group.addTask { try await service.run() }
            }
        }
    }
}
