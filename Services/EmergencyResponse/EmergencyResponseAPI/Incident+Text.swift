/// How a probe prints an incident and its timeline, the same through the service and the gateways.
extension Incident {
    /// One line: what, where, when, the counts and the time to the first team.
    public func text(regionName: String, time: (Int64) -> String) -> String {
        let arrival = firstArrivalMilliseconds == 0 ? "no team on scene yet"
            : "first team after \((firstArrivalMilliseconds - reportedAtMilliseconds) / 60_000) min"
        return "\(id) \(title) (\(kind.name), \(severity.name), level \(responseLevel.name)), \(status.name), \(regionCode) \(regionName), "
            + "reported \(time(reportedAtMilliseconds))" + (reporter.isEmpty ? "" : " by \(reporter)")
            + ": affected \(affected), dead \(dead), injured \(injured), missing \(missing); \(arrival)"
    }
}

extension TimelineEntry {
    /// One indented line of a timeline.
    public func text(time: (Int64) -> String) -> String {
        "  \(sequence). \(time(atMilliseconds)) \(kind.name)\(actor.isEmpty ? "" : " by \(actor)"): \(text)"
    }
}
