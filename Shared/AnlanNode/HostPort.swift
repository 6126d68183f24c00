import ArgumentParser

/// A `host:port` given on the command line.
public struct HostPort: Sendable, Hashable, CustomStringConvertible {
    public var host: String
    public var port: Int

    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    /// Parses `host:port` (IPv6 as `[::1]:port`), failing with a message that names the flag.
    public init(parsing text: String, flag: String) throws {
        let host: Substring
        let portText: Substring
        if text.hasPrefix("["), let close = text.firstIndex(of: "]") {
            host = text[text.index(after: text.startIndex)..<close]
            portText = text[text.index(after: close)...].dropFirst()
        } else if let colon = text.lastIndex(of: ":") {
            host = text[..<colon]
            portText = text[text.index(after: colon)...]
        } else {
            throw ValidationError("\(flag): expected host:port, got \"\(text)\"")
        }
        guard !host.isEmpty, let port = Int(portText), (1...65535).contains(port) else {
            throw ValidationError("\(flag): expected host:port with a port 1…65535, got \"\(text)\"")
        }
        self.init(host: String(host), port: port)
    }

    public var description: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }
}
