/// A field's key as read from a payload: its number and how its value is laid out.
public struct WireField: Hashable, Sendable {
    public var number: UInt32
    public var type: WireType
}
