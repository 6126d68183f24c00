extension Int64 {
    /// Adds `other`, held at `Int64.max` or `.min` instead of trapping: statistics merged from other
    /// nodes' answers must not crash the node that merges them, however wrong those answers are.
    public mutating func addSaturating(_ other: Int64) {
        let (sum, overflow) = addingReportingOverflow(other)
        self = overflow ? (other > 0 ? .max : .min) : sum
    }
}
