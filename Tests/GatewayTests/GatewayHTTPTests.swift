import AnlanRecords
import AnlanRegions
import AnlanRPC
import AnlanTestSupport
import EmergencyResponseAPI
import EvacuationAPI
import Foundation
import GatewayAPI
@testable import GatewayHTTP
import Testing

/// The gateway's HTTP port on real processes: the JSON API answers what the binary methods answer, its
/// errors are mapped as docs/SCREEN.md says, and the live feed follows a township's scans.
@Suite(.timeLimit(.minutes(2)), .serialized) struct GatewayHTTPTests {
    static let township = "330106003000"

    @Test func theScreensAPIAnswersWhatTheBinaryMethodsDo() async throws {
        try await withTemporaryDirectory { dir in
            let mesh = try await TestMesh(directory: dir, countyServices: ["hazard-survey", "material-reserve", "emergency-response"],
                                          httpGateways: ["330000", "330106"])
            try await mesh.startService("evacuation", "330106")
            try await mesh.loadCounty("330106", township: Self.township, points: 2, units: 10)
            let codes = try await mesh.codePeople(2, at: "330106", township: Self.township, first: 0)
            let province = try await mesh.client(gatewayOf: "330000")
            let county = try await mesh.client(gatewayOf: "330106")
            _ = try await mesh.waitForSummary(province) { $0.nodesReporting == 3 && $0.hazard.hazardPoints == 2 }
            let web = HTTPTestClient(port: try await mesh.httpPort("330000"))
            let countyWeb = HTTPTestClient(port: try await mesh.httpPort("330106"))

            // The summary: the binary method's figures.
            let summary = try await web.get("/api/summary?maxAge=0")
            #expect(summary.status == 200 && summary.header("Content-Type")?.hasPrefix("application/json") == true)
            let binary = try await province.call(GatewayMethods.summary, SummaryRequest(maxAgeMilliseconds: 0))
            #expect(try summary.json(RegionSummary.self).hasSameFigures(as: binary))
            let drill = try await web.get("/api/children?region=330100")
            #expect(try drill.json(DrillDown.self).children.map(\.regionCode).contains("330106"))
            let counties = try await web.get("/api/counties")
            let byCode = Dictionary(uniqueKeysWithValues: try counties.json(CountySummaries.self).counties.map { ($0.regionCode, $0) })
            let expected = try RegionTree.zhejiang.children(of: "330000").reduce(0) { $0 + (try RegionTree.zhejiang.children(of: $1.code)).count }
            #expect(byCode.count == expected && byCode["330106"]?.hazard.hazardPoints == 2, "every county of the province, 西湖区's with its points")

            // An incident reported over HTTP is listed, and got.
            let reported = try await web.post("/api/incidents", json: ["kind": "landslide", "title": "灵隐街道山体滑坡", "regionCode": Self.township,
                                                                       "responseLevel": "III"])
            #expect(reported.status == 200, "\(reported.text)")
            let incident = try reported.json(Incident.self)
            #expect(incident.id.hasPrefix("330106-") && incident.kind == .landslide && incident.responseLevel == .three)
            let listed = try await web.get("/api/incidents?open=true")
            #expect(try listed.json(RecordPage<Incident>.self).records.map(\.id) == [incident.id])
            let binaryList = try await province.call(GatewayMethods.listIncidents, IncidentQuery(regionCode: "330100"))
            #expect(binaryList.records.map(\.id) == [incident.id])
            let got = try await web.get("/api/incidents/\(incident.id)")
            #expect(try got.json(IncidentRecord.self).timeline.first?.kind == .reported)
            let fieldReport = try await web.post("/api/incidents/\(incident.id)/field-reports", raw: #"{"reporter": "灵隐街道", "injured": 2}"#)
            #expect(try fieldReport.json(Incident.self).injured == 2, "\(fieldReport.text)")

            // Errors, as docs/SCREEN.md maps them.
            let badType = try await web.post("/api/incidents", raw: #"{"title": 5}"#)
            #expect(badType.status == 400 && badType.errorName == "invalidArgument", "\(badType.text)")
            #expect(badType.text.contains("title"), "the decoder's reason names the field")
            let notJSON = try await web.post("/api/incidents", raw: "灵隐街道")
            #expect(notJSON.status == 400 && notJSON.errorName == "invalidArgument")
            let unknown = try await web.get("/api/incidents/330106-999")
            #expect(unknown.status == 404 && unknown.errorName == "notFound", "\(unknown.text)")
            let noEvacuation = try await web.get("/api/transfers/\(codes[0])")
            #expect(noEvacuation.status == 503 && noEvacuation.errorName == "unavailable", "the province has no evacuation service")
            let noRoute = try await web.get("/api/nowhere")
            #expect(noRoute.status == 404 && noRoute.errorName == "notFound")

            // For machines, and the pages' files.
            let metrics = try await web.get("/metrics")
            #expect(metrics.status == 200 && metrics.header("Content-Type")?.hasPrefix("text/plain") == true)
            #expect(metrics.text.contains("# TYPE") && metrics.text.contains(#"node="330000-gateway""#))
            let openAPI = try await web.get("/openapi.yaml")
            #expect(openAPI.status == 200 && openAPI.text.hasPrefix("openapi: 3"))
            let page = try await web.get("/")
            #expect(page.status == 200 && page.header("Content-Type")?.hasPrefix("text/html") == true)
            let asset = try await web.get("/assets/screen/index.html")
            #expect(asset.header("Content-Type")?.hasPrefix("text/html") == true && asset.header("Cache-Control")?.contains("max-age") == true)
            #expect(try await web.get("/assets/screen/none.js").status == 404)

            // A warning issued at 西湖区 is in force there; the live feed follows the township's scan.
            let warning = Warning(id: "XH-RAIN-1", issuerRegion: "330106", regionCodes: [Self.township], hazard: .rainstorm, level: .orange,
                                  leadTimeHours: 6, headline: "暴雨橙色预警")
            #expect(try await county.call(GatewayMethods.issueWarning, warning).tasks == 2)
            let warnings = try await countyWeb.get("/api/warnings")
            let inForce = try warnings.json(GatewayHTTPServer.Warnings.self).warnings
            #expect(inForce.map(\.id) == ["XH-RAIN-1"] && inForce.first?.leadTimeHours == 6 && inForce.first?.level == .orange)

            let feed = try EventStreamReader(port: try await mesh.httpPort("330106"))
            let watchdog = Task {
                try await Task.sleep(for: .seconds(10))
                feed.close()
            }
            defer {
                watchdog.cancel()
                feed.close()
            }
            var events = feed.events.makeAsyncIterator()
            let connected = ContinuousClock.now
            let first = try #require(await events.next(), "no event within 10 s")
            #expect(ContinuousClock.now - connected < .seconds(3), "the first event comes at once")
            let firstFrame = try JSONDecoder().decode(ScreenFrame.Body.self, from: first)
            #expect(firstFrame.summary.regionCode == "330106" && firstFrame.counties?.map(\.regionCode) == ["330106"])
            #expect(firstFrame.summary.evacuation.called == 0)
            let scanned = try await countyWeb.post("/api/transfers/\(codes[0])/scan", json: ["action": "confirm", "actor": "王村干"])
            #expect(try scanned.json(TransferTask.self).state == .called, "\(scanned.text)")
            var after: ScreenFrame.Body?
            while after == nil, let data = await events.next() {
                let frame = try JSONDecoder().decode(ScreenFrame.Body.self, from: data)
                if frame.summary.evacuation.called == 1 { after = frame }
            }
            #expect(after?.counties?.first?.evacuation.called == 1, "a later event carries the changed county with the summary")
            let transfer = try await countyWeb.get("/api/transfers/\(codes[0])")
            #expect(try transfer.json(TransferTask.self).state == .called)

            // Lifted, it is no longer in force.
            _ = try await county.call(GatewayMethods.liftWarning, LiftRequest(warningID: "XH-RAIN-1"))
            #expect(try await countyWeb.get("/api/warnings").json(GatewayHTTPServer.Warnings.self).warnings.isEmpty)
            // Closed here, not in a deferred task the runner may never run: its processes end with it.
            await mesh.close()
        }
    }
}
