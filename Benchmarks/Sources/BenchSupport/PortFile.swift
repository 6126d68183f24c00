import Foundation

/// Servers report their bound port through a file the driver polls.
public enum PortFile {
    public static func write(_ port: Int, to path: String) throws {
        try "\(port)\n".write(toFile: path + ".tmp", atomically: false, encoding: .utf8)
        guard rename(path + ".tmp", path) == 0 else { throw CocoaError(.fileWriteUnknown) }
    }

    public static func read(_ path: String) -> Int? {
        (try? String(contentsOfFile: path, encoding: .utf8)).flatMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
    }

    /// The value of `--port-file PATH` among the process arguments.
    public static var argument: String? {
        let arguments = CommandLine.arguments
        guard let i = arguments.firstIndex(of: "--port-file"), i + 1 < arguments.count else { return nil }
        return arguments[i + 1]
    }
}
