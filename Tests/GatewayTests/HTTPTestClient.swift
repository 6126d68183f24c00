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

    func get(_ path: String) async throws -> Answer {
        try await send("GET", path, body: nil)
    }

    func post(_ path: String, json body: some Encodable) async throws -> Answer {
        try await send("POST", path, body: try JSONEncoder().encode(body))
    }

    func post(_ path: String, raw body: String) async throws -> Answer {
        try await send("POST", path, body: Data(body.utf8))
    }

    private func send(_ method: String, _ path: String, body: Data?) async throws -> Answer {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!, timeoutInterval: 10)
        request.httpMethod = method
        if let body {
            request.httpBody = body
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        let (data, response) = try await URLSession.shared.data(for: request)
        let http = response as! HTTPURLResponse
        var headers: [String: String] = [:]
        for (key, value) in http.allHeaderFields { headers["\(key)"] = "\(value)" }
        return Answer(status: http.statusCode, headers: headers, body: data)
    }
}
