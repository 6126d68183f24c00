import AnlanRecords
import ArgumentParser

extension CivilDay {
    /// The day a `YYYY-MM-DD` flag gives (nil when it is not given), or a usage error naming the flag.
    public static func option(_ text: String?, _ flag: String) throws -> CivilDay? {
        guard let text else { return nil }
        guard let day = CivilDay(text) else { throw ValidationError("\(flag): \(text) is not a YYYY-MM-DD date") }
        return day
    }
}
