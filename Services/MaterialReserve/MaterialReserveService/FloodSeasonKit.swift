import MaterialReserveAPI

/// The township and village flood-season kit, shipped as default catalogue items and township-tier
/// reserve norms (every risk level): a helmet, flashlight, rain gear and life jacket for every
/// flood-control responsible person; a satellite phone, generator and drainage pump for every village
/// in a disaster-prone area. Both are ordinary rows afterwards: change them with `reserve.item.put`
/// and `reserve.norm.put`.
///
/// The codes follow GB/T 38565's structure and level-1 classes (2 equipment, 3 engineering machinery);
/// the standard's own level-2…4 tables are not reproduced here, so a deployment that uses them should
/// re-code these items.
enum FloodSeasonKit {
    static let items: [CatalogueItem] = [
        CatalogueItem(code: "2010101", name: "安全帽", unit: "顶"),
        CatalogueItem(code: "2010301", name: "雨衣雨靴", unit: "套"),
        CatalogueItem(code: "2020101", name: "手电筒", unit: "个"),
        CatalogueItem(code: "2030101", name: "救生衣", unit: "件"),
        CatalogueItem(code: "2040101", name: "卫星电话", unit: "部"),
        CatalogueItem(code: "2050101", name: "发电机", unit: "台"),
        CatalogueItem(code: "3010201", name: "排水泵", unit: "台"),
    ]

    static let norms: [ReserveNorm] = RiskLevel.allCases.flatMap { risk in
        ["2010101", "2010301", "2020101", "2030101"].map {
            ReserveNorm(tier: 4, riskLevel: risk, itemCode: $0, basis: .perResponsiblePerson, quantity: 1)
        } + ["2040101", "2050101", "3010201"].map {
            ReserveNorm(tier: 4, riskLevel: risk, itemCode: $0, basis: .perDisasterProneVillage, quantity: 1)
        }
    }
}
