import Foundation

extension ImportReport {
    /// What every `import` command prints: the summary, then how long the import took and its rate,
    /// e.g. `1.25 s, 80000 rows/s`.
    public func summary(elapsed: Duration) -> String {
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return summary + "\n" + String(format: "%.2f s, %.0f rows/s", seconds, Double(rows) / max(seconds, 0.001))
    }
}
