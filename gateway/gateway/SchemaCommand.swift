import ArgumentParser
import Foundation
import GatewayService

/// `gateway schema`: writes the protocol's proto3 files and the generated tables of docs/PROTOCOL.md
/// from the Swift declarations, or with `--check` says whether the committed ones are current.
struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Write the protocol as proto3 files and refresh docs/PROTOCOL.md's generated tables.")

    @Option(help: "Where the .proto files go (as anlan/<service>.proto).") var protoDirectory = "docs/schema"
    @Option(help: "The protocol document whose GENERATED blocks are refreshed.") var protocolDocument = "docs/PROTOCOL.md"
    @Flag(help: "Write nothing; exit 1 naming each file that is out of date.") var check = false

    func run() throws {
        var stale: [String] = []
        for (path, text) in ProtocolCatalogue.schema.protoFiles() {
            stale += try refresh(protoDirectory + "/" + path, to: text)
        }
        let document = try String(contentsOfFile: protocolDocument, encoding: .utf8)
        stale += try refresh(protocolDocument, to: try ProtocolCatalogue.updatingProtocolDocument(document))
        if check && !stale.isEmpty {
            throw ValidationError("out of date (run `gateway schema`): \(stale.joined(separator: ", "))")
        }
        print(check ? "schema current" : stale.isEmpty ? "schema already current" : "wrote \(stale.joined(separator: ", "))")
    }

    /// Writes `text` to `path` unless it is already there (or with --check); returns the path when it differed.
    private func refresh(_ path: String, to text: String) throws -> [String] {
        if (try? String(contentsOfFile: path, encoding: .utf8)) == text { return [] }
        if !check {
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                    withIntermediateDirectories: true)
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        }
        return [path]
    }
}
