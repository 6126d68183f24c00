import Testing

/// The meshes of real processes over mutual TLS, one suite at a time: each runs a dozen nodes whose
/// handshakes and token checks are CPU-bound, and beside the other mesh suites on two cores they
/// pushed timing-bound tests past their bounds.
@Suite(.serialized) struct IdentityMeshTests {}
