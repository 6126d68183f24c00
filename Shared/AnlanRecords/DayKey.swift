/// A request on a given day: the key of an answer that depends on both (statistics count what is
/// overdue or expiring as of the day).
public struct DayKey<Request: Hashable & Sendable>: Hashable, Sendable {
    public let request: Request
    public let day: CivilDay

    public init(_ request: Request, on day: CivilDay) {
        self.request = request
        self.day = day
    }
}
