import Logging
import ServiceLifecycle

/// Runs the registry's lease sweep every `sweepInterval` until graceful shutdown.
struct RegistrySweeper: Service {
    let registry: Registry
    let logger: Logger

    func run() async throws {
        let interval = registry.configuration.sweepInterval
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    try await registry.sweep()
                } catch {
                    logger.error("lease sweep failed", metadata: ["error": "\(error)"])
                }
                try? await Task.sleep(for: interval)
            }
        }
    }
}
