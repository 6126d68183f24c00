import AnlanRPC
import AnlanRecords
import AnlanWire

/// The hazard-survey service's methods (ids 0x0200–0x02FF).
@WireMethods
public enum HazardSurveyMethods {
    public static let createPoint = RPCMethod<HazardPoint, HazardPoint>(id: 0x0201, name: "hazard.point.create")
    public static let updatePoint = RPCMethod<HazardPoint, HazardPoint>(id: 0x0202, name: "hazard.point.update")
    public static let getPoint = RPCMethod<RecordID, HazardPoint>(id: 0x0203, name: "hazard.point.get")
    public static let listPoints = RPCMethod<HazardQuery, RecordPage<HazardPoint>>(id: 0x0204, name: "hazard.point.list")
    public static let deletePoint = RPCMethod<RecordID, EmptyMessage>(id: 0x0205, name: "hazard.point.delete")

    public static let createEnterprise = RPCMethod<Enterprise, Enterprise>(id: 0x0211, name: "hazard.enterprise.create")
    public static let updateEnterprise = RPCMethod<Enterprise, Enterprise>(id: 0x0212, name: "hazard.enterprise.update")
    public static let getEnterprise = RPCMethod<RecordID, Enterprise>(id: 0x0213, name: "hazard.enterprise.get")
    public static let listEnterprises = RPCMethod<HazardQuery, RecordPage<Enterprise>>(id: 0x0214, name: "hazard.enterprise.list")
    public static let deleteEnterprise = RPCMethod<RecordID, EmptyMessage>(id: 0x0215, name: "hazard.enterprise.delete")
    public static let regradeEnterprise = RPCMethod<RegradeRequest, Enterprise>(id: 0x0216, name: "hazard.enterprise.regrade")

    public static let createHidden = RPCMethod<HiddenHazard, HiddenHazard>(id: 0x0221, name: "hazard.hidden.create")
    public static let updateHidden = RPCMethod<HiddenHazard, HiddenHazard>(id: 0x0222, name: "hazard.hidden.update")
    public static let getHidden = RPCMethod<RecordID, HiddenHazard>(id: 0x0223, name: "hazard.hidden.get")
    public static let listHidden = RPCMethod<HazardQuery, RecordPage<HiddenHazard>>(id: 0x0224, name: "hazard.hidden.list")
    public static let transitionHidden = RPCMethod<TransitionRequest, HiddenHazard>(id: 0x0225, name: "hazard.hidden.transition")

    public static let statistics = RPCMethod<StatisticsRequest, HazardStatistics>(id: 0x0231, name: "hazard.statistics")

    public static let importCSV = RPCMethod<ImportRequest, ImportReport>(id: 0x0241, name: "hazard.import")
    /// Streamed: `CSVChunk`s, the first starting with the header.
    public static let exportCSV = RPCMethod<ExportRequest, CSVChunk>(id: 0x0242, name: "hazard.export", streaming: true)
}
