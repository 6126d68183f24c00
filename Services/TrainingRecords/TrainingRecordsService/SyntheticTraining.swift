import AnlanRecords
import AnlanRegions
import TrainingRecordsAPI

/// Deterministic synthetic training records over the real region tree, for the local mesh's demo,
/// tests and benchmarks. It is *not* training data: no public register of who was trained exists.
/// People are spread over the region's townships in plausible proportions of roles; courses follow
/// the statutory hours; attendance picks sessions of courses that count for each person's role.
public struct SyntheticTraining: Sendable {
    public let region: Region
    public let today: CivilDay
    private let townships: [Region]

    public init(tree: RegionTree = .zhejiang, regionCode: String, today: CivilDay) throws {
        self.region = try tree.region(regionCode)
        self.today = today
        // A county without townships (龙港市 330383 has only communities) keeps its people itself.
        self.townships = try tree.leaves(under: region.code)
    }

    public static let courses: [Course] = [
        Course(code: "ZH-01", name: "综合应急管理培训", hours: 16, passMark: 60,
               roles: [.cadre, .informationOfficerA, .informationOfficerB, .floodControlResponsible, .enforcementOfficer]),
        Course(code: "FX-01", name: "汛前防汛责任人培训", hours: 4, passMark: 0, roles: [.floodControlResponsible, .informationOfficerA, .informationOfficerB]),
        Course(code: "AQ-32", name: "主要负责人和安全管理人员安全培训", hours: 32, passMark: 60, roles: [.enterprisePrincipal, .safetyManager]),
        Course(code: "AQ-12", name: "主要负责人和安全管理人员再培训", hours: 12, passMark: 60, roles: [.enterprisePrincipal, .safetyManager]),
        Course(code: "CY-24", name: "从业人员岗前安全培训", hours: 24, passMark: 60, roles: [.employee, .specialOperationsWorker]),
        Course(code: "CY-20", name: "高危行业从业人员年度再培训", hours: 20, passMark: 60, roles: [.employee, .specialOperationsWorker]),
        Course(code: "ZF-80", name: "执法人员年度轮训", hours: 80, passMark: 60, roles: [.enforcementOfficer]),
        Course(code: "TZ-40", name: "特种作业操作证培训", hours: 40, passMark: 60, grantsCertificate: true, certificateKind: "special-operations",
               validityMonths: 72, reviewMonths: 36, roles: [.specialOperationsWorker]),
    ]

    /// Four sessions a year of every course over the last `years` years (ids `<course>-<year>-<n>`),
    /// ending on the 10th of February, May, August and November (flood courses in March).
    public func sessions(years: Int = 3) -> [TrainingSession] {
        var sessions: [TrainingSession] = []
        for course in Self.courses {
            for year in (today.year - years + 1)...today.year {
                let months = course.code.hasPrefix("FX") ? [3, 3, 4, 4] : [2, 5, 8, 11]
                for (n, month) in months.enumerated() {
                    let ends = CivilDay(year: year, month: month, day: 10)!
                    guard ends <= today else { continue }
                    sessions.append(TrainingSession(id: "\(course.code)-\(year)-\(n + 1)", courseCode: course.code, startsOn: ends.adding(days: -2),
                                                    endsOn: ends, location: "\(region.name)应急管理培训中心"))
                }
            }
        }
        return sessions
    }

    /// The role of person `n`: mostly employees, as in the province's enterprises.
    public static func role(of n: Int) -> PersonRole {
        switch n % 200 {
        case 0..<4: .cadre
        case 4..<6: .enforcementOfficer
        case 6..<9: .informationOfficerA
        case 9..<12: .informationOfficerB
        case 12..<16: .floodControlResponsible
        case 16..<22: .enterprisePrincipal
        case 22..<30: .safetyManager
        case 30..<40: .specialOperationsWorker
        default: .employee
        }
    }

    /// People `first ..< first + count` as CSV, ids `TP-<n>`, each with a unique valid ID number.
    public func peopleCSV(first: Int = 0, count: Int, seed: UInt64 = 1) -> String {
        var writer = CSVWriter()
        writer.write(TrainingRecords.peopleColumns)
        for n in first..<(first + count) {
            var random = SplitMix64(seed: seed &* 1_000_003 &+ UInt64(n))
            let township = townships[n % townships.count]
            let role = Self.role(of: n)
            let village = [.informationOfficerA, .informationOfficerB, .floodControlResponsible].contains(role) && random.next() % 2 == 0
            // Region of registration, birth date and serial make the number unique for n < 15,000,000.
            let birth = CivilDay("1960-01-01")!.adding(days: n % 15_000).description.replacingOccurrences(of: "-", with: "")
            let body = String(township.code.prefix(6)) + birth + String(n / 15_000 % 1000).leftPadded(3)
            writer.write(["TP-\(n)", "人员\(n)", body + String(NationalID.checkCharacter(for: body)!), role.name, township.code,
                          village ? "\(township.name)第\(1 + random.next() % 20)村" : "", "单位\(n % 5000)",
                          random.next() % 5 == 0 ? "yes" : "no", today.adding(days: -Int(random.next() % 1000)).description])
        }
        return writer.text
    }

    /// `count` attendances as CSV over people `0 ..< people`, each at a session of a course that
    /// counts for the person's role; attendance `n` is the same on every run.
    public func attendanceCSV(first: Int = 0, count: Int, people: Int, seed: UInt64 = 2, years: Int = 3) -> String {
        let sessions = self.sessions(years: years)
        var byRole: [PersonRole: [TrainingSession]] = [:]
        for role in PersonRole.allCases {
            let codes = Set(Self.courses.filter { $0.roles.contains(role) }.map(\.code))
            byRole[role] = sessions.filter { codes.contains($0.courseCode) }
        }
        let hours = Dictionary(uniqueKeysWithValues: Self.courses.map { ($0.code, $0.hours) })
        var writer = CSVWriter()
        writer.write(TrainingRecords.attendanceColumns)
        for n in first..<(first + count) {
            // Round k gives every person one more attendance, each at a different session of their
            // courses (distinct while k < their sessions), starting from a per-person offset.
            let person = n % people, round = n / people
            var random = SplitMix64(seed: seed &* 1_000_003 &+ UInt64(person))
            let choices = byRole[Self.role(of: person)]!
            let session = choices[(Int(random.next() % UInt64(choices.count)) + round) % choices.count]
            writer.write(["TP-\(person)", session.id, String(hours[session.courseCode]!), String(55 + (random.next() &+ UInt64(round)) % 46)])
        }
        return writer.text
    }
}
