import EvacuationAPI

/// A node's evacuation rules (flags of `serve`).
public struct EvacuationConfiguration: Sendable, Hashable {
    /// Levels that move everyone exposed to the warning's hazard (default red and orange).
    public let transferEveryone: Set<WarningLevel>
    /// Levels that move the vulnerable only (default yellow).
    public let transferVulnerable: Set<WarningLevel>

    public init(transferEveryone: Set<WarningLevel> = [.red, .orange], transferVulnerable: Set<WarningLevel> = [.yellow]) {
        self.transferEveryone = transferEveryone
        self.transferVulnerable = transferVulnerable.subtracting(transferEveryone)
    }

    /// Who a warning of `level` moves: everyone, the vulnerable, or nobody (nil).
    func moves(_ level: WarningLevel) -> (everyone: Bool, vulnerable: Bool) {
        (transferEveryone.contains(level), transferEveryone.contains(level) || transferVulnerable.contains(level))
    }
}
