import Foundation
import Testing

@testable import ClinicTUI

/// Compares `buffer.plainText()` with `Tests/ClinicTUITests/Snapshots/<name>.txt`.
///
/// With `CLINIC_RECORD_SNAPSHOTS=1` in the environment the file is (re)written and an issue is
/// recorded anyway, so a recording run never passes silently. A missing file fails with the
/// command that records it; a mismatch prints both grids, framed so trailing spaces show.
func assertSnapshot(_ buffer: ScreenBuffer, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Snapshots", isDirectory: true)
    let file = directory.appendingPathComponent("\(name).txt")
    let actual = buffer.plainText() + "\n"

    if ProcessInfo.processInfo.environment["CLINIC_RECORD_SNAPSHOTS"] == "1" {
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try actual.write(to: file, atomically: true, encoding: .utf8)
            Issue.record(
                "Recorded snapshot \(file.path). Run the tests again without CLINIC_RECORD_SNAPSHOTS to check it.",
                sourceLocation: sourceLocation)
        } catch {
            Issue.record("Could not record snapshot \(file.path): \(error)", sourceLocation: sourceLocation)
        }
        return
    }

    guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
        Issue.record(
            """
            No snapshot \(file.path). Record it with:
                CLINIC_RECORD_SNAPSHOTS=1 swift test --filter ClinicTUITests
            then review the file and run the tests again.
            """,
            sourceLocation: sourceLocation)
        return
    }
    guard expected != actual else { return }

    let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
    let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
    let firstDifference =
        zip(expectedLines, actualLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
        ?? min(expectedLines.count, actualLines.count)
    func framed(_ lines: [String]) -> String {
        lines.enumerated().map { index, line in
            "\(index == firstDifference ? ">" : " ")\(String(format: "%2d", index))|\(line)|"
        }.joined(separator: "\n")
    }
    Issue.record(
        """
        Snapshot \(name) differs (first at row \(firstDifference)). \
        Re-record with CLINIC_RECORD_SNAPSHOTS=1 if the change is intended.
        Expected:
        \(framed(expectedLines))
        Actual:
        \(framed(actualLines))
        """,
        sourceLocation: sourceLocation)
}
