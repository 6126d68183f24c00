import SwiftDiagnostics
import SwiftSyntax
import SwiftSyntaxMacros

/// `@WireMethods` on a service's method enum lists its `static let` methods, in declaration order and
/// with their doc comments, as `methods` (for the exported schema and the protocol document).
public struct WireMethodsMacro: MemberMacro {
    public static func expansion(
        of node: AttributeSyntax,
        providingMembersOf declaration: some DeclGroupSyntax,
        conformingTo protocols: [TypeSyntax],
        in context: some MacroExpansionContext
    ) throws -> [DeclSyntax] {
        let access = declaration.modifiers.contains { $0.name.tokenKind == .keyword(.public) } ? "public " : ""
        var entries: [String] = []
        for member in declaration.memberBlock.members {
            guard let variable = member.decl.as(VariableDeclSyntax.self),
                  variable.modifiers.contains(where: { $0.name.tokenKind == .keyword(.static) }),
                  let binding = variable.bindings.first,
                  let name = binding.pattern.as(IdentifierPatternSyntax.self)?.identifier.text,
                  let value = binding.initializer?.value,
                  value.trimmedDescription.hasPrefix("RPCMethod") else { continue }
            let doc = StringLiteralExprSyntax(content: DocComment.text(of: variable.leadingTrivia)).description
            entries.append("\(name).descriptor(doc: \(doc))")
        }
        return ["""
            \(raw: access)static var methods: [WireMethodDescriptor] {
                [\(raw: entries.joined(separator: ",\n"))]
            }
            """]
    }
}
