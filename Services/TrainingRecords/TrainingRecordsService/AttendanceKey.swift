/// A person and a session: one attendance's key, for finding repeats within a file or a batch
/// without building a joined string per row.
struct AttendanceKey: Hashable {
    let personID: String
    let sessionID: String
}
