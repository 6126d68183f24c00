import AnlanRegions

/// Runs record validation for a request: an `InvalidRecord` or a `RegionError` becomes a
/// `RecordServiceError.invalidArgument` with its message; anything else passes through.
public func validating<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as InvalidRecord {
        throw RecordServiceError.invalidArgument(error.message)
    } catch let error as RegionError {
        throw RecordServiceError.invalidArgument("\(error)")
    }
}
