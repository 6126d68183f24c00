import Hummingbird

/// The paths and methods the API's description (`openapi.yaml`) declares: a declared path asked with
/// another method is answered 405 with `Allow`, not 404 — read from the description itself, so the
/// answer and the document cannot disagree.
struct DeclaredRoutes: Sendable {
    /// Each path's segments (`{id}` matches any one segment) and its methods, upper-case.
    private let routes: [(segments: [Substring], methods: [String])]

    /// Reads the `paths:` section of an OpenAPI document as written there: a path at two spaces'
    /// indent, its methods at four.
    init(openAPI text: String) {
        var routes: [(segments: [Substring], methods: [String])] = []
        var inPaths = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if !line.hasPrefix(" ") { inPaths = line == "paths:"; continue }
            guard inPaths else { continue }
            if line.hasPrefix("  /"), line.hasSuffix(":") {
                routes.append((Self.segments(line.dropFirst(2).dropLast()), []))
            } else if line.hasPrefix("    "), !line.hasPrefix("     "), line.hasSuffix(":"), !routes.isEmpty {
                let method = line.dropFirst(4).dropLast()
                if ["get", "post", "put", "delete", "patch"].contains(method) { routes[routes.count - 1].methods.append(method.uppercased()) }
            }
        }
        self.routes = routes
    }

    /// The methods declared for `path` (empty when no declared path matches it).
    func methods(for path: String) -> [String] {
        let asked = Self.segments(Substring(path))
        return routes.first { route in
            route.segments.count == asked.count && zip(route.segments, asked).allSatisfy { $0.hasPrefix("{") || $0 == $1 }
        }?.methods ?? []
    }

    private static func segments(_ path: Substring) -> [Substring] {
        path.split(separator: "/", omittingEmptySubsequences: true)
    }
}
