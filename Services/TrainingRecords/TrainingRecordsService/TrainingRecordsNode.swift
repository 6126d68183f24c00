import AnlanNode
import AnlanRPC
import AnlanRecords
import AnlanWire
import TrainingRecordsAPI

/// training-records as a node: its methods on the shared server skeleton.
public struct TrainingRecordsNode: NodeService {
    public static let kind = "training-records"
    public let records: TrainingRecords

    public init(records: TrainingRecords) {
        self.records = records
    }

    public func register(into router: inout RPCRouter) {
        let records = self.records
        typealias M = TrainingRecordsMethods
        router.async(M.putPerson) { request, _ in try await records.putPerson(request) }
        router.async(M.getPerson) { request, _ in try await records.person(id: request.id) }
        router.async(M.deletePerson) { request, _ in
            try await records.deletePerson(id: request.id)
            return EmptyMessage()
        }
        router.async(M.listPeople) { request, _ in try await records.people(request) }
        router.async(M.putCourse) { request, _ in
            try await records.putCourse(request)
            return EmptyMessage()
        }
        router.async(M.getCourse) { request, _ in try await records.course(code: request.id) }
        router.async(M.putSession) { request, _ in
            try await records.putSession(request)
            return EmptyMessage()
        }
        router.async(M.getSession) { request, _ in try await records.session(id: request.id) }
        router.async(M.recordAttendance) { request, _ in try await records.recordAttendance(request) }
        router.async(M.recordAttendances) { request, _ in try await records.recordAttendances(request) }
        router.async(M.putCertificate) { request, _ in try await records.putCertificate(request) }
        router.async(M.expiringCertificates) { request, _ in try await records.expiringCertificates(request) }
        router.async(M.compliance) { request, _ in try await records.compliance(request) }
        router.async(M.coverage) { request, _ in try await records.coverage(request) }
        router.async(M.statistics) { request, _ in try await records.statistics(request) }
        router.importCSV(M.importCSV, into: records)
    }

    public func counts() async throws -> [NodeCount] {
        try await records.counts().map { NodeCount($0.0, $0.1) }
    }
}
