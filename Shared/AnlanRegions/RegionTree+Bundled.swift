import Foundation

extension RegionTree {
    /// Zhejiang's 1,461 divisions as shipped in this module (`zhejiang-divisions.csv`), loaded once on first use.
    ///
    /// The data is part of the build, so a missing or broken resource is a programming error and stops
    /// the process with a message naming the problem.
    public static let zhejiang: RegionTree = {
        guard let url = Bundle.module.url(forResource: "zhejiang-divisions", withExtension: "csv") else {
            fatalError("AnlanRegions: zhejiang-divisions.csv is missing from the module's resource bundle")
        }
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            fatalError("AnlanRegions: cannot read the bundled \(url.path) as UTF-8: \(error)")
        }
        do {
            return try RegionTree(csv: text)
        } catch {
            fatalError("AnlanRegions: the bundled zhejiang-divisions.csv is invalid: \(error)")
        }
    }()
}
