/// Writes a message's codec and schema from its `@Field` properties (see `WireMessageMacro`).
///
/// ```swift
/// /// A point on the map.
/// @WireMessage
/// public struct Place: Hashable {
///     /// The region it lies in.
///     @Field(1) public var regionCode: String = ""
///     @Field(2, .omitDefault) public var listed: Bool = false
///     @Field(3) public var openedOn: CivilDay?
///     @Field(4) public var events: [PlaceEvent] = []
/// }
/// ```
@attached(member, names: named(init), named(encode), named(wireFields), named(wireDoc))
@attached(extension, conformances: WireMessage)
public macro WireMessage() = #externalMacro(module: "AnlanWireMacros", type: "WireMessageMacro")

/// Marks a stored property of a `@WireMessage` struct as the field `number`.
@attached(peer)
public macro Field(_ number: UInt32, _ options: WireFieldOption...) = #externalMacro(module: "AnlanWireMacros", type: "FieldMacro")

/// Lists a service's methods (its `static let … = RPCMethod<…>(…)` members) as `methods`.
@attached(member, names: named(methods))
public macro WireMethods() = #externalMacro(module: "AnlanWireMacros", type: "WireMethodsMacro")
