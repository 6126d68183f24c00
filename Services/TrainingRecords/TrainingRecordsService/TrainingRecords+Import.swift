import AnlanRPC
import AnlanRecords
import AnlanRegions
import GRDB
import TrainingRecordsAPI

/// CSV import of people and of attendance: each bad row is reported with its line and reason, all
/// good rows are committed in one transaction, and importing the same file again changes nothing.
extension TrainingRecords {
    static let peopleColumns = ["id", "name", "national_id", "role", "region", "village", "employer", "high_risk", "joined_on"]
    static let attendanceColumns = ["person_id", "session_id", "hours", "score"]

    public func importCSV(_ kind: TrainingRecordKind, bytes: [UInt8], source: String) async throws -> ImportReport {
        var reader = CSVReader(bytes)
        guard let headerRecord = reader.next() else { throw RPCError.invalidArgument("\(source): the file is empty") }
        let header: CSVHeader
        do {
            header = try CSVHeader(headerRecord, required: kind == .people ? [Self.peopleColumns[0], "name", "national_id", "role", "region", "joined_on"]
                                                                           : ["person_id", "session_id", "score"])
        } catch {
            throw RPCError.invalidArgument("\(source): \(error)")
        }
        let columns = (kind == .people ? Self.peopleColumns : Self.attendanceColumns).map { header.index(of: $0) }
        let body = reader
        let floodSeason = configuration.floodSeasonStarts
        let scope = RegionRange(subtreeOf: region)
        return try await store.pool.write { db in
            var reader = body
            var report = ImportReport()
            var seen: [String: Int] = [:]
            var attendance = try AttendanceWriter(db, floodSeason: floodSeason, scope: scope)
            while let record = reader.next() {
                report.rows += 1
                func field(_ n: Int) -> String { record.field(columns[n]).trimmed }
                do {
                    if let problem = record.problem { throw InvalidRecord(problem) }
                    switch kind {
                    case .people:
                        let person = try self.validated(Person(
                            id: field(0), name: field(1), nationalID: field(2), role: try PersonRole.parse(field(3)), regionCode: field(4),
                            village: field(5), employer: field(6), highRiskSector: try Self.flag(field(7), "high_risk"),
                            joinedOn: try CivilDay(field(8)).orThrow("joined_on: \"\(field(8))\" is not a YYYY-MM-DD date")))
                        if let first = seen[person.id] { throw InvalidRecord("id \(person.id) already appears on line \(first) of this file") }
                        seen[person.id] = record.line
                        report.count(try Self.save(person, db, floodSeason: floodSeason))
                    case .attendance:
                        let key = field(0) + "\u{1F}" + field(1)
                        if let first = seen[key] { throw InvalidRecord("this attendance already appears on line \(first) of this file") }
                        func number(_ n: Int) throws -> Double {
                            if field(n).isEmpty { return 0 }
                            return try Double(field(n)).orThrow("\(Self.attendanceColumns[n]): \"\(field(n))\" is not a number")
                        }
                        _ = try attendance.add(Attendance(personID: field(0), sessionID: field(1), hours: try number(2), score: try number(3)),
                                               tag: record.line)
                        seen[key] = record.line
                    }
                } catch let error as InvalidRecord {
                    report.rejected.append(RowError(line: Int64(record.line), reason: error.message))
                } catch let error as RegionError {
                    report.rejected.append(RowError(line: Int64(record.line), reason: "\(error)"))
                }
            }
            report.count(try attendance.finish())
            return report
        }
    }

    static func flag(_ text: String, _ column: String) throws -> Bool {
        switch text.lowercased() {
        case "", "no", "false", "0": return false
        case "yes", "true", "1": return true
        default: throw InvalidRecord("\(column): \"\(text)\" is not yes or no")
        }
    }
}

extension Optional {
    /// The value, or an `InvalidRecord` with `message`.
    func orThrow(_ message: @autoclosure () -> String) throws -> Wrapped {
        guard let self else { throw InvalidRecord(message()) }
        return self
    }
}
