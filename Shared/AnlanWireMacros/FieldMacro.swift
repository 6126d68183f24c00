import SwiftSyntax
import SwiftSyntaxMacros

/// `@Field(number)` marks a stored property as a wire field. It expands to nothing: `@WireMessage`
/// reads the marks of its members and writes the codec from them.
public struct FieldMacro: PeerMacro {
    public static func expansion(
        of node: AttributeSyntax,
        providingPeersOf declaration: some DeclSyntaxProtocol,
        in context: some MacroExpansionContext
    ) throws -> [DeclSyntax] {
        []
    }
}
