/// A request that says who acts (its `actor`, `requestedBy` or `inspector` field). When the router's
/// authorizer has named the caller, the router writes the caller's `auditName` there before the
/// handler runs, whatever the request said: the histories record who was authenticated, not free text.
public protocol ActorStampedRequest {
    /// The field that names who acts.
    var stampedActor: String { get set }
}
