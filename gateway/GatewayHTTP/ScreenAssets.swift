import Foundation
import Hummingbird

/// The screen's files (一图一屏), bundled with the gateway: the pages, their script and styles, the
/// map's boundaries. Read once, when the server is made, and served from memory with their content
/// types; all but the pages may be cached for a long time (the pages name them).
///
/// Not compressed here: the pages' weight is kept under its bar (1 MB gzip-compressed) by the files
/// themselves, and a duty room's screen is on the gateway's own network.
struct ScreenAssets: Sendable {
    /// A file ready to send.
    struct File: Sendable {
        let body: ByteBuffer
        let contentType: String
    }

    /// By path relative to the folder (`screen.js`, `geo/330100.json`).
    private let files: [String: File]

    /// Every file under `folder` (default: the bundled `Resources/screen`), read now.
    init(folder: URL? = nil) {
        let folder = folder ?? Bundle.module.resourceURL!.appendingPathComponent("screen", isDirectory: true)
        var files: [String: File] = [:]
        let prefix = folder.standardizedFileURL.path + "/"
        if let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) {
            for case let url as URL in walker where (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true {
                let path = url.standardizedFileURL.path
                guard path.hasPrefix(prefix), let data = try? Data(contentsOf: url) else { continue }
                files[String(path.dropFirst(prefix.count))] = File(body: ByteBuffer(bytes: data), contentType: Self.contentType(of: url.pathExtension))
            }
        }
        self.files = files
    }

    /// The bundled `openapi.yaml`.
    static func openAPI() throws -> ByteBuffer {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "yaml") else {
            throw APIError(.internalServerError, "internal", "openapi.yaml is not bundled")
        }
        return ByteBuffer(bytes: try Data(contentsOf: url))
    }

    /// The file at `path` (relative to the folder); nil when there is none.
    func file(_ path: some StringProtocol) -> File? {
        files[String(path)]
    }

    /// The response for `file`: its bytes and content type, long-cached unless it is a page.
    static func response(_ file: File, cached: Bool) -> Response {
        var headers: HTTPFields = [.contentType: file.contentType]
        headers[.cacheControl] = cached ? "public, max-age=31536000, immutable" : "no-cache"
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: file.body))
    }

    static func contentType(of fileExtension: String) -> String {
        switch fileExtension.lowercased() {
        case "html": "text/html; charset=utf-8"
        case "js", "mjs": "text/javascript; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "json": "application/json"
        case "geojson": "application/geo+json"
        case "png": "image/png"
        case "svg": "image/svg+xml"
        case "ico": "image/x-icon"
        case "webmanifest": "application/manifest+json"
        case "txt": "text/plain; charset=utf-8"
        default: "application/octet-stream"
        }
    }
}
