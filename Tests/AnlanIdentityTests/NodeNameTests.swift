import AnlanIdentity
import Testing

@Suite struct NodeNameTests {
    @Test(arguments: [
        ("anlan://330106/hazard-survey", "330106", "hazard-survey"),
        ("anlan://330100", "330100", nil),
        ("anlan://330106003000/evacuation", "330106003000", "evacuation"),
    ] as [(String, String, String?)])
    func namesRoundTrip(uri: String, region: String, service: String?) throws {
        let name = try NodeName(uri: uri)
        #expect(name.region == region && name.service == service && name.uri == uri)
        #expect(name.isAuthority == (service == nil))
    }

    @Test(arguments: [
        "https://330106/hazard-survey",   // another scheme
        "anlan://339999/gateway",         // no such region
        "anlan://330106/Hazard",          // not a service name
        "anlan://330106/a/b",             // more than a region and a service
        "anlan://",                       // nothing
    ])
    func malformedNamesAreRefused(uri: String) {
        #expect { try NodeName(uri: uri) } throws: { ($0 as? IdentityError)?.code == .malformedName }
    }
}
