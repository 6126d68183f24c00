import SwiftSyntax

/// One `@Field` property as the macro reads it from the declaration.
struct WireFieldSpec {
    /// How many values the property holds on the wire.
    enum Cardinality: String {
        /// Always written (or, with `.omitDefault`, written unless it holds its type's default).
        case single
        /// `T?`: written when not nil.
        case optional
        /// `[T]`: one field per element, in order.
        case repeated
    }

    var name: String
    var number: ExprSyntax
    /// The element type (`T` of `T`, `T?` and `[T]`).
    var valueType: TypeSyntax
    var cardinality: Cardinality
    var omitsDefault: Bool
    /// A payload without it is malformed.
    var required: Bool
    /// A computed property: written for the reader's convenience, never read.
    var derived: Bool
    var defaultValue: ExprSyntax?
    var declaredType: TypeSyntax
    /// The property's doc comment, one line.
    var doc: String

    /// The proto3 name of the field: `regionCode` → `region_code`, `nodeID` → `node_id`.
    var snakeName: String { Self.snakeCase(name) }

    static func snakeCase(_ name: String) -> String {
        var words: [String] = []
        var current = ""
        let characters = Array(name)
        for (index, character) in characters.enumerated() {
            let next = index + 1 < characters.count ? characters[index + 1] : nil
            let previous = index > 0 ? characters[index - 1] : nil
            let startsWord = character.isUppercase && !current.isEmpty
                && (previous.map { !$0.isUppercase } ?? false || (next.map { $0.isLowercase } ?? false))
            if startsWord || (character.isNumber && !(previous?.isNumber ?? true)) {
                words.append(current)
                current = ""
            }
            current.append(character)
        }
        if !current.isEmpty { words.append(current) }
        return words.map { $0.lowercased() }.joined(separator: "_")
    }
}
