import SwiftDiagnostics

/// What `@WireMessage` refuses, said at the declaration at fault.
enum WireMacroDiagnostic: DiagnosticMessage {
    case notAStruct
    case notAStoredVar
    case missingNumber
    case duplicateNumber(String)
    case omitDefaultOnCollection
    case missingDefault(String)

    var message: String {
        switch self {
        case .notAStruct: "@WireMessage applies to a struct"
        case .notAStoredVar: "@Field marks one stored `var` with a type annotation"
        case .missingNumber: "@Field needs the field number: @Field(1)"
        case .duplicateNumber(let number): "field number \(number) is used twice"
        case .omitDefaultOnCollection: ".omitDefault applies to single fields; optional and repeated fields are written only when they hold values"
        case .missingDefault(let name): "give '\(name)' an initial value: decoding starts from the defaults"
        }
    }

    var diagnosticID: MessageID { MessageID(domain: "AnlanWireMacros", id: "\(self)") }
    var severity: DiagnosticSeverity { .error }
}
