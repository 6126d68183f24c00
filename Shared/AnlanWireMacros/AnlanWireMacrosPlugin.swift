import SwiftCompilerPlugin
import SwiftSyntaxMacros

/// The compiler plugin that expands `@WireMessage` and `@Field` (declared in AnlanWire).
@main
struct AnlanWireMacrosPlugin: CompilerPlugin {
    let providingMacros: [any Macro.Type] = [WireMessageMacro.self, FieldMacro.self, WireMethodsMacro.self]
}
