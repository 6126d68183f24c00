import AnlanNode
import AnlanRecords
import AviationLandingAPI
import EmergencyResponseAPI
import EvacuationAPI
import Foundation
import GatewayAPI
import GatewayService
import Hummingbird

/// The JSON API (docs/SCREEN.md): each route one `Gateway` function, its body and answer the Anlan
/// messages as JSON. Requests carry no deadline: each gets the gateway's default budget.
extension GatewayHTTPServer {
    func addAPI(to router: Router<BasicRequestContext>) {
        let gateway = gateway
        let feed = feed
        let nodeID = nodeID

        // 一图: summaries, the counties that colour the map, the live feed.
        router.get("/api/summary") { request, _ in
            try JSONBody.response(try await gateway.summary(try Self.summaryRequest(request), deadline: nil))
        }
        router.get("/api/children") { request, _ in
            try JSONBody.response(try await gateway.children(try Self.summaryRequest(request), deadline: nil))
        }
        router.get("/api/counties") { _, _ in
            try JSONBody.response(CountySummaries(counties: try await gateway.counties(deadline: nil)))
        }
        router.get("/api/events") { _, _ in Self.events(feed.subscribe()) }
        router.get("/api/index") { request, _ in
            let query = QueryParameters(request)
            return try JSONBody.response(try await gateway.index(IndexRequest(regionCode: query.string("region") ?? "", month: query.string("month") ?? ""),
                                                                 deadline: nil))
        }
        router.get("/api/index/records") { request, _ in
            let query = QueryParameters(request)
            let asked = IndicatorRecordsRequest(regionCode: query.string("region") ?? "", indicator: query.string("indicator") ?? "",
                                                limit: try query.value("limit") ?? 0)
            return try JSONBody.response(try await gateway.indicatorRecords(asked, deadline: nil))
        }

        // 一屏: incidents, proposals (一屏指挥调度).
        router.get("/api/incidents") { request, _ in
            let query = QueryParameters(request)
            let asked = IncidentQuery(regionCode: query.string("region") ?? "", openOnly: try query.value("open") ?? false,
                                      limit: try query.value("limit") ?? 0)
            return try JSONBody.response(try await gateway.listIncidents(asked, deadline: nil))
        }
        router.post("/api/incidents") { request, _ in
            try JSONBody.response(try await gateway.reportIncident(try await JSONBody.decode(request, defaults: Incident()), deadline: nil))
        }
        router.get("/api/incidents/:id") { _, context in
            try JSONBody.response(try await gateway.incident(RecordID(try Self.parameter("id", context)), deadline: nil))
        }
        router.post("/api/incidents/:id/field-reports") { request, context in
            var report = try await JSONBody.decode(request, defaults: FieldReport())
            report.incidentID = try Self.parameter("id", context)
            return try JSONBody.response(try await gateway.fieldReport(report, deadline: nil))
        }
        router.post("/api/incidents/:id/proposal") { request, context in
            var asked = try await JSONBody.decode(request, defaults: ProposalRequest())
            asked.incidentID = try Self.parameter("id", context)
            return try JSONBody.response(try await gateway.propose(asked, deadline: nil))
        }
        router.post("/api/proposals/confirm") { request, _ in
            try JSONBody.response(try await gateway.confirmProposal(try await JSONBody.decode(request, defaults: ProposalConfirmRequest()),
                                                                    deadline: nil))
        }

        // 一键通: 码上转 and the phone page, at the node's own evacuation service.
        router.get("/api/transfers/:code") { request, context in
            let asked = TransferQuery(transferCode: try Self.parameter("code", context), warningID: QueryParameters(request).string("warning") ?? "")
            return try JSONBody.response(try await gateway.transfer(asked, deadline: nil))
        }
        router.post("/api/transfers/:code/scan") { request, context in
            var scan = try await JSONBody.decode(request, defaults: ScanRequest())
            scan.transferCode = try Self.parameter("code", context)
            return try JSONBody.response(try await gateway.scan(scan, deadline: nil))
        }
        router.get("/api/warnings") { _, _ in
            try JSONBody.response(Warnings(warnings: gateway.warningsInForce()))
        }
        router.get("/api/shelters/nearby") { request, _ in
            let query = QueryParameters(request)
            let asked = NearbySheltersRequest(latitude: try query.required("lat"), longitude: try query.required("lon"),
                                              count: try query.value("count") ?? 0, minimumFree: try query.value("minimumFree") ?? 0)
            return try JSONBody.response(try await gateway.nearbyShelters(asked, deadline: nil))
        }
        router.get("/api/landing/nearest") { request, _ in
            let query = QueryParameters(request)
            let asked = NearestRequest(latitude: try query.required("lat"), longitude: try query.required("lon"), limit: try query.value("limit") ?? 0)
            return try JSONBody.response(try await gateway.nearest(asked, deadline: nil))
        }

        // For machines.
        router.get("/metrics") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                     body: ResponseBody(byteBuffer: ByteBuffer(string: NodeMetrics.exposition(node: nodeID))))
        }
        router.get("/openapi.yaml") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/yaml; charset=utf-8"], body: ResponseBody(byteBuffer: try ScreenAssets.openAPI()))
        }
    }

    /// `{"warnings": […]}`.
    struct Warnings: Codable {
        var warnings: [EvacuationAPI.Warning]
    }

    /// `?region=R&maxAge=MS&year=Y` as a summary request.
    static func summaryRequest(_ request: Request) throws -> SummaryRequest {
        let query = QueryParameters(request)
        return SummaryRequest(regionCode: query.string("region") ?? "", year: try query.value("year") ?? 0,
                              maxAgeMilliseconds: try query.value("maxAge"))
    }

    /// A path parameter, percent-decoded.
    static func parameter(_ name: String, _ context: BasicRequestContext) throws -> String {
        let raw = try context.parameters.require(name)
        return raw.removingPercentEncoding ?? raw
    }

    /// The live feed as server-sent events, until the screen goes or the feed closes: the counties
    /// with the first frame and whenever they changed since this screen last had them.
    static func events(_ subscription: FeedSubscription<ScreenFrame>) -> Response {
        let headers: HTTPFields = [.contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-cache"]
        return Response(status: .ok, headers: headers, body: ResponseBody { writer in
            defer { subscription.end() }
            var sentCounties: UInt64?
            for await event in subscription {
                switch event {
                case .frame(let frame) where frame.countiesKey == sentCounties: try await writer.write(frame.summaryEvent)
                case .frame(let frame):
                    try await writer.write(frame.event)
                    sentCounties = frame.countiesKey
                case .keepAlive: try await writer.write(Self.keepAlive)
                }
            }
            try await writer.finish(nil)
        })
    }

    static let keepAlive = ByteBuffer(string: ": keep-alive\n\n")
}
