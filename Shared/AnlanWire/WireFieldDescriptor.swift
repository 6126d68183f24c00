/// One field of a message as `@WireMessage` declares it: what the exported schema and the generated
/// tables of docs/PROTOCOL.md are made from.
public struct WireFieldDescriptor: Sendable {
    /// How many values a field holds.
    public enum Cardinality: String, Sendable {
        case single, optional, repeated
    }

    public var number: UInt32
    /// The proto3 name (`snake_case` of the Swift property).
    public var name: String
    public var type: any WireValue.Type
    public var cardinality: Cardinality
    /// Written only when it is not its type's default.
    public var omitsDefault: Bool
    /// A payload without it is malformed.
    public var required: Bool
    /// Computed by the sender; receivers may ignore it.
    public var derived: Bool
    /// The property's doc comment.
    public var doc: String

    public init<Value: WireValue>(_ number: UInt32, _ name: String, _ type: Value.Type, _ cardinality: Cardinality,
                                  omitsDefault: Bool, required: Bool = false, derived: Bool = false, doc: String) {
        self.number = number
        self.name = name
        self.type = type
        self.cardinality = cardinality
        self.omitsDefault = omitsDefault
        self.required = required
        self.derived = derived
        self.doc = doc
    }
}
