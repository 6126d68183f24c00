import ServiceLifecycle

/// Publishes the month that ended at the node by itself (月度发布): every `interval` (±25 %, so the
/// gateways of one process do not all ask at once) it asks `Gateway.publishEndedMonthIfDue`, which does
/// nothing once the month is kept. The first check waits one interval, so children have registered.
struct MonthlyPublisher: Service {
    let gateway: Gateway
    let interval: Duration

    func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                try? await Task.sleep(for: interval * Double.random(in: 0.75...1.25))
                guard !Task.isCancelled else { return }
                await gateway.publishEndedMonthIfDue()
            }
        }
    }
}
