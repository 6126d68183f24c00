import AnlanRPC
import NIOConcurrencyHelpers

/// Child gateways that missed their last answer (failure accrual, as Finagle does): a composition does
/// not wait for them — it uses their last figures, stale — while one probe per child asks it again in
/// the background, backing off from 100 ms to 2 s, until it answers. Without this, every fresh answer
/// of a node with one frozen child took the caller's whole budget (1.9 s of 2 s).
final class SuspectChildren: Sendable {
    private struct State {
        /// Each suspect child's probe.
        var probes: [String: Task<Void, Never>] = [:]
        var closed = false
    }

    private let state = NIOLockedValueBox(State())

    func isSuspect(_ code: String) -> Bool {
        state.withLockedValue { $0.probes[code] != nil }
    }

    /// Marks `code` suspect and starts its probe (unless one runs): `probe` asks the child and says
    /// whether it answered; the first answer clears the suspicion.
    func suspect(_ code: String, probe: @escaping @Sendable () async -> Bool) {
        state.withLockedValue { state in
            guard !state.closed, state.probes[code] == nil else { return }
            // It outlives the request that found the child suspect: it acts for the node.
            state.probes[code] = Task { [self] in
                await RPCCredential.$current.withValue(nil) { await probeUntilAnswered(code, probe) }
            }
        }
    }

    /// Asks until the child answers (backing off from 100 ms to 2 s), then clears its suspicion.
    private func probeUntilAnswered(_ code: String, _ probe: @escaping @Sendable () async -> Bool) async {
        var wait = Duration.milliseconds(100)
        while !Task.isCancelled {
            if await probe() {
                state.withLockedValue { _ = $0.probes.removeValue(forKey: code) }
                return
            }
            try? await Task.sleep(for: wait)
            wait = min(wait * 2, .seconds(2))
        }
    }

    /// Stops every probe (the gateway is shutting down).
    func close() {
        let probes = state.withLockedValue { state in
            defer { state.probes = [:]; state.closed = true }
            return Array(state.probes.values)
        }
        for probe in probes { probe.cancel() }
    }
}
