import AnlanTestSupport
import Foundation
import Testing

/// Every record service's `import` command, run as a real process against a real database file,
/// prints the same figures in the same form.
@Suite(.timeLimit(.minutes(2)), .serialized) struct ImportCommandTests {
    /// `<n> rows: <n> inserted, <n> updated, <n> unchanged, <n> rejected`, the rejected rows, then the time and rate.
    var form: Regex<(Substring, Substring, Substring, Substring, Substring, Substring, Substring?)> { #/^(\d+) rows: (\d+) inserted, (\d+) updated, (\d+) unchanged, (\d+) rejected\n(  line \d+: .*\n)*\d+\.\d\d s, \d+ rows/s\n$/# }

    func run(_ executable: String, _ arguments: [String]) async throws -> (status: Int32, output: String) {
        let run = try await ProgramRun.run(try NodeProcess.locate(executable), arguments, errors: .discarded)
        return (run.status, run.output)
    }

    @Test(arguments: [
        ("hazard-survey", "points", "id,region,lat,lon,type,band,population,transfer,responsible,phone\nP-1,330106002000,30.26,120.14,landslide,2,10,5,王伟,0571-87000000\n"),
        ("material-reserve", "region-profiles", "region,risk_level\n330106002000,high\n"),
        ("aviation-landing-points", "points", "id,name,region,lat,lon,kind\nL-1,西湖起降点,330106002000,30.26,120.14,temporary-field\n"),
        ("training-records", "people", "id,name,national_id,role,region,joined_on\n"),
    ])
    func importPrintsTheSameForm(executable: String, kind: String, csv: String) async throws {
        try await withTemporaryDirectory { dir in
            let file = dir + "/records.csv"
            try (csv + "bad row with \"a stray quote\n").write(toFile: file, atomically: true, encoding: .utf8)
            let database = dir + "/node.sqlite"
            let first = try await run(executable, ["import", "--database", database, "--region", "330106", "--kind", kind, file])
            let match = try #require(try form.wholeMatch(in: first.output), "\(executable): \(first.output)")
            #expect(Int(match.output.5) ?? 0 >= 1, "the bad row is rejected")
            #expect(first.status == 3, "a rejected row fails the command")
            let again = try await run(executable, ["import", "--database", database, "--region", "330106", "--kind", kind, file])
            let second = try #require(try form.wholeMatch(in: again.output), "\(executable): \(again.output)")
            #expect(second.output.1 == match.output.1 && second.output.2 == "0" && second.output.3 == "0",
                    "importing again changes nothing: \(again.output)")
        }
    }
}
