import AnlanRecords

/// The unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters from a 31-character
/// alphabet (digits and capitals without I, O, Z, S, V), the last a check character over the first 17.
public enum UnifiedSocialCreditCode {
    static let alphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY".utf8)
    static let weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

    /// The check character for the first 17 characters of `code`, or nil if any is outside the alphabet.
    public static func checkCharacter(for code: some StringProtocol) -> Character? {
        let bytes = Array(code.utf8.prefix(17))
        guard bytes.count == 17 else { return nil }
        var sum = 0
        for (byte, weight) in zip(bytes, weights) {
            guard let value = alphabet.firstIndex(of: byte) else { return nil }
            sum += value * weight
        }
        let check = (31 - sum % 31) % 31
        return Character(UnicodeScalar(alphabet[check]))
    }

    /// Checks `code` and returns it in upper case.
    ///
    /// - Throws: `InvalidRecord` saying what is wrong (length, a character outside the alphabet, the check character).
    public static func validate(_ code: String) throws(InvalidRecord) -> String {
        let upper = code.uppercased()
        guard upper.utf8.count == 18 else {
            throw InvalidRecord("unified social credit code \"\(code)\" must have 18 characters, has \(code.count)")
        }
        if let bad = upper.utf8.first(where: { !alphabet.contains($0) }) {
            throw InvalidRecord("unified social credit code \"\(code)\" contains \"\(Character(UnicodeScalar(bad)))\", which is not allowed (I, O, Z, S, V are never used)")
        }
        let expected = checkCharacter(for: upper)!
        guard upper.last == expected else {
            throw InvalidRecord("unified social credit code \"\(code)\" fails its check: the 18th character should be \(expected)")
        }
        return upper
    }
}
