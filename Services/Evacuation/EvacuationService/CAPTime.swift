/// CAP's date-times: `YYYY-MM-DDThh:mm:ss` with a numeric offset (`+08:00`, `-00:00` for UTC; CAP 1.2
/// §3.3.2 does not allow `Z`).
enum CAPTime {
    /// Unix milliseconds, or nil when `text` is not a CAP date-time.
    static func parse(_ text: String) -> Int64? {
        let bytes = Array(text.utf8)
        guard bytes.count == 25, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"), bytes[10] == UInt8(ascii: "T"),
              bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"), bytes[22] == UInt8(ascii: ":"),
              bytes[19] == UInt8(ascii: "+") || bytes[19] == UInt8(ascii: "-") else { return nil }
        func number(_ start: Int, _ count: Int) -> Int? {
            var value = 0
            for byte in bytes[start..<start + count] {
                guard (48...57).contains(byte) else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        guard let year = number(0, 4), let month = number(5, 2), let day = number(8, 2), let hour = number(11, 2),
              let minute = number(14, 2), let second = number(17, 2), let offsetHours = number(20, 2),
              let offsetMinutes = number(23, 2), (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60,
              second < 61, offsetHours < 24, offsetMinutes < 60 else { return nil }
        let days = daysFromCivil(year: year, month: month, day: day)
        let offset = (offsetHours * 3600 + offsetMinutes * 60) * (bytes[19] == UInt8(ascii: "+") ? 1 : -1)
        return Int64(days * 86_400 + hour * 3600 + minute * 60 + second - offset) * 1000
    }

    /// `milliseconds` as a CAP date-time in China Standard Time (`+08:00`).
    static func format(_ milliseconds: Int64) -> String {
        let seconds = Int(milliseconds.floorDivided(by: 1000)) + 8 * 3600
        let days = seconds.floorDivided(by: 86_400)
        let (year, month, day) = civilFromDays(days)
        let rest = seconds - days * 86_400
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(year)-\(two(month))-\(two(day))T\(two(rest / 3600)):\(two(rest / 60 % 60)):\(two(rest % 60))+08:00"
    }

    /// Days since 1970-01-01 (Howard Hinnant's algorithm).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civilFromDays(_ days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}

extension BinaryInteger {
    /// Division rounding toward negative infinity.
    fileprivate func floorDivided(by divisor: Self) -> Self {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}
