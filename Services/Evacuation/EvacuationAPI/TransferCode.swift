import AnlanRecords

/// 转移码: the short printable code on a coded person's card, and what its QR code holds.
///
/// Eight characters of Crockford's base-32 alphabet (no I, L, O or U, so it reads aloud and types
/// without confusion) and a check character, the value mod 37 in Crockford's check alphabet: a
/// mistyped or misread character is caught before anything is looked up. Lower case and the
/// look-alikes O→0, I/L→1 are accepted on input; the canonical form is upper case.
public enum TransferCode {
    static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")
    static let checkAlphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ*~$=U")
    /// What a QR payload starts with.
    public static let qrPrefix = "ANLAN-TC:"

    /// The code for `value` (its low 40 bits).
    public static func make(_ value: UInt64) -> String {
        var digits: [Character] = []
        var rest = value & 0xFF_FFFF_FFFF
        for _ in 0..<8 {
            digits.append(alphabet[Int(rest & 31)])
            rest >>= 5
        }
        let body = String(digits.reversed())
        return body + String(checkAlphabet[Int((value & 0xFF_FFFF_FFFF) % 37)])
    }

    /// The canonical code, or why `text` (a code as typed, or a QR payload) is not one.
    public static func parse(_ text: String) throws(InvalidRecord) -> String {
        var code = text.trimmed.uppercased()
        if code.hasPrefix(qrPrefix) { code = String(code.dropFirst(qrPrefix.count)) }
        code = String(code.filter { $0 != "-" && $0 != " " }.map { $0 == "O" ? "0" : ($0 == "I" || $0 == "L") ? "1" : $0 })
        guard code.count == 9 else { throw InvalidRecord("transfer code: must be 9 characters, got \(code.count)") }
        var value: UInt64 = 0
        for character in code.prefix(8) {
            guard let digit = alphabet.firstIndex(of: character) else {
                throw InvalidRecord("transfer code: \"\(character)\" is not a code character")
            }
            value = value << 5 | UInt64(digit)
        }
        guard code.last == checkAlphabet[Int(value % 37)] else {
            throw InvalidRecord("transfer code: the check character does not match (mistyped?)")
        }
        return code
    }

    /// `ANLAN-TC:<code>`, what the card's QR code holds.
    public static func qrPayload(_ code: String) -> String { qrPrefix + code }
}
