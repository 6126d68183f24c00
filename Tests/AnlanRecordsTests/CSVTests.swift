import AnlanRecords
import Testing

@Suite struct CSVTests {
    func records(_ text: String) -> [CSVRecord] {
        var reader = CSVReader(text)
        var out: [CSVRecord] = []
        while let record = reader.next() { out.append(record) }
        return out
    }

    @Test func readsQuotedFieldsAcrossLinesWithTheirStartingLine() {
        let rows = records("id,note\r\n1,\"a, \"\"quoted\"\" note\"\n2,\"two\nlines\"\n\n3,plain\n")
        #expect(rows.map(\.fields) == [["id", "note"], ["1", "a, \"quoted\" note"], ["2", "two\nlines"], ["3", "plain"]])
        #expect(rows.map(\.line) == [1, 2, 3, 6])
        #expect(rows.allSatisfy { $0.problem == nil })
    }

    @Test func skipsAByteOrderMarkAndKeepsEmptyFields() {
        let rows = records("\u{FEFF}a,b,c\n,,\n")
        #expect(rows.map(\.fields) == [["a", "b", "c"], ["", "", ""]])
    }

    @Test func aMalformedRowIsReportedAndReadingGoesOn() {
        let rows = records("a,b\nx\"y,1\n\"ok\"z,2\ngood,3\n\"never closed,4\n")
        #expect(rows.count == 5)
        #expect(rows[1].problem?.contains("quote inside an unquoted field") == true)
        #expect(rows[2].problem?.contains("followed by text") == true)
        #expect(rows[3].problem == nil && rows[3].fields == ["good", "3"])
        #expect(rows[4].problem?.contains("never closed") == true)
        #expect(rows[4].line == 5)
    }

    /// A quote opened and never closed costs only its own line. (A stray quote that a later quote in
    /// the file closes makes one long quoted field, as RFC 4180 says; that row is reported as malformed.)
    @Test func aQuoteNeverClosedCostsOnlyItsOwnLine() {
        // No quote after the stray one anywhere in the file: only its line is lost.
        let rows = records("a,b\n1,\"open\n2,x\n3,y\n")
        #expect(rows.map(\.line) == [1, 2, 3, 4])
        #expect(rows[1].fields == ["1", "open"])
        #expect(rows[1].problem?.contains("never closed") == true)
        #expect(rows[2].fields == ["2", "x"] && rows[2].problem == nil)
        #expect(rows[3].fields == ["3", "y"] && rows[3].problem == nil)
    }

    @Test func writerRoundTripsThroughReader() {
        let fields = [["id", "名称", "note"], ["1", "西湖区, 杭州", "say \"hi\"\nbye"], ["2", "", "plain"]]
        var writer = CSVWriter()
        fields.forEach { writer.write($0) }
        #expect(records(writer.text).map(\.fields) == fields)
    }

    @Test func headerFindsColumnsInAnyOrderAndNamesWhatIsMissing() throws {
        let header = try CSVHeader(CSVRecord(line: 1, fields: ["b", " a ", "c"], problem: nil), required: ["a", "b"])
        #expect(header.index(of: "a") == 1)
        #expect(header.index(of: "zzz") == nil)
        #expect(throws: CSVHeaderError.self) {
            try CSVHeader(CSVRecord(line: 1, fields: ["a"], problem: nil), required: ["a", "b", "c"])
        }
        do {
            _ = try CSVHeader(CSVRecord(line: 1, fields: ["a"], problem: nil), required: ["a", "b", "c"])
        } catch let error as CSVHeaderError {
            #expect(error.message.contains("missing columns b, c"))
        }
    }
}
