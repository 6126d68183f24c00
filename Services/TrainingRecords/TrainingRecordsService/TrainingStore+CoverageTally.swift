import GRDB
import TrainingRecordsAPI

extension TrainingStore {
    /// Changes to `people_tally` and `trained_tally` gathered in memory during a transaction and
    /// written once per key by `flush()`: a bulk import touching a million people writes a few thousand
    /// tally rows.
    struct CoverageTally {
        struct Key: Hashable {
            let role: UInt8
            let division: String
            let village: Bool
        }

        private var people: [Key: Int64] = [:]
        /// Per key, one counter per year of `TrainingRules.years`, changed in place.
        private var trained: [Key: [Int64]] = [:]

        /// The tally key of a person in `region` (its first 6 digits: the county, or the city or province).
        static func key(role: PersonRole, region: String, village: Bool) -> Key {
            Key(role: role.rawValue, division: String(region.prefix(6)), village: village)
        }

        mutating func addPeople(_ delta: Int64, _ key: Key) {
            people[key, default: 0] += delta
        }

        /// Adds `delta` for each year whose bit is set in `mask`.
        mutating func addTrained(_ delta: Int64, mask: Int64, _ key: Key) {
            guard mask != 0 else { return }
            let years = TrainingRules.years.count
            trained[key, default: Array(repeating: 0, count: years)].withUnsafeMutableBufferPointer { counters in
                for bit in 0..<years where mask & (1 << Int64(bit)) != 0 { counters[bit] += delta }
            }
        }

        mutating func flush(_ db: Database) throws {
            let addPeople = try db.cachedStatement(sql: """
                INSERT INTO people_tally (role, division, village, people) VALUES (?, ?, ?, ?)
                ON CONFLICT DO UPDATE SET people = people + excluded.people
                """)
            for (key, delta) in people where delta != 0 {
                try addPeople.execute(arguments: [key.role, key.division, key.village, delta])
            }
            let addTrained = try db.cachedStatement(sql: """
                INSERT INTO trained_tally (role, year, division, village, trained) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT DO UPDATE SET trained = trained + excluded.trained
                """)
            for (key, years) in trained {
                for (bit, delta) in years.enumerated() where delta != 0 {
                    try addTrained.execute(arguments: [key.role, TrainingRules.years.lowerBound + bit, key.division, key.village, delta])
                }
            }
            people = [:]
            trained = [:]
        }
    }
}
