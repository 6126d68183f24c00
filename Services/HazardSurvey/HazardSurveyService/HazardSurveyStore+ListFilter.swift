import AnlanRecords
import GRDB

extension HazardSurveyStore {
    /// The WHERE clause of a list: a region-subtree range, a cursor, and `IN` filters, in the order the
    /// `(region, id)` indexes serve: range and cursor seek the index, the other terms filter as it walks.
    struct ListFilter {
        private var terms: [String]
        private(set) var arguments: StatementArguments

        init(range: RegionRange, cursor: RegionCursor?) {
            terms = ["region >= ?", "region < ?"]
            arguments = [range.lower, range.upper]
            if let cursor {
                terms.append("(region, id) > (?, ?)")
                arguments += [cursor.region, cursor.id]
            }
        }

        /// `column IN (values)`; nothing when `values` is empty (no filter).
        mutating func `in`(_ column: String, _ values: [Int]) {
            guard !values.isEmpty else { return }
            terms.append("\(column) IN (\(Set(values).sorted().map(String.init).joined(separator: ",")))")
        }

        /// A literal condition (no user text in it).
        mutating func add(_ term: String, _ values: StatementArguments = []) {
            terms.append(term)
            arguments += values
        }

        /// The clause with order and one row more than a page, to know whether another page follows.
        func sql(limit: Int) -> String {
            " WHERE " + terms.joined(separator: " AND ") + " ORDER BY region, id LIMIT \(limit + 1)"
        }

        func page<Record>(_ records: [Record], limit: Int, cursor: (Record) -> RegionCursor) -> RecordPage<Record> {
            guard records.count > limit else { return RecordPage(records: records) }
            let page = Array(records.prefix(limit))
            return RecordPage(records: page, nextCursor: cursor(page[page.count - 1]).text)
        }
    }
}
