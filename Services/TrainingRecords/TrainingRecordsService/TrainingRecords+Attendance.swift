import AnlanRecords
import AnlanStorage
import GRDB
import TrainingRecordsAPI

/// Recording attendance, singly and in bulk: each row is checked, written, and each person touched
/// has their training worked out again once, at the end of the transaction.
extension TrainingRecords {
    /// Records (or replaces) one attendance and answers it with `passed` set.
    public func recordAttendance(_ attendance: Attendance) async throws -> Attendance {
        let floodSeason = self.floodSeason
        let scope = RegionRange(subtreeOf: region)
        return try await core.store.pool.write { db in
            var writer = try TrainingStore.AttendanceWriter(db, floodSeason: floodSeason, scope: scope)
            return try validating {
                let recorded = try writer.add(attendance)
                if case .refused(let reason) = try writer.finish().first?.outcome { throw InvalidRecord(reason) }
                return recorded
            }
        }
    }

    /// Records many attendances in one transaction: every valid one is kept; each invalid one is
    /// reported with its 1-based position as its line.
    public func recordAttendances(_ batch: AttendanceBatch) async throws -> ImportReport {
        let floodSeason = self.floodSeason
        let scope = RegionRange(subtreeOf: region)
        return try await core.store.pool.write { db in
            var writer = try TrainingStore.AttendanceWriter(db, floodSeason: floodSeason, scope: scope)
            var report = ImportReport()
            var seen: [AttendanceKey: Int] = [:]
            for (position, attendance) in batch.attendances.enumerated() {
                report.rows += 1
                do {
                    let key = AttendanceKey(personID: attendance.personID.trimmed, sessionID: attendance.sessionID.trimmed)
                    if let first = seen[key] { throw InvalidRecord("this attendance is also at position \(first)") }
                    _ = try writer.add(attendance, tag: position + 1)
                    seen[key] = position + 1
                } catch let error as InvalidRecord {
                    report.rejected.append(RowError(line: Int64(position + 1), reason: error.message))
                }
            }
            report.count(try writer.finish())
            report.rejected.sort { $0.line < $1.line }
            return report
        }
    }
}

extension ImportReport {
    /// Counts rows as `TrainingStore.AttendanceWriter.finish()` reports them (a refused row's tag is its line); the
    /// caller puts `rejected` in line order once, at the end.
    mutating func count(_ outcomes: [(tag: Int, outcome: TrainingStore.AttendanceWriter.Outcome)]) {
        for (tag, outcome) in outcomes {
            switch outcome {
            case .written(let written): count(written)
            case .refused(let reason): rejected.append(RowError(line: Int64(tag), reason: reason))
            }
        }
    }
}
