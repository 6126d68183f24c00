import Foundation

/// Where the benchmark's servers and clients find their certificates when the driver runs with `--tls`:
/// a PKI directory made by the driver (`AnlanIdentity`), its path passed to each server as `--pki DIR`.
/// Every target uses the same files: the root, `330000-bench-echo` for the servers and
/// `330000-bench-client` for the clients.
public enum BenchPKI {
    public static let serverRegion = "330000", serverService = "bench-echo", clientService = "bench-client"

    /// The value of `--pki DIR` among the process arguments.
    public static var argument: String? {
        let arguments = CommandLine.arguments
        guard let i = arguments.firstIndex(of: "--pki"), i + 1 < arguments.count else { return nil }
        return arguments[i + 1]
    }

    public static func root(_ directory: String) -> String { directory + "/root.pem" }
    public static func certificate(_ directory: String, _ service: String) -> String { directory + "/\(serverRegion)-\(service).pem" }
    public static func key(_ directory: String, _ service: String) -> String { directory + "/\(serverRegion)-\(service).key" }
}
