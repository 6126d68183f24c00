import AnlanFuzzSupport

/// libFuzzer entry: a CSV file read by one of the importers, header and rows.
///
/// Input: one byte choosing the importer and kind (modulo `CSVRowParser.all.count`, in its order), then
/// the file's bytes. A rejected header or row is the expected answer to bad input; a crash, a sanitizer
/// report or a hang is a bug.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSVImport(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    var input = FuzzInput(data, size)
    let parser = CSVRowParser.all[Int(input.byte()) % CSVRowParser.all.count]
    parser.read(input.rest())
    return 0
}
