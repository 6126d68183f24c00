import AnlanRecords
import EvacuationAPI
import EvacuationService
import Testing

/// Warnings create each concerned person's task once; scans move people through the states, with
/// every refusal leaving everything as it was.
@Suite struct TransferTests {
    @Test func aWarningCreatesTheTasksOfThePeopleItConcernsOnce() async throws {
        let fixture = try EvacuationFixture()
        try await fixture.person(1, kind: .geological)
        try await fixture.person(2, kind: .flashFlood, needs: [.elderly])
        try await fixture.person(3, kind: .coastal)                          // a rainstorm does not move the coast
        try await fixture.person(4, township: "330106003000", kind: .urbanFlooding)
        let issued = try await fixture.evacuation.issueWarning(fixture.warning("W-1"))
        #expect(issued.tasksCreated == 3)
        let again = try await fixture.evacuation.issueWarning(fixture.warning("W-1"))
        #expect(again.tasksCreated == 3)
        let stats = try await fixture.evacuation.statistics(StatisticsQuery())
        #expect(stats.coded == 4 && stats.vulnerable == 1 && stats.toMove == 3 && stats.activeWarnings == 1)
    }

    @Test func aYellowWarningMovesTheVulnerableOnly() async throws {
        let fixture = try EvacuationFixture()
        try await fixture.person(1)
        try await fixture.person(2, needs: [.bedridden])
        let issued = try await fixture.evacuation.issueWarning(fixture.warning("W-Y", level: .yellow))
        #expect(issued.tasksCreated == 1)
        let blue = try await fixture.evacuation.issueWarning(fixture.warning("W-B", level: .blue))
        #expect(blue.tasksCreated == 0)
    }

    @Test func aWarningOfAnotherTownshipOnlyMovesItsPeople() async throws {
        let fixture = try EvacuationFixture()
        try await fixture.person(1, township: "330106002000")
        try await fixture.person(2, township: "330106003000")
        let issued = try await fixture.evacuation.issueWarning(fixture.warning("W-T", regions: ["330106003000"]))
        #expect(issued.tasksCreated == 1)
    }

