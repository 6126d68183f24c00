import AnlanRecords
import AnlanStorage
import GRDB
import HazardSurveyAPI

extension HazardSurveyStore {
    /// Writes hazard points and keeps `hazard_point_tally` in step, inside the caller's transaction.
    ///
    /// Built for bulk import: statements are prepared once and bound through the SQLite C API
    /// (`RawStatement`: no boxed arguments per row); a new point is one plain insert; the tally changes are added up in memory and
    /// written once per cell by `flush`, which must run before the transaction commits.
    struct PointWriter {
        private let db: Database
        private let insert: RawStatement
        private let select: Statement
        private let update: Statement
        /// Tally changes by cell, keyed by `TallyKey.packed` (an integer hashes much faster than a string).
        private var deltas: [Int64: TallyDelta] = [:]

        init(_ db: Database) throws {
            self.db = db
            insert = try RawStatement(db, sql: """
                INSERT INTO hazard_point (id, region, lat, lon, type, band, population, transfer, responsible, phone, surveyed, department)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO NOTHING
                """)
            select = try db.cachedStatement(sql: HazardSurveyStore.pointSelect + " WHERE id = ?")
            update = try db.cachedStatement(sql: """
                UPDATE hazard_point SET region = ?, lat = ?, lon = ?, type = ?, band = ?, population = ?, transfer = ?,
                    responsible = ?, phone = ?, surveyed = ?, department = ? WHERE id = ?
                """)
        }

        /// Writes `point`: a new id is inserted, a changed one updated, an identical one left alone.
        mutating func write(_ point: HazardPoint) throws -> WriteOutcome {
            insert.reset()
            insert.bind(1, point.id)
            insert.bind(2, point.regionCode)
            insert.bind(3, point.latitude)
            insert.bind(4, point.longitude)
            insert.bind(5, Int64(point.type.rawValue))
            insert.bind(6, Int64(point.band))
            insert.bind(7, point.populationAtRisk)
            insert.bind(8, point.registeredForTransfer)
            insert.bind(9, point.responsiblePerson)
            insert.bind(10, point.responsiblePhone)
            if let day = point.surveyedOn { insert.bind(11, Int64(day.dayNumber)) } else { insert.bindNull(11) }
            insert.bind(12, point.sourceDepartment)
            try insert.run()
            if db.changesCount > 0 {
                add(point, 1)
                return .inserted
            }
            guard let existing = try stored(point.id) else { return .unchanged }
            if existing == point { return .unchanged }
            try update.execute(arguments: [
                point.regionCode, point.latitude, point.longitude, Int(point.type.rawValue), Int(point.band),
                point.populationAtRisk, point.registeredForTransfer, point.responsiblePerson, point.responsiblePhone,
                point.surveyedOn?.dayNumber, point.sourceDepartment, point.id])
            add(existing, -1)
            add(point, 1)
            return .updated
        }

        /// Deletes a point; false if there is none.
        mutating func delete(id: String) throws -> Bool {
            guard let existing = try stored(id) else { return false }
            try db.execute(sql: "DELETE FROM hazard_point WHERE id = ?", arguments: [id])
            add(existing, -1)
            return true
        }

        /// Writes the added-up tally changes, once per cell — per township and per county — and drops
        /// cells that fell to zero.
        mutating func flush() throws {
            var counties: [Int64: TallyDelta] = [:]
            for (packed, delta) in deltas where delta != TallyDelta() {
                let county = (packed >> 16) / 1_000_000  // a township's first 6 digits are its county's code
                counties[county << 16 | packed & 0xFFFF, default: TallyDelta()].add(delta)
            }
            try apply(deltas, to: "hazard_point_tally", digits: 12)
            try apply(counties, to: "hazard_point_county_tally", digits: 6)
            deltas.removeAll()
        }

        private func apply(_ deltas: [Int64: TallyDelta], to table: String, digits: Int) throws {
            let upsert = try RawStatement(db, sql: """
                INSERT INTO \(table) (region, type, band, points, population, transfer) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (region, type, band) DO UPDATE SET points = points + excluded.points,
                    population = population + excluded.population, transfer = transfer + excluded.transfer
                """)
            var shrunk: [TallyKey] = []
            for (packed, delta) in deltas where delta != TallyDelta() {
                let key = TallyKey(packed: packed, digits: digits)
                upsert.reset()
                upsert.bind(1, key.region)
                upsert.bind(2, Int64(key.type))
                upsert.bind(3, Int64(key.band))
                upsert.bind(4, delta.points)
                upsert.bind(5, delta.population)
                upsert.bind(6, delta.transfer)
                try upsert.run()
                if delta.points < 0 { shrunk.append(key) }
            }
            for key in shrunk {
                try db.cachedStatement(sql: "DELETE FROM \(table) WHERE region = ? AND type = ? AND band = ? AND points = 0")
                    .execute(arguments: [key.region, Int(key.type), Int(key.band)])
            }
        }

        private func stored(_ id: String) throws -> HazardPoint? {
            try Row.fetchOne(select, arguments: [id]).map(HazardSurveyStore.point)
        }

        private mutating func add(_ point: HazardPoint, _ sign: Int64) {
            let key = TallyKey(region: point.regionCode, type: point.type.rawValue, band: point.band)
            deltas[key.packed, default: TallyDelta()].add(point, sign)
        }

        /// A tally cell: a township (12-digit code) or a county (6 digits), a hazard type and a band.
        struct TallyKey: Hashable {
            let region: String
            let type: UInt8
            let band: UInt8

            init(region: String, type: UInt8, band: UInt8) {
                self.region = region
                self.type = type
                self.band = band
            }

            /// Unpacks `packed`, whose region code has `digits` digits (a county keeping its own points, packed
            /// as its code and six zeros, comes back as its 6-digit code).
            init(packed: Int64, digits: Int) {
                let code = String(packed >> 16)
                let padded = code.leftPadded(digits)
                region = digits == 12 && padded.hasSuffix("000000") ? String(padded.prefix(6)) : padded
                type = UInt8(truncatingIfNeeded: packed >> 8)
                band = UInt8(truncatingIfNeeded: packed)
            }

            /// The region's digits, then type and band, in one integer (codes are at most 12 digits; a
            /// 6-digit county code is packed as if followed by six zeros, so its first 6 digits stay its county).
            var packed: Int64 {
                var code: Int64 = 0
                for digit in region.utf8 { code = code &* 10 &+ Int64(digit &- 48) }
                for _ in region.utf8.count..<12 { code = code &* 10 }
                return code << 16 | Int64(type) << 8 | Int64(band)
            }
        }

        struct TallyDelta: Equatable {
            var points: Int64 = 0
            var population: Int64 = 0
            var transfer: Int64 = 0

            mutating func add(_ point: HazardPoint, _ sign: Int64) {
                points += sign
                population += sign * point.populationAtRisk
                transfer += sign * point.registeredForTransfer
            }

            mutating func add(_ other: TallyDelta) {
                points += other.points
                population += other.population
                transfer += other.transfer
            }
        }
    }
}
