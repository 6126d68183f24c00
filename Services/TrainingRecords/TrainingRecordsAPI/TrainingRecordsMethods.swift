import AnlanRPC
import AnlanRecords
import AnlanWire

/// The training-records service's methods (ids 0x0500–0x05FF).
@WireMethods
public enum TrainingRecordsMethods {
    /// Adds or replaces a person; answers it with the ID number masked.
    /// Fails with `invalidArgument` (id, name, national ID, region outside the node, village without a township code, joined on; an ID number held by another person).
    public static let putPerson = RPCMethod<Person, Person>(id: 0x0501, name: "training.person.put", access: .maintain)
    /// Fails with `notFound`.
    public static let getPerson = RPCMethod<RecordID, Person>(id: 0x0502, name: "training.person.get", access: .read)
    /// Fails with `notFound`; deletes their attendance and certificates.
    public static let deletePerson = RPCMethod<RecordID, EmptyMessage>(id: 0x0503, name: "training.person.delete", access: .maintain)
    /// Fails with `invalidArgument`.
    public static let listPeople = RPCMethod<PersonQuery, RecordPage<Person>>(id: 0x0504, name: "training.person.list", access: .read)
    /// Fails with `invalidArgument` (hours not in (0, 10,000], pass mark not 0…100, no roles, a certificate without its kind).
    public static let putCourse = RPCMethod<Course, EmptyMessage>(id: 0x0511, name: "training.course.put", access: .maintain)
    /// Fails with `notFound`.
    public static let getCourse = RPCMethod<RecordID, Course>(id: 0x0512, name: "training.course.get", access: .read)
    /// Fails with `invalidArgument` (days, unknown course), `failedPrecondition` (changing the course of a session with attendance, or its hours below hours attended).
    public static let putSession = RPCMethod<TrainingSession, EmptyMessage>(id: 0x0513, name: "training.session.put", access: .maintain)
    /// Fails with `notFound`.
    public static let getSession = RPCMethod<RecordID, TrainingSession>(id: 0x0514, name: "training.session.get", access: .read)
    /// Fails with `invalidArgument` (unknown person or session, hours, score).
    public static let recordAttendance = RPCMethod<Attendance, Attendance>(id: 0x0521, name: "training.attendance.record", access: .field)
    /// Each valid attendance kept, each invalid one reported (`line` = its 1-based position).
    /// — (bad entries are reported).
    public static let recordAttendances = RPCMethod<AttendanceBatch, ImportReport>(id: 0x0522, name: "training.attendance.bulk", access: .maintain)
    /// Fails with `invalidArgument`, `notFound` (person).
    public static let putCertificate = RPCMethod<Certificate, Certificate>(id: 0x0531, name: "training.certificate.put", access: .maintain)
    /// Fails with `invalidArgument`.
    public static let expiringCertificates = RPCMethod<ExpiringRequest, ExpiringReport>(id: 0x0532, name: "training.certificate.expiring", access: .read)
    /// Fails with `invalidArgument` (year outside 2000…2062), `notFound`.
    public static let compliance = RPCMethod<ComplianceRequest, PersonCompliance>(id: 0x0541, name: "training.compliance", access: .read)
    /// Fails with `invalidArgument`.
    public static let coverage = RPCMethod<CoverageRequest, CoverageReport>(id: 0x0542, name: "training.coverage", access: .read)
    /// Fails with `invalidArgument`.
    public static let statistics = RPCMethod<CoverageRequest, TrainingStatistics>(id: 0x0543, name: "training.stats", access: .read)
    /// Fails with `invalidArgument` (empty file, missing columns); bad rows are reported.
    public static let importCSV = RPCMethod<TrainingImportRequest, ImportReport>(id: 0x0551, name: "training.import", access: .maintain)
}
