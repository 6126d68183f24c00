import AnlanRPC
import AnlanRecords
import AnlanWire

/// The training-records service's methods (ids 0x0500–0x05FF).
@WireMethods
public enum TrainingRecordsMethods {
    /// Adds or replaces a person; answers it with the ID number masked.
    public static let putPerson = RPCMethod<Person, Person>(id: 0x0501, name: "training.person.put")
    public static let getPerson = RPCMethod<RecordID, Person>(id: 0x0502, name: "training.person.get")
    public static let deletePerson = RPCMethod<RecordID, EmptyMessage>(id: 0x0503, name: "training.person.delete")
    public static let listPeople = RPCMethod<PersonQuery, RecordPage<Person>>(id: 0x0504, name: "training.person.list")
    public static let putCourse = RPCMethod<Course, EmptyMessage>(id: 0x0511, name: "training.course.put")
    public static let getCourse = RPCMethod<RecordID, Course>(id: 0x0512, name: "training.course.get")
    public static let putSession = RPCMethod<TrainingSession, EmptyMessage>(id: 0x0513, name: "training.session.put")
    public static let getSession = RPCMethod<RecordID, TrainingSession>(id: 0x0514, name: "training.session.get")
    public static let recordAttendance = RPCMethod<Attendance, Attendance>(id: 0x0521, name: "training.attendance.record")
    /// Each valid attendance kept, each invalid one reported (`line` = its 1-based position).
    public static let recordAttendances = RPCMethod<AttendanceBatch, ImportReport>(id: 0x0522, name: "training.attendance.bulk")
    public static let putCertificate = RPCMethod<Certificate, Certificate>(id: 0x0531, name: "training.certificate.put")
    public static let expiringCertificates = RPCMethod<ExpiringRequest, ExpiringReport>(id: 0x0532, name: "training.certificate.expiring")
    public static let compliance = RPCMethod<ComplianceRequest, PersonCompliance>(id: 0x0541, name: "training.compliance")
    public static let coverage = RPCMethod<CoverageRequest, CoverageReport>(id: 0x0542, name: "training.coverage")
    public static let statistics = RPCMethod<CoverageRequest, TrainingStatistics>(id: 0x0543, name: "training.stats")
    public static let importCSV = RPCMethod<TrainingImportRequest, ImportReport>(id: 0x0551, name: "training.import")
}
