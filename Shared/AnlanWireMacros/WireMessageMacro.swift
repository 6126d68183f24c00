import SwiftDiagnostics
import SwiftSyntax
import SwiftSyntaxBuilder
import SwiftSyntaxMacros

/// `@WireMessage` writes a message's codec from its `@Field` properties: `init(from:)`, `encode(to:)`,
/// the schema (`wireFields`, `wireDoc`) and, when the type declares no initializer, a memberwise one
/// whose defaults are the properties' initial values. It also adds the `WireMessage` conformance.
///
/// The encoding is the one of docs/PROTOCOL.md: fields in declaration order, a `T` always, a `T?` when
/// set, a `[T]` one field per element, and a `.omitDefault` field only when it differs from its type's
/// default. A `.required` field missing from a payload makes it malformed. A computed `@Field` is
/// derived: written, never read. A `wireDidDecode()` the type declares runs after decoding (to
/// normalise or check what was read). Decoding reads fields in any order, keeps the last of a single field, appends repeated ones
/// and skips unknown numbers.
public struct WireMessageMacro: MemberMacro, ExtensionMacro {
    public static func expansion(
        of node: AttributeSyntax,
        providingMembersOf declaration: some DeclGroupSyntax,
        conformingTo protocols: [TypeSyntax],
        in context: some MacroExpansionContext
    ) throws -> [DeclSyntax] {
        guard declaration.is(StructDeclSyntax.self) else {
            context.diagnose(Diagnostic(node: node, message: WireMacroDiagnostic.notAStruct))
            return []
        }
        let access = declaration.modifiers.contains { $0.name.tokenKind == .keyword(.public) } ? "public " : ""
        let fields = readFields(of: declaration, in: context)
        var members: [DeclSyntax] = []

        let declaresInitializer = declaration.memberBlock.members.contains { $0.decl.is(InitializerDeclSyntax.self) }
        let stored = fields.filter { !$0.derived }
        if !declaresInitializer {
            let parameters = stored.map { field -> String in
                let value = field.defaultValue.map { " = \($0.trimmedDescription)" }
                    ?? (field.cardinality == .optional ? " = nil" : "")
                return "\(field.name): \(field.declaredType.trimmedDescription)\(value)"
            }
            let assignments = stored.map { "self.\($0.name) = \($0.name)" }
            members.append("""
                \(raw: access)init(\(raw: parameters.joined(separator: ", "))) {
                    \(raw: assignments.joined(separator: "\n"))
                }
                """)
        }

        let required = stored.filter(\.required)
        let cases = stored.map { field -> String in
            let type = field.valueType.trimmedDescription
            switch field.cardinality {
            case .single where field.required:
                return "case \(field.number): self.\(field.name) = try \(type).readWire(field, from: &reader); has\(field.number) = true"
            case .single: return "case \(field.number): self.\(field.name) = try \(type).readWire(field, from: &reader)"
            case .optional: return "case \(field.number): self.\(field.name) = try \(type).readWireOptional(field, from: &reader)"
            case .repeated: return "case \(field.number): self.\(field.name).append(try \(type).readWire(field, from: &reader))"
            }
        }
        let flags = required.map { "var has\($0.number) = false" }
        let checks = required.map { field in
            "guard has\(field.number) else { throw WireError(.malformedPayload, \"\(typeName(of: declaration)) without its \(field.snakeName) (field \(field.number))\") }"
        }
        let hook = declaration.memberBlock.members.compactMap { $0.decl.as(FunctionDeclSyntax.self) }
            .first { $0.name.text == "wireDidDecode" }
        let after = hook.map { $0.signature.effectSpecifiers?.throwsClause != nil ? "try self.wireDidDecode()" : "self.wireDidDecode()" }
        members.append("""
            \(raw: access)init(from reader: inout WireReader) throws(WireError) {
                \(raw: flags.joined(separator: "\n"))
                while let field = try reader.nextField() {
                    switch field.number {
                    \(raw: cases.joined(separator: "\n"))
                    default: try reader.skip(field)
                    }
                }
                \(raw: (checks + (after.map { [$0] } ?? [])).joined(separator: "\n"))
            }
            """)

        let writes = fields.map { field -> String in
            switch field.cardinality {
            case .single where field.omitsDefault:
                return "if !self.\(field.name).isWireDefault { self.\(field.name).writeWire(\(field.number), to: &writer) }"
            case .single: return "self.\(field.name).writeWire(\(field.number), to: &writer)"
            case .optional: return "if let value = self.\(field.name) { value.writeWire(\(field.number), to: &writer) }"
            case .repeated: return "for value in self.\(field.name) { value.writeWire(\(field.number), to: &writer) }"
            }
        }
        members.append("""
            \(raw: access)func encode(to writer: inout WireWriter) {
                \(raw: writes.isEmpty ? "" : writes.joined(separator: "\n"))
            }
            """)

        let descriptors = fields.map { field -> String in
            "WireFieldDescriptor(\(field.number), \"\(field.snakeName)\", \(field.valueType.trimmedDescription).self, "
                + ".\(field.cardinality.rawValue), omitsDefault: \(field.omitsDefault), required: \(field.required), "
                + "derived: \(field.derived), doc: \(literal(field.doc)))"
        }
        members.append("""
            \(raw: access)static var wireFields: [WireFieldDescriptor] {
                [\(raw: descriptors.joined(separator: ",\n"))]
            }
            """)
        members.append("""
            \(raw: access)static var wireDoc: String { \(raw: literal(DocComment.text(of: declaration.leadingTrivia))) }
            """)
        return members
    }

