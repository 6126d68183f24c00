import AnlanRecords

/// A code of the emergency supplies catalogue (GB/T 38565-2020 应急物资分类及编码): four levels in
/// 7 digits — 1 digit, then 2 + 2 + 2. Level 1: 1 basic living supplies (基本生活保障物资),
/// 2 emergency equipment and accessories (应急装备及配套物资), 3 engineering materials and machinery
/// (工程材料与机械加工设备). At levels 2–4, `99` is "other".
///
/// An item carries a full 7-digit code; a category is a prefix of 1, 3 or 5 digits.
public enum CatalogueCode {
    /// Checks a full item code and returns it.
    ///
    /// - Throws: `InvalidRecord` saying which part is wrong.
    public static func validateItem(_ code: String) throws(InvalidRecord) -> String {
        let code = code.trimmed
        guard code.utf8.count == 7, code.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else {
            throw InvalidRecord("catalogue code \"\(code)\" must be 7 digits (GB/T 38565: 1 + 2 + 2 + 2)")
        }
        try validatePrefix(code)
        return code
    }

    /// Checks a category prefix (1, 3, 5 or 7 digits) and returns it.
    public static func validatePrefix(_ prefix: String) throws(InvalidRecord) {
        let digits = Array(prefix.utf8).map { Int($0) - 48 }
        guard [1, 3, 5, 7].contains(digits.count), digits.allSatisfy({ (0...9).contains($0) }) else {
            throw InvalidRecord("catalogue prefix \"\(prefix)\" must be 1, 3, 5 or 7 digits")
        }
        guard (1...3).contains(digits[0]) else {
            throw InvalidRecord("catalogue code \"\(prefix)\": level 1 must be 1, 2 or 3, not \(digits[0])")
        }
        for level in stride(from: 1, to: digits.count, by: 2) where digits[level] * 10 + digits[level + 1] == 0 {
            throw InvalidRecord("catalogue code \"\(prefix)\": level \(level / 2 + 2) is 00 (01–98, or 99 for other)")
        }
    }
}
