import TrainingRecordsAPI

extension PersonRole {
    /// The role's bit in a course's stored `roles` (bit role − 1).
    var bit: Int64 { 1 << Int64(rawValue - 1) }
}
