import Hummingbird

/// The pages and their files: `/` the duty-room screen, `/phone` the phone page (码上转, 码上报), and
/// `/assets/screen/…` everything they load, all from the gateway itself (no CDN).
extension GatewayHTTPServer {
    static let assetPrefix = "/assets/screen/"

    func addScreen(to router: Router<BasicRequestContext>) {
        let assets = assets
        router.get("/") { _, _ in try Self.page("index.html", assets) }
        router.get("/phone") { _, _ in try Self.page("phone.html", assets) }
        router.get("/assets/screen/**") { request, _ in
            let path = request.uri.path.dropFirst(Self.assetPrefix.count)
            guard let file = assets.file(path.removingPercentEncoding ?? String(path)) else {
                throw APIError.notFound("no file \(request.uri.path)")
            }
            return ScreenAssets.response(file, cached: true)
        }
    }

    /// A page: never cached, so a new gateway's pages (and the files they name) are loaded at once.
    static func page(_ name: String, _ assets: ScreenAssets) throws -> Response {
        guard let file = assets.file(name) else { throw APIError.notFound("the screen's \(name) is not bundled") }
        return ScreenAssets.response(file, cached: false)
    }
}