    public static func expansion(
        of node: AttributeSyntax,
        attachedTo declaration: some DeclGroupSyntax,
        providingExtensionsOf type: some TypeSyntaxProtocol,
        conformingTo protocols: [TypeSyntax],
        in context: some MacroExpansionContext
    ) throws -> [ExtensionDeclSyntax] {
        guard declaration.is(StructDeclSyntax.self), !protocols.isEmpty else { return [] }
        return [try ExtensionDeclSyntax("extension \(type.trimmed): WireMessage {}")]
    }

    /// The `@Field` properties in declaration order, with their numbers checked for duplicates.
    private static func readFields(of declaration: some DeclGroupSyntax, in context: some MacroExpansionContext) -> [WireFieldSpec] {
        var fields: [WireFieldSpec] = []
        var numbers: Set<String> = []
        for member in declaration.memberBlock.members {
            guard let variable = member.decl.as(VariableDeclSyntax.self),
                  let attribute = fieldAttribute(of: variable) else { continue }
            guard variable.bindingSpecifier.tokenKind == .keyword(.var), variable.bindings.count == 1,
                  let binding = variable.bindings.first,
                  let identifier = binding.pattern.as(IdentifierPatternSyntax.self),
                  let declaredType = binding.typeAnnotation?.type else {
                context.diagnose(Diagnostic(node: variable, message: WireMacroDiagnostic.notAStoredVar))
                continue
            }
            guard let arguments = attribute.arguments?.as(LabeledExprListSyntax.self), let first = arguments.first else {
                context.diagnose(Diagnostic(node: attribute, message: WireMacroDiagnostic.missingNumber))
                continue
            }
            let number = first.expression.trimmed
            if !numbers.insert(number.description).inserted {
                context.diagnose(Diagnostic(node: attribute, message: WireMacroDiagnostic.duplicateNumber(number.description)))
            }
            let options = arguments.dropFirst().map(\.expression.trimmedDescription)
            let omitsDefault = options.contains(".omitDefault")
            let required = options.contains(".required")
            let derived = binding.accessorBlock != nil
            let (valueType, cardinality) = classify(declaredType)
            if omitsDefault && cardinality != .single {
                context.diagnose(Diagnostic(node: attribute, message: WireMacroDiagnostic.omitDefaultOnCollection))
            }
            if binding.initializer == nil && cardinality != .optional && !derived {
                context.diagnose(Diagnostic(node: variable, message: WireMacroDiagnostic.missingDefault(identifier.identifier.text)))
            }
            fields.append(WireFieldSpec(
                name: identifier.identifier.text, number: number, valueType: valueType, cardinality: cardinality,
                omitsDefault: omitsDefault, required: required, derived: derived, defaultValue: binding.initializer?.value,
                declaredType: declaredType.trimmed, doc: DocComment.text(of: variable.leadingTrivia)))
        }
        return fields
    }

    private static func fieldAttribute(of variable: VariableDeclSyntax) -> AttributeSyntax? {
        for element in variable.attributes {
            if let attribute = element.as(AttributeSyntax.self),
               attribute.attributeName.trimmedDescription == "Field" {
                return attribute
            }
        }
        return nil
    }

    private static func typeName(of declaration: some DeclGroupSyntax) -> String {
        declaration.as(StructDeclSyntax.self)?.name.text ?? "message"
    }

    /// `T` → single, `T?` → optional, `[T]` → repeated.
    private static func classify(_ type: TypeSyntax) -> (TypeSyntax, WireFieldSpec.Cardinality) {
        if let optional = type.as(OptionalTypeSyntax.self) { return (optional.wrappedType.trimmed, .optional) }
        if let array = type.as(ArrayTypeSyntax.self) { return (array.element.trimmed, .repeated) }
        return (type.trimmed, .single)
    }

    /// `text` as a Swift string literal.
    private static func literal(_ text: String) -> String {
        StringLiteralExprSyntax(content: text).description
    }
}
