import AnlanWire

/// Movements recorded together: all or none.
@WireMessage
public struct MovementBatch: Hashable, Codable, Sendable {
    @Field(1) public var movements: [Movement] = []
}
