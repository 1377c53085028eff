import Foundation

/// Writes what went wrong to a file under the log directory, never to the screen.
enum CrashLog {
    /// Writes `error` and returns the file's path (nil when even that fails).
    @discardableResult
    static func write(_ error: Error, directory: String) -> String? {
        let manager = FileManager.default
        try? manager.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let stamp = Int(Date().timeIntervalSince1970)
        let path = "\(directory)/crash-\(stamp)-\(getpid()).log"
        let text = """
            clinic-desk stopped with an error at \(Date())
            \(String(reflecting: error))

            """
        return manager.createFile(atPath: path, contents: Data(text.utf8)) ? path : nil
    }
}
