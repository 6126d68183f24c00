import AnlanIdentity
import AnlanTestSupport
import Foundation
import Testing

/// The people a gateway signs in: scrypt hashes, never passwords; one line a person; a wrong password,
/// an unknown id and a damaged file all refuse.
@Suite struct PeopleRosterTests {
    @Test func aPersonSignsInWithTheirPasswordOnly() async throws {
        try await withTemporaryDirectory { dir in
            let roster = PeopleRoster(path: dir + "/people-330106.txt")
            #expect(try roster.entries().isEmpty)
            try roster.put(id: "2001", name: "西湖区值班员", role: .officer, region: "330106", password: "第一个密码很长很长")
            try roster.put(id: "2002", name: "北山街道干部", role: .cadre, region: "330106002000", password: "second-password")
            let text = try String(contentsOfFile: roster.path, encoding: .utf8)
            #expect(!text.contains("第一个密码很长很长") && !text.contains("second-password") && text.contains("scrypt:16384:"))

            #expect(try roster.check(id: "2001", password: "第一个密码很长很长")?.role == .officer)
            #expect(try roster.check(id: "2001", password: "第一个密码很长很长!") == nil)
            #expect(try roster.check(id: "2002", password: "第一个密码很长很长") == nil)
            #expect(try roster.check(id: "9999", password: "第一个密码很长很长") == nil)

            // Replacing a person changes their password and keeps one line.
            try roster.put(id: "2001", name: "西湖区值班员", role: .officer, region: "330106", password: "a-new-password")
            #expect(try roster.check(id: "2001", password: "第一个密码很长很长") == nil)
            #expect(try roster.check(id: "2001", password: "a-new-password")?.name == "西湖区值班员")
            #expect(try roster.entries().map(\.id) == ["2002", "2001"])

            #expect(throws: IdentityError.self) { try roster.put(id: "2003", name: "x", role: .cadre, region: "330106", password: "short") }
            try (text + "not\ta person\n").write(toFile: roster.path, atomically: true, encoding: .utf8)
            #expect(throws: IdentityError.self) { _ = try roster.check(id: "2002", password: "second-password") }
        }
    }
}
