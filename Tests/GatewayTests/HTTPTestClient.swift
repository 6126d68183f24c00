import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Plain HTTP to a gateway's HTTP port, as a browser would ask it (URLSession).
struct HTTPTestClient {
    /// One answer: its status, headers and body.
    struct Answer {
        var status: Int
        var headers: [String: String]
        var body: Data

        var text: String { String(decoding: body, as: UTF8.self) }

        func header(_ name: String) -> String? {
            headers.first { $0.key.caseInsensitiveCompare(name) == .orderedSame }?.value
        }

        func json<Message: Decodable>(_ type: Message.Type) throws -> Message {
            try JSONDecoder().decode(type, from: body)
        }

        /// The error body's `error` field.
        var errorName: String? {
            (try? JSONSerialization.jsonObject(with: body) as? [String: Any])?["error"] as? String
        }
    }

    let port: Int
    /// Sent as the `Cookie` header (a session, as a browser keeps it); nil: none.
    var cookie: String? = nil

    func get(_ path: String) async throws -> Answer {
        try await send("GET", path, body: nil)
    }

    func delete(_ path: String) async throws -> Answer {
        try await send("DELETE", path, body: nil)
    }

    func post(_ path: String, json body: some Encodable) async throws -> Answer {
        try await send("POST", path, body: try JSONEncoder().encode(body))
    }

    func post(_ path: String, raw body: String) async throws -> Answer {
        try await send("POST", path, body: Data(body.utf8))
    }

    /// A session that keeps no cookies: each client sends only its own (`cookie`).
    private static let session: URLSession = {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpCookieStorage = nil
        configuration.httpShouldSetCookies = false
        return URLSession(configuration: configuration)
    }()

    private func send(_ method: String, _ path: String, body: Data?) async throws -> Answer {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!, timeoutInterval: 10)
        request.httpMethod = method
        request.httpShouldHandleCookies = false
        if let cookie { request.setValue(cookie, forHTTPHeaderField: "Cookie") }
        if let body {
            request.httpBody = body
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        let (data, response) = try await Self.session.data(for: request)
        let http = response as! HTTPURLResponse
        var headers: [String: String] = [:]
        for (key, value) in http.allHeaderFields { headers["\(key)"] = "\(value)" }
        return Answer(status: http.statusCode, headers: headers, body: data)
    }
}
