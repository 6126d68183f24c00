import AnlanRPC
import AnlanRecords
import AnlanWire

/// The evacuation service's methods (ids 0x0700–0x07FF).
@WireMethods
public enum EvacuationMethods {
    /// Creates or replaces a coded person (by transfer code; a new person without one gets one). Fails
    /// with `invalidArgument` for a bad ID number, a township outside the node, or a hazard point of
    /// another township.
    public static let putPerson = RPCMethod<CodedPerson, CodedPerson>(id: 0x0701, name: "evacuation.person.put", access: .maintain)
    /// By transfer code (typed or a QR payload). Fails with `notFound`.
    public static let getPerson = RPCMethod<RecordID, CodedPerson>(id: 0x0702, name: "evacuation.person.get", access: .read)
    public static let deletePerson = RPCMethod<RecordID, EmptyMessage>(id: 0x0703, name: "evacuation.person.delete", access: .maintain)

    /// Creates or replaces a shelter; its occupancy and status stay the node's.
    public static let putShelter = RPCMethod<Shelter, Shelter>(id: 0x0711, name: "evacuation.shelter.put", access: .maintain)
    public static let getShelter = RPCMethod<RecordID, Shelter>(id: 0x0712, name: "evacuation.shelter.get", access: .read)
    /// Nearest first, with free places.
    public static let nearbyShelters = RPCMethod<NearbySheltersRequest, NearbyShelters>(id: 0x0713, name: "evacuation.shelter.nearby", access: .read)

    /// Records a warning and creates the transfer tasks of every person it concerns, once (issuing the
    /// same id again changes nothing). Fails with `invalidArgument` for regions the issuer does not govern.
    public static let issueWarning = RPCMethod<Warning, Warning>(id: 0x0721, name: "evacuation.warning.issue", access: .command)
    /// The same from a CAP 1.2 document. Fails with `invalidArgument`, saying why, when it does not validate.
    public static let importCAP = RPCMethod<CAPDocument, Warning>(id: 0x0722, name: "evacuation.warning.import-cap", access: .command)
    public static let liftWarning = RPCMethod<LiftRequest, Warning>(id: 0x0723, name: "evacuation.warning.lift", access: .command)
    public static let getWarning = RPCMethod<RecordID, Warning>(id: 0x0724, name: "evacuation.warning.get", access: .read)
    public static let listWarnings = RPCMethod<WarningQuery, RecordPage<Warning>>(id: 0x0725, name: "evacuation.warning.list", access: .read)
    /// A warning as a CAP 1.2 document.
    public static let exportCAP = RPCMethod<RecordID, CAPDocument>(id: 0x0726, name: "evacuation.warning.export-cap", access: .read)

    /// 码上转: one action for one person, written to disk before it is acknowledged. Fails with
    /// `notFound` (unknown code, no active warning), `failedPrecondition` (an invalid transition, e.g.
    /// returned before moved; nothing changes), `invalidArgument` (an unknown shelter).
    public static let scan = RPCMethod<ScanRequest, TransferTask>(id: 0x0731, name: "evacuation.transfer.scan", access: .field)
    /// One person's transfer with every step (the phone page after a scan). Fails with `notFound`.
    public static let getTransfer = RPCMethod<TransferQuery, TransferTask>(id: 0x0733, name: "evacuation.transfer.get", access: .read)
    /// Who is still to call or move, vulnerable people first.
    public static let worklist = RPCMethod<WorklistRequest, RecordPage<TransferTask>>(id: 0x0732, name: "evacuation.transfer.worklist", access: .read)

    public static let statistics = RPCMethod<StatisticsQuery, EvacuationStatistics>(id: 0x0741, name: "evacuation.statistics", access: .read)

    public static let importCSV = RPCMethod<EvacuationImportRequest, ImportReport>(id: 0x0751, name: "evacuation.import", access: .maintain)
    /// Streamed: `CSVChunk`s, the first starting with the header.
    public static let exportCSV = RPCMethod<EvacuationExportRequest, CSVChunk>(id: 0x0752, name: "evacuation.export", streaming: true, access: .read)
}
