import AnlanRecords
import AnlanRegions
import AnlanStorage
import EvacuationAPI
import Foundation
import GRDB
import Logging

/// 预警 → 一码转移 → 安置 for one node's region: coded people, shelters, the warnings that cover the
/// node, and every person's transfer under each. Answers with `RecordServiceError`s: `invalidArgument`
/// for a bad record or request, `notFound`, `failedPrecondition` for an invalid transition.
public final class Evacuation: Sendable {
    public let region: Region
    public let configuration: EvacuationConfiguration
    let tree: RegionTree
    var scope: NodeScope { NodeScope(region: region, tree: tree) }
    let store: EvacuationStore
    let logger: Logger
    /// Now, in Unix milliseconds.
    let clock: @Sendable () -> Int64
    /// Writes concurrent scans together (group commit).
    let scans: ScanBatcher
    /// Statistics kept until the database changes or a warning in force expires (a gateway asks every
    /// second or two; a county's count of 20,000 tasks takes about 20 ms).
    let statisticsCache: ReadCache<StatisticsKey, EvacuationStatistics>

    /// A region's statistics hold until a write, or until `changesAt`, when the next warning in force expires.
    struct StatisticsKey: Hashable, Sendable {
        let region: String
        let changesAt: Int64
    }

    public init(databasePath: String, regionCode: String, configuration: EvacuationConfiguration = EvacuationConfiguration(),
                tree: RegionTree = .zhejiang, logger: Logger,
                clock: @escaping @Sendable () -> Int64 = { Int64(Date().timeIntervalSince1970 * 1000) }) throws {
        self.region = try tree.region(regionCode)
        self.configuration = configuration
        self.tree = tree
        self.store = try EvacuationStore(path: databasePath)
        self.logger = logger
        self.clock = clock
        self.scans = ScanBatcher(pool: store.pool, clock: clock)
        self.statisticsCache = ReadCache(path: databasePath)
    }

    // MARK: People

    /// Adds or replaces a coded person (a new one without a code gets one) and answers it as stored,
    /// its ID number masked.
    @discardableResult
    public func putPerson(_ person: CodedPerson) async throws -> CodedPerson {
        let person = try validating { try validated(person) }
        // The new code is drawn and saved in one transaction: nobody can take it in between.
        let stored = try await store.pool.write { db in
            var stored = person
            if stored.transferCode.isEmpty { stored.transferCode = try EvacuationStore.unusedCode(db) }
            try EvacuationStore.save(stored, db)
            return stored
        }
        return Self.masked(stored)
    }

    /// By transfer code (typed, or a QR payload), the ID number masked.
    public func person(code: String) async throws -> CodedPerson {
        let code = try validating { try TransferCode.parse(code) }
        guard let person = try await store.pool.read({ db in try EvacuationStore.person(code: code, db) }) else {
            throw RecordServiceError.notFound("no coded person \(code) on this node")
        }
        return Self.masked(person)
    }

    public func deletePerson(code: String) async throws {
        let code = try validating { try TransferCode.parse(code) }
        try await store.pool.write { db in
            guard try EvacuationStore.deletePerson(code: code, db) else {
                throw RecordServiceError.notFound("no coded person \(code) on this node")
            }
        }
    }

    func validated(_ person: CodedPerson) throws -> CodedPerson {
        var person = person
        if !person.transferCode.isEmpty { person.transferCode = try TransferCode.parse(person.transferCode) }
        person.name = try person.name.required("name")
        person.nationalID = try NationalID.validate(person.nationalID)
        let township = try scope.recordRegion(person.regionCode)
        guard township.tier == .township else { throw InvalidRecord("region: a coded person lives in a township (12 digits), not \(township)") }
        person.regionCode = township.code
        person.village = person.village.trimmed
        person.phone = person.phone.trimmed
        person.cadre = person.cadre.trimmed
        person.cadrePhone = person.cadrePhone.trimmed
        person.shelterID = person.shelterID.trimmed
        person.hazardPointIDs = person.hazardPointIDs.map(\.trimmed).filter { !$0.isEmpty }
        person.needs = Array(Set(person.needs)).sorted { $0.rawValue < $1.rawValue }
        return person
    }

    static func masked(_ person: CodedPerson) -> CodedPerson {
        var person = person
        person.nationalID = NationalID.masked(person.nationalID)
        return person
    }

    // MARK: Shelters

    /// Adds or replaces a shelter; its occupancy stays what the node counted.
    @discardableResult
    public func putShelter(_ shelter: Shelter) async throws -> Shelter {
        let shelter = try validating { try validated(shelter) }
        return try await store.pool.write { db in
            try EvacuationStore.save(shelter, db)
            return try EvacuationStore.shelter(id: shelter.id, db)!
        }
    }

    public func shelter(id: String) async throws -> Shelter {
        let id = id.trimmed
        guard let shelter = try await store.pool.read({ db in try EvacuationStore.shelter(id: id, db) }) else {
            throw RecordServiceError.notFound("no shelter \"\(id)\" on this node")
        }
        return shelter
    }

    /// Shelters with free places, nearest first.
    public func nearbyShelters(_ request: NearbySheltersRequest) async throws -> NearbyShelters {
        let point = try validating { () throws(InvalidRecord) -> GeoCoordinate in
            guard (-90...90).contains(request.latitude), (-180...180).contains(request.longitude) else {
                throw InvalidRecord("latitude/longitude \(request.latitude), \(request.longitude) are not on the earth")
            }
            guard request.minimumFree >= 0 else { throw InvalidRecord("minimum free places \(request.minimumFree) is negative") }
            return GeoCoordinate(uncheckedLatitude: request.latitude, longitude: request.longitude)
        }
        let count = request.count == 0 ? 5 : min(Int(request.count), 100)
        let minimumFree = max(1, request.minimumFree)
        let shelters = try await store.pool.read { db in try EvacuationStore.openShelters(minimumFree: minimumFree, db) }
        let ranked = shelters.map { shelter in
            NearbyShelter(shelter: shelter, distanceKilometres: point.distance(
                to: GeoCoordinate(uncheckedLatitude: shelter.latitude, longitude: shelter.longitude)) / 1000)
        }.sorted { $0.distanceKilometres < $1.distanceKilometres }
        return NearbyShelters(shelters: Array(ranked.prefix(count)))
    }

    func validated(_ shelter: Shelter) throws -> Shelter {
        var shelter = shelter
        shelter.id = try shelter.id.required("id")
        shelter.name = try shelter.name.required("name")
        let township = try scope.recordRegion(shelter.regionCode)
        shelter.regionCode = township.code
        guard (-90...90).contains(shelter.latitude), (-180...180).contains(shelter.longitude) else {
            throw InvalidRecord("latitude/longitude \(shelter.latitude), \(shelter.longitude) are not on the earth")
        }
        guard shelter.capacity >= 0 else { throw InvalidRecord("capacity \(shelter.capacity) is negative") }
        return shelter
    }

    /// What `node.info` shows.
    public func counts() async throws -> [(String, Int64)] {
        try await store.pool.read { db in try EvacuationStore.counts(db) }
    }
}
