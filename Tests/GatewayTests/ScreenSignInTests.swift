import AnlanIdentity
import AnlanTestSupport
import Foundation
import GatewayAPI
import Testing

extension IdentityMeshTests {
    /// The screen of a gateway with identities: nothing but the page until someone signs in from the
    /// roster; then each request acts for them — the gateway checks the route's access (a dispatch is
    /// confirmed only by its own officer) and the nodes below check the person again.
    @Suite(.timeLimit(.minutes(3)), .serialized) struct ScreenSignInTests {
        @Test func theScreenSignsPeopleInAndActsForThem() async throws {
            try await withTemporaryDirectory { dir in
                let mesh = try await TestMesh(directory: dir, countyServices: ["hazard-survey", "emergency-response"],
                                              httpGateways: ["330000"], mutualTLS: true)
                let roster = PeopleRoster(directory: PKIDirectory(try #require(mesh.pki)), region: "330000")
                try roster.put(id: "1001", name: "省值班员", role: .officer, region: "330000", password: "台风来了要坚守值班")
                try roster.put(id: "2002", name: "北山干部", role: .cadre, region: "330106002000", password: "北山街道干部值班室")
                let web = HTTPTestClient(port: try await mesh.httpPort("330000"))

                // Nothing but the page and signing in without a session.
                #expect(try await web.get("/").status == 200)
                let closed = try await web.get("/api/summary")
                #expect(closed.status == 401 && closed.errorName == "unauthenticated", "\(closed.text)")
                let wrong = try await web.post("/api/session", json: ["id": "1001", "password": "不是这个密码"])
                #expect(wrong.status == 401 && wrong.text.contains("工号或密码不正确"))
                let unknown = try await web.post("/api/session", json: ["id": "9999", "password": "台风来了要坚守值班"])
                #expect(unknown.status == 401)

                // The officer signs in: an HTTP-only cookie, and the screen's reads answer.
                let officer = try await signIn(web, "1001", "台风来了要坚守值班")
                let me = try await officer.get("/api/session")
                #expect(me.status == 200 && me.text.contains("省值班员") && me.text.contains("值班员"), "\(me.text)")
                #expect(try await officer.get("/api/summary").status == 200)

                // The cadre of 北山街道 reports an incident of her township through the province's screen:
                // 西湖区's node keeps it, and its audit names her.
                let cadre = try await signIn(web, "2002", "北山街道干部值班室")
                let reported = try await cadre.post("/api/incidents", json: ["kind": "flood", "title": "北山街道内涝", "regionCode": "330106002000"])
                #expect(reported.status == 200, "\(reported.text)")
                // Not her neighbour's township: 西湖区's node refuses it, and the screen says so.
                let neighbours = try await cadre.post("/api/incidents", json: ["kind": "flood", "title": "内涝", "regionCode": "330106003000"])
                #expect(neighbours.status == 403 && neighbours.errorName == "permissionDenied", "\(neighbours.text)")
                // Confirming a dispatch is the province's officer's alone.
                let confirm = try await cadre.post("/api/proposals/confirm", json: ["requestedBy": "北山干部"])
                #expect(confirm.status == 403 && confirm.text.contains("值班员"), "\(confirm.text)")
                let officersConfirm = try await officer.post("/api/proposals/confirm", json: ["requestedBy": "x"])
                #expect(officersConfirm.status != 403 && officersConfirm.status != 401, "\(officersConfirm.text)")

                // Signing out ends the session for the browser.
                let out = try await officer.delete("/api/session")
                #expect(out.status == 204 && out.header("Set-Cookie")?.contains("anlan_session=;") == true, "\(out.headers)")
                await mesh.close()
            }
        }

        /// A client holding the session cookie `id` got by signing in.
        func signIn(_ web: HTTPTestClient, _ id: String, _ password: String) async throws -> HTTPTestClient {
            let answer = try await web.post("/api/session", json: ["id": id, "password": password])
            #expect(answer.status == 200, "\(answer.text)")
            let cookie = try #require(answer.header("Set-Cookie"))
            #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"))
            var client = web
            client.cookie = String(cookie.split(separator: ";")[0])
            return client
        }
    }
}
