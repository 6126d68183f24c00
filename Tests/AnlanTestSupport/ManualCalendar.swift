import AnlanRecords
import Foundation

/// A "today" the test moves by hand, for deadlines, escalations and expiry.
public final class ManualCalendar: @unchecked Sendable {
    private let lock = NSLock()
    private var day: CivilDay

    public init(_ day: CivilDay) {
        self.day = day
    }

    /// The clock to give a service.
    public var today: @Sendable () -> CivilDay { { [self] in lock.withLock { day } } }

    public func advance(days: Int) {
        lock.withLock { day = day.adding(days: days) }
    }
}
