import AnlanRecords
import Testing

@Suite struct ImportReportTests {
    @Test func summaryWithTimeAndRate() {
        let report = ImportReport(rows: 3, inserted: 1, updated: 1, unchanged: 0,
                                  rejected: [RowError(line: 4, reason: "region: 999999 is unknown")])
        #expect(report.summary(elapsed: .milliseconds(1500)) == """
            3 rows: 1 inserted, 1 updated, 0 unchanged, 1 rejected
              line 4: region: 999999 is unknown
            1.50 s, 2 rows/s
            """)
        // An instant import is counted as a millisecond, not a division by zero.
        #expect(ImportReport(rows: 7, inserted: 7).summary(elapsed: .zero).hasSuffix("\n0.00 s, 7000 rows/s"))
    }
}
