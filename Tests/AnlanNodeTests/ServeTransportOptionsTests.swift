import AnlanNode
import Testing

/// A node runs mutual TLS unless told `--insecure`: with neither flag it does not start.
@Suite struct ServeTransportOptionsTests {
    @Test func aNodeNeedsAPKIOrAnExplicitInsecure() throws {
        #expect { _ = try ServeOptions.parse(["--region", "330106"]) } throws: { error in
            ServeOptions.message(for: error).contains("--pki DIR")
        }
        #expect { _ = try ServeOptions.parse(["--region", "330106", "--pki", "/tmp/pki", "--insecure"]) } throws: { error in
            ServeOptions.message(for: error).contains("exclude each other")
        }
        #expect(try ServeOptions.parse(["--region", "330106", "--insecure"]).insecure)
        #expect(try ServeOptions.parse(["--region", "330106", "--pki", "/tmp/pki"]).pki == "/tmp/pki")
    }

    @Test func credentialsThatAreNotThereStopTheNodeWithTheFileNamed() throws {
        let options = try ServeOptions.parse(["--region", "330106", "--pki", "/nonexistent-anlan-pki"])
        #expect { _ = try options.credentials(service: "hazard-survey") } throws: { error in
            "\(error)".contains("/nonexistent-anlan-pki/root.pem")
        }
    }
}
