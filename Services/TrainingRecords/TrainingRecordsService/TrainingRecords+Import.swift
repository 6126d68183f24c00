import Foundation
import AnlanRecords
import AnlanRegions
import GRDB
import TrainingRecordsAPI

/// CSV import of people and of attendance: each bad row is reported with its line and reason, all
/// good rows are committed in one transaction, and importing the same file again changes nothing.
/// Attendance is parsed on its own thread while the writer writes what came before.
extension TrainingRecords: CSVImporting {
    static let peopleColumns = ["id", "name", "national_id", "role", "region", "village", "employer", "high_risk", "joined_on"]
    static let attendanceColumns = ["person_id", "session_id", "hours", "score"]

    /// The columns of one kind's file.
    package static func columns(_ kind: TrainingRecordKind) -> [String] {
        kind == .people ? peopleColumns : attendanceColumns
    }

    /// The columns a file of `kind` must have.
    package static func required(_ kind: TrainingRecordKind) -> [String] {
        kind == .people ? [peopleColumns[0], "name", "national_id", "role", "region", "joined_on"] : ["person_id", "session_id", "score"]
    }

    /// A person from a row (`field(n)`: column n of `peopleColumns`, trimmed), before it is validated.
    package static func person(_ field: (Int) -> String) throws -> Person {
        Person(
            id: field(0), name: field(1), nationalID: field(2), role: try PersonRole.parse(field(3)), regionCode: field(4),
            village: field(5), employer: field(6), highRiskSector: try CSVValue.yesNo(field(7), "high_risk"),
            joinedOn: try CivilDay(field(8)).orThrow("joined_on: \"\(field(8))\" is not a YYYY-MM-DD date"))
    }

    /// An attendance from a row (`field(n)`: column n of `attendanceColumns`, trimmed).
    package static func attendance(_ field: (Int) -> String) throws -> Attendance {
        func number(_ n: Int) throws -> Double {
            if field(n).isEmpty { return 0 }
            return try Double(field(n)).orThrow("\(attendanceColumns[n]): \"\(field(n))\" is not a number")
        }
        guard !field(3).isEmpty else { throw InvalidRecord("score is required") }
        return Attendance(personID: field(0), sessionID: field(1), hours: try number(2), score: try number(3))
    }

    public func importCSV(_ kind: TrainingRecordKind, bytes: [UInt8], source: String) async throws -> ImportReport {
        var reader = CSVReader(bytes)
        guard let headerRecord = reader.next() else { throw RecordServiceError.invalidArgument("\(source): the file is empty") }
        let header: CSVHeader
        do {
            header = try CSVHeader(headerRecord, required: Self.required(kind))
        } catch {
            throw RecordServiceError.invalidArgument("\(source): \(error)")
        }
        let columns = Self.columns(kind).map { header.index(of: $0) }
        if kind == .attendance { return try await importAttendance(reader, columns: columns, expectedRows: bytes.count / 32) }
        // People: one by one on the writer (each may move in the coverage tallies).
        let body = reader
        let floodSeason = self.floodSeason
        return try await core.store.pool.write { db in
            var reader = body
            var report = ImportReport()
            var seen: [String: Int] = [:]
            var training = try TrainingStore.TrainingDeriver(db, floodSeason: floodSeason)
            while let record = reader.next() {
                report.rows += 1
                func field(_ n: Int) -> String { record.field(columns[n]).trimmed }
                do {
                    if let problem = record.problem { throw InvalidRecord(problem) }
                    let person = try self.validated(Self.person(field))
                    if let first = seen[person.id] { throw InvalidRecord("id \(person.id) already appears on line \(first) of this file") }
                    report.count(try TrainingStore.save(person, db, training: &training))
                    seen[person.id] = record.line
                } catch let error as InvalidRecord {
                    report.rejected.append(RowError(line: Int64(record.line), reason: error.message))
                } catch let error as RegionError {
                    report.rejected.append(RowError(line: Int64(record.line), reason: "\(error)"))
                }
            }
            try training.finish()
            return report
        }
    }

    /// Attendance rows: parsed (numbers, repeats) on a parsing thread, checked and written on the
    /// writer in batches of 250,000, each batch in key order.
    private func importAttendance(_ reader: CSVReader, columns: [Int?], expectedRows: Int) async throws -> ImportReport {
        let channel = Self.startParsingAttendance(reader, columns: columns)
        // However the write ends (or never starts), the parsing thread stops.
        defer { channel.cancel() }
        let floodSeason = self.floodSeason
        let scope = RegionRange(subtreeOf: region)
        return try await core.store.pool.write { db in
            var report = ImportReport()
            // A person and session accepted earlier in the file (a refused row does not count).
            var seen: [AttendanceKey: Int] = [:]
            seen.reserveCapacity(expectedRows)
            var writer = try TrainingStore.AttendanceWriter(db, floodSeason: floodSeason, scope: scope)
            while let batch = channel.receive() {
                for row in batch {
                    report.rows += 1
                    switch row {
                    case .record(let attendance, let line):
                        do {
                            let key = AttendanceKey(personID: attendance.personID, sessionID: attendance.sessionID)
                            if let first = seen[key] { throw InvalidRecord("this attendance already appears on line \(first) of this file") }
                            _ = try writer.add(attendance, tag: line)
                            seen[key] = line
                        } catch let error as InvalidRecord {
                            report.rejected.append(RowError(line: Int64(line), reason: error.message))
                        }
                    case .rejected(let error, let line):
                        report.rejected.append(RowError(line: Int64(line), reason: error.message))
                    }
                }
                if writer.pendingCount >= 250_000 { report.count(try writer.finish()) }
            }
            report.count(try writer.finish())
            report.rejected.sort { $0.line < $1.line }
            return report
        }
    }

    /// Parses attendance rows on a new thread, in batches.
    static func startParsingAttendance(_ reader: CSVReader, columns: [Int?]) -> BatchChannel<ParsedRow<Attendance>> {
        .parsing(reader, batchSize: 8192, capacity: 16, makeParser: {
            { record in try attendance { record.field(columns[$0]).trimmed } }
        })
    }
}