    @Test func warningsForRegionsTheIssuerDoesNotGovernAreRefused() async throws {
        let fixture = try EvacuationFixture()
        await #expect(throws: RecordServiceError.self) {
            try await fixture.evacuation.issueWarning(fixture.warning("W-X", regions: ["330110"], issuer: "330106"))
        }
        await #expect(throws: RecordServiceError.self) {  // a neighbour's warning that does not cover this node
            try await fixture.evacuation.issueWarning(fixture.warning("W-N", regions: ["330110"], issuer: "330100"))
        }
        #expect(try await fixture.evacuation.warnings(WarningQuery()).records.isEmpty)
    }

    @Test func scansMoveAPersonToAShelterAndBack() async throws {
        let fixture = try EvacuationFixture()
        let person = try await fixture.person(1)
        try await fixture.evacuation.putShelter(Shelter(id: "S-1", regionCode: "330106002000", name: "龙井小学",
                                                        latitude: 30.23, longitude: 120.12, capacity: 1))
        try await fixture.evacuation.issueWarning(fixture.warning("W-1"))
        let code = person.transferCode
        let called = try await fixture.evacuation.scan(ScanRequest(transferCode: code, action: .confirm, actor: "王村干"))
        #expect(called.state == .called && called.history.count == 1)
        let moved = try await fixture.evacuation.scan(ScanRequest(transferCode: TransferCode.qrPayload(code), action: .move,
                                                                  shelterID: "S-1", actor: "王村干"))
        #expect(moved.state == .moved && moved.shelterID == "S-1" && moved.history.count == 2)
        #expect(try await fixture.evacuation.shelter(id: "S-1").occupancy == 1)
        #expect(try await fixture.evacuation.shelter(id: "S-1").status == .full)

        // The same scan again changes nothing.
        let again = try await fixture.evacuation.scan(ScanRequest(transferCode: code, action: .move, shelterID: "S-1", actor: "另一人"))
        #expect(again.history.count == 2)
        #expect(try await fixture.evacuation.shelter(id: "S-1").occupancy == 1)

        let back = try await fixture.evacuation.scan(ScanRequest(transferCode: code, action: .return, actor: "王村干"))
        #expect(back.state == .returned && back.history.last?.fromState == .moved)
        #expect(try await fixture.evacuation.shelter(id: "S-1").occupancy == 0)
        let stats = try await fixture.evacuation.statistics(StatisticsQuery())
        #expect(stats.moved == 1 && stats.sheltered == 0 && stats.called == 1)
    }

    @Test func anInvalidTransitionChangesNothing() async throws {
        let fixture = try EvacuationFixture()
        let person = try await fixture.person(1)
        try await fixture.evacuation.issueWarning(fixture.warning("W-1"))
        do {
            _ = try await fixture.evacuation.scan(ScanRequest(transferCode: person.transferCode, action: .return, actor: "王村干"))
            Issue.record("returned before moved was accepted")
        } catch let error as RecordServiceError {
            #expect(error.code == .failedPrecondition)
            #expect(error.message.contains("to-call"))
        }
        await #expect(throws: RecordServiceError.self) {  // an unknown shelter
            try await fixture.evacuation.scan(ScanRequest(transferCode: person.transferCode, action: .move, shelterID: "S-404", actor: "王村干"))
        }
        await #expect(throws: RecordServiceError.self) {  // a mistyped code
            try await fixture.evacuation.scan(ScanRequest(transferCode: "0000000000", action: .confirm, actor: "王村干"))
        }
        let list = try await fixture.evacuation.worklist(WorklistRequest())
        #expect(list.records.map(\.state) == [.toCall])
        #expect(try await fixture.evacuation.statistics(StatisticsQuery()).called == 0)
    }

    @Test func arrivalsPastCapacityAreAcceptedAndFlagged() async throws {
        let fixture = try EvacuationFixture()
        try await fixture.evacuation.putShelter(Shelter(id: "S-1", regionCode: "330106002000", name: "礼堂", latitude: 30.2,
                                                        longitude: 120.1, capacity: 1))
        try await fixture.evacuation.issueWarning(fixture.warning("W-0"))
        for n in 1...3 { try await fixture.person(n) }
        try await fixture.evacuation.issueWarning(fixture.warning("W-1"))
        let page = try await fixture.evacuation.worklist(WorklistRequest(warningID: "W-1"))
        for task in page.records {
            _ = try await fixture.evacuation.scan(ScanRequest(transferCode: task.transferCode, warningID: "W-1", action: .move,
                                                              shelterID: "S-1", actor: "王村干"))
        }
        let shelter = try await fixture.evacuation.shelter(id: "S-1")
        #expect(shelter.occupancy == 3 && shelter.isOverCapacity && shelter.status == .full)
        #expect(try await fixture.evacuation.statistics(StatisticsQuery()).sheltersOverCapacity == 1)
    }

    @Test func worklistsPutTheVulnerableFirstAndPage() async throws {
        let fixture = try EvacuationFixture()
        for n in 1...5 { try await fixture.person(n, needs: n % 2 == 0 ? [.elderly] : []) }
        try await fixture.evacuation.issueWarning(fixture.warning("W-1"))
        var seen: [TransferTask] = []
        var cursor = ""
        repeat {
            let page = try await fixture.evacuation.worklist(WorklistRequest(limit: 2, cursor: cursor))
            seen += page.records
            cursor = page.nextCursor
        } while !cursor.isEmpty
        #expect(seen.count == 5)
        #expect(seen.map(\.vulnerable) == [true, true, false, false, false])
        #expect(Set(seen.map(\.transferCode)).count == 5)
    }

    @Test func aReplacingWarningKeepsWhatWasDoneAndLiftsTheOld() async throws {
        let fixture = try EvacuationFixture()
        let person = try await fixture.person(1)
        try await fixture.person(2)
        try await fixture.evacuation.issueWarning(fixture.warning("W-O", level: .orange))
        _ = try await fixture.evacuation.scan(ScanRequest(transferCode: person.transferCode, action: .move, actor: "王村干"))
        let red = try await fixture.evacuation.issueWarning(fixture.warning("W-R", level: .red, replaces: "W-O"))
        #expect(red.tasksCreated == 2)
        #expect(try await fixture.evacuation.warning(id: "W-O").status == .replaced)
        let stats = try await fixture.evacuation.statistics(StatisticsQuery())
        #expect(stats.activeWarnings == 1 && stats.toMove == 2 && stats.moved == 1)
        let lifted = try await fixture.evacuation.liftWarning(LiftRequest(warningID: "W-R", issuerRegion: "330100"))
        #expect(lifted.status == .lifted)
        #expect(try await fixture.evacuation.statistics(StatisticsQuery()).toMove == 0)
    }

    @Test func peopleOutsideTheNodeOrWithABadIDAreRefused() async throws {
        let fixture = try EvacuationFixture()
        await #expect(throws: RecordServiceError.self) { try await fixture.person(1, township: "330110005000") }
        await #expect(throws: RecordServiceError.self) {
            try await fixture.evacuation.putPerson(CodedPerson(name: "甲", nationalID: "330106199001010010", regionCode: "330106002000"))
        }
        let stored = try await fixture.person(2)
        #expect(stored.nationalID.contains("********"))
        #expect(try TransferCode.parse(stored.transferCode.lowercased()) == stored.transferCode)
    }

    @Test func concurrentScansAreWrittenTogetherAndARefusedOneChangesNothingElse() async throws {
        let fixture = try EvacuationFixture()
        var codes: [String] = []
        for n in 1...60 { codes.append(try await fixture.person(n).transferCode) }
        try await fixture.evacuation.issueWarning(fixture.warning("W-1"))
        let evacuation = fixture.evacuation
        let outcomes = await withTaskGroup(of: Bool.self) { group in
            for (n, code) in codes.enumerated() {
                // Every third scan is a return before a move: refused.
                let action: TransferAction = n % 3 == 0 ? .return : .move
                group.addTask {
                    (try? await evacuation.scan(ScanRequest(transferCode: code, action: action, actor: "干部"))) != nil
                }
            }
            return await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(outcomes.filter { $0 }.count == 40)
        let stats = try await fixture.evacuation.statistics(StatisticsQuery())
        #expect(stats.moved == 40 && stats.toMove == 60)
        let refused = try await fixture.evacuation.transfer(TransferQuery(transferCode: codes[0]))
        #expect(refused.state == .toCall && refused.history.isEmpty)
    }

    @Test func statisticsFollowAWarningsExpiryWithoutAWrite() async throws {
        let fixture = try EvacuationFixture()
        try await fixture.person(1)
        try await fixture.evacuation.issueWarning(fixture.warning("W-1"))  // in force 48 h
        #expect(try await fixture.evacuation.statistics(StatisticsQuery()).toMove == 1)
        #expect(try await fixture.evacuation.statistics(StatisticsQuery()).toMove == 1)  // kept
        fixture.advance(hours: 49)
        let expired = try await fixture.evacuation.statistics(StatisticsQuery())
        #expect(expired.toMove == 0 && expired.activeWarnings == 0)
    }
}
