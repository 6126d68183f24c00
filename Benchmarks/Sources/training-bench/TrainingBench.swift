import AnlanRecords
import ArgumentParser
import BenchTiming
import Foundation
import Logging
import TrainingRecordsAPI
import TrainingRecordsService

/// Measures training-records at the province's scale against a real SQLite file (WAL,
/// synchronous=FULL): 1,200,000 people and 5,000,000 attendance records imported through the CSV
/// import in chunks, then coverage by role for the province and for a county. Prints figures;
/// asserts nothing. Run with scripts/bench.sh training.
@main
struct TrainingBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "training-bench",
                                                    abstract: "training-records bulk import and coverage figures.")

    @Option(help: "People.") var people = 1_200_000
    @Option(help: "Attendance records.") var attendance = 5_000_000
    @Option(help: "Rows per imported file.") var chunk = 500_000
    @Option(help: "Repetitions of each coverage query.") var repetitions = 20

    func run() async throws {
        let dir = NSTemporaryDirectory() + "training-bench-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var logger = Logger(label: "training-bench")
        logger.logLevel = .warning
        let today = CivilDay("2026-11-24")!
        let records = try TrainingRecords(databasePath: dir + "/training.sqlite", regionCode: "330000", logger: logger, today: { today })
        let data = try SyntheticTraining(regionCode: "330000", today: today)
        for course in SyntheticTraining.courses { try await records.putCourse(course) }
        for session in data.sessions() { try await records.putSession(session) }

        var seconds = 0.0
        for first in stride(from: 0, to: people, by: chunk) {
            let bytes = Array(data.peopleCSV(first: first, count: min(chunk, people - first)).utf8)
            let started = ContinuousClock.now
            let report = try await records.importCSV(.people, bytes: bytes, source: "people")
            seconds += (ContinuousClock.now - started).seconds
            precondition(report.rejected.isEmpty, "\(report.rejected.prefix(3))")
        }
        print(String(format: "people: %d imported in %.1f s, %.0f rows/s", people, seconds, Double(people) / seconds))

        seconds = 0
        var rates: [Double] = []
        for first in stride(from: 0, to: attendance, by: chunk) {
            let bytes = Array(data.attendanceCSV(first: first, count: min(chunk, attendance - first), people: people).utf8)
            let started = ContinuousClock.now
            let report = try await records.importCSV(.attendance, bytes: bytes, source: "attendance")
            let elapsed = (ContinuousClock.now - started).seconds
            seconds += elapsed
            rates.append(Double(report.rows) / elapsed)
            precondition(report.rejected.isEmpty, "\(report.rejected.prefix(3))")
        }
        print(String(format: "attendance: %d imported in %.1f s, %.0f rows/s overall (files of %d: %.0f … %.0f rows/s)",
                     attendance, seconds, Double(attendance) / seconds, chunk, rates.min() ?? 0, rates.max() ?? 0))
        print("  file by file: " + rates.map { String(format: "%.0f", $0 / 1000) + "k" }.joined(separator: " "))

        print("\ncoverage for 2026, by role (median / p99 ms)")
        for (name, code) in [("province", "330000"), ("county 西湖区", "330106")] {
            var worst = (median: 0.0, p99: 0.0, role: "")
            for role in PersonRole.allCases {
                let timing = try await RepeatedTiming.measure(repetitions: repetitions) {
                    try await records.coverage(CoverageRequest(regionCode: code, role: role, year: 2026)).lines.count
                }
                if timing.p99 > worst.p99 { worst = (timing.median, timing.p99, role.name) }
            }
            let all = try await RepeatedTiming.measure(repetitions: repetitions) {
                try await records.coverage(CoverageRequest(regionCode: code, year: 2026)).lines.count
            }
            print(pad(name, 16) + String(format: "slowest role (%@) %.2f / %.2f;  all roles at once %.2f / %.2f", worst.role, worst.median, worst.p99,
                                         all.median, all.p99))
        }
        // Counted every time: `statistics` keeps its answer until the data changes.
        let statistics = try await RepeatedTiming.measure(repetitions: 5) {
            try await records.countStatistics(CoverageRequest(year: 2026), today: today).rules.count
        }
        print(String(format: "province statistics (coverage and every rule): median %.1f ms", statistics.median))
    }
}
