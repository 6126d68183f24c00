/// How a `@Field` is written, beyond its type.
public enum WireFieldOption: Sendable {
    /// Written only when it differs from its type's default (`""`, `0`, `false`): proto3's implicit presence.
    case omitDefault
    /// A payload without it is malformed (`malformedPayload`).
    case required
}
