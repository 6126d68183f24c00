import AnlanRecords
import Testing
import TrainingRecordsAPI

@Suite struct NationalIDTests {
    /// GB 11643-1999's own example, 11010519491231002X, and numbers made with the check algorithm.
    @Test func validNumbers() throws {
        #expect(try NationalID.validate("11010519491231002X") == "11010519491231002X")
        #expect(try NationalID.validate(" 11010519491231002x ") == "11010519491231002X", "a lower-case x is accepted")
        let body = "33010619850614123"
        let id = body + String(NationalID.checkCharacter(for: body)!)
        #expect(try NationalID.validate(id) == id)
    }

    @Test(arguments: [("110105194912310021", "check character"), ("11010519491231002", "18 characters"),
                      ("1101051949123100AX", "first 17"), ("110105194913310028", "birth date"), ("110105189912310026", "birth date")])
    func invalidNumbersSayWhyWithoutRepeatingThem(id: String, reason: String) {
        do {
            _ = try NationalID.validate(id)
            Issue.record("accepted \(id)")
        } catch {
            #expect(error.message.contains(reason), "\(error.message)")
            #expect(!error.message.contains(id), "the number is not repeated in errors")
        }
    }

    @Test func maskedShowsOnlyTheEnds() {
        #expect(NationalID.masked("11010519491231002X") == "110105********002X")
    }
}
