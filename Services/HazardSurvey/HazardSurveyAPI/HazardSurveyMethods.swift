import AnlanRPC
import AnlanRecords
import AnlanWire

/// The hazard-survey service's methods (ids 0x0200–0x02FF).
@WireMethods
public enum HazardSurveyMethods {
    /// Fails with `invalidArgument`, `alreadyExists`.
    public static let createPoint = RPCMethod<HazardPoint, HazardPoint>(id: 0x0201, name: "hazard.point.create", access: .maintain)
    /// Fails with `invalidArgument`, `notFound`.
    public static let updatePoint = RPCMethod<HazardPoint, HazardPoint>(id: 0x0202, name: "hazard.point.update", access: .maintain)
    /// Fails with `notFound`.
    public static let getPoint = RPCMethod<RecordID, HazardPoint>(id: 0x0203, name: "hazard.point.get", access: .read)
    /// Fails with `invalidArgument`.
    public static let listPoints = RPCMethod<HazardQuery, RecordPage<HazardPoint>>(id: 0x0204, name: "hazard.point.list", access: .read)
    /// Fails with `notFound`.
    public static let deletePoint = RPCMethod<RecordID, EmptyMessage>(id: 0x0205, name: "hazard.point.delete", access: .maintain)

    /// Fails with `invalidArgument` (incl. a credit code held by another enterprise), `alreadyExists`.
    public static let createEnterprise = RPCMethod<Enterprise, Enterprise>(id: 0x0211, name: "hazard.enterprise.create", access: .maintain)
    /// Fails with `invalidArgument`, `notFound`.
    public static let updateEnterprise = RPCMethod<Enterprise, Enterprise>(id: 0x0212, name: "hazard.enterprise.update", access: .maintain)
    /// Fails with `notFound`.
    public static let getEnterprise = RPCMethod<RecordID, Enterprise>(id: 0x0213, name: "hazard.enterprise.get", access: .read)
    /// Fails with `invalidArgument`.
    public static let listEnterprises = RPCMethod<HazardQuery, RecordPage<Enterprise>>(id: 0x0214, name: "hazard.enterprise.list", access: .read)
    /// Fails with `notFound`; `invalidArgument` while hidden hazards refer to it.
    public static let deleteEnterprise = RPCMethod<RecordID, EmptyMessage>(id: 0x0215, name: "hazard.enterprise.delete", access: .maintain)
    /// Fails with `invalidArgument`, `notFound`.
    public static let regradeEnterprise = RPCMethod<RegradeRequest, Enterprise>(id: 0x0216, name: "hazard.enterprise.regrade", access: .maintain)

    /// Fails with `invalidArgument`, `alreadyExists`.
    public static let createHidden = RPCMethod<HiddenHazard, HiddenHazard>(id: 0x0221, name: "hazard.hidden.create", access: .field)
    /// Fails with `invalidArgument` (incl. a changed fixed field), `notFound`.
    public static let updateHidden = RPCMethod<HiddenHazard, HiddenHazard>(id: 0x0222, name: "hazard.hidden.update", access: .maintain)
    /// Fails with `notFound`.
    public static let getHidden = RPCMethod<RecordID, HiddenHazard>(id: 0x0223, name: "hazard.hidden.get", access: .read)
    /// Fails with `invalidArgument`.
    public static let listHidden = RPCMethod<HazardQuery, RecordPage<HiddenHazard>>(id: 0x0224, name: "hazard.hidden.list", access: .read)
    /// Fails with `failedPrecondition` (invalid transition, naming the current state; missing actor or evidence; day out of order; escalation not due), `notFound`.
    public static let transitionHidden = RPCMethod<TransitionRequest, HiddenHazard>(id: 0x0225, name: "hazard.hidden.transition", access: .field)

    /// Fails with `invalidArgument`.
    public static let statistics = RPCMethod<StatisticsRequest, HazardStatistics>(id: 0x0231, name: "hazard.statistics", access: .read)

    /// Fails with `invalidArgument` (empty file, missing header columns); bad rows are reported in the answer, not as an error.
    public static let importCSV = RPCMethod<ImportRequest, ImportReport>(id: 0x0241, name: "hazard.import", access: .maintain)
    /// Streamed: `CSVChunk`s, the first starting with the header.
    /// Fails with `invalidArgument`.
    public static let exportCSV = RPCMethod<ExportRequest, CSVChunk>(id: 0x0242, name: "hazard.export", streaming: true, access: .read)
}
