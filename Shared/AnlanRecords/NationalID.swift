/// The 18-character citizen identity number (公民身份号码, GB 11643-1999): 6-digit region of first
/// registration, 8-digit birth date, 3-digit sequence, and a check character (0–9 or X) computed
/// with ISO 7064 MOD 11-2.
public enum NationalID {
    private static let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    private static let checkCharacters = Array("10X98765432")

    /// The check character for the first 17 digits, or nil if they are not 17 digits.
    public static func checkCharacter(for body: String) -> Character? {
        let digits = body.utf8.map { Int($0) - 48 }
        guard digits.count == 17, digits.allSatisfy({ (0...9).contains($0) }) else { return nil }
        return checkCharacters[zip(digits, weights).reduce(0) { $0 + $1.0 * $1.1 } % 11]
    }

    /// Checks an ID number (a lower-case `x` is accepted) and returns it with an upper-case `X`.
    ///
    /// - Throws: `InvalidRecord` saying what is wrong, without repeating the number.
    public static func validate(_ text: String) throws(InvalidRecord) -> String {
        let id = text.trimmed.uppercased()
        guard id.utf8.count == 18 else { throw InvalidRecord("national ID: must be 18 characters, got \(id.utf8.count)") }
        guard let expected = checkCharacter(for: String(id.prefix(17))) else {
            throw InvalidRecord("national ID: the first 17 characters must be digits")
        }
        guard let birth = CivilDay("\(id.dropFirst(6).prefix(4))-\(id.dropFirst(10).prefix(2))-\(id.dropFirst(12).prefix(2))"),
              birth.year >= 1900 else {
            throw InvalidRecord("national ID: characters 7–14 are not a birth date")
        }
        guard id.last == expected else { throw InvalidRecord("national ID: the check character does not match") }
        return id
    }

    /// The number with all but its first 6 and last 4 characters hidden: `330106********123X`.
    public static func masked(_ id: String) -> String {
        guard id.count > 10 else { return String(repeating: "*", count: id.count) }
        return id.prefix(6) + String(repeating: "*", count: id.count - 10) + id.suffix(4)
    }
}
