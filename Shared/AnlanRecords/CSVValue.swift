/// Reading one CSV cell as a value, with the column named in the error.
public enum CSVValue {
    /// `yes`/`no` in the forms people type (`true`, `1`, `y`, 是 …); an empty cell is no.
    public static func yesNo(_ text: String, _ column: String) throws(InvalidRecord) -> Bool {
        switch text.trimmed.lowercased() {
        case "", "no", "false", "0", "否", "n": return false
        case "yes", "true", "1", "是", "y": return true
        default: throw InvalidRecord("\(column): \"\(text)\" is not yes/no")
        }
    }
}

extension Optional {
    /// The value, or an `InvalidRecord` with `message`.
    public func orThrow(_ message: @autoclosure () -> String) throws(InvalidRecord) -> Wrapped {
        guard let self else { throw InvalidRecord(message()) }
        return self
    }
}

extension String {
    /// The text with zeros in front up to `width` characters.
    public func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
