import ArgumentParser
import ClinicCore

/// `clinic-desk patients merge KEEP REMOVE --as LOGIN`: two records of one person become one.
struct PatientsMergeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge two records of one person (centre manager and above): everything moves to KEEP, nothing is deleted.",
        discussion: """
            Appointments, payments, messages and notes move to KEEP in one transaction; the kept record holds the phone \
            in the web's login format; REMOVE is deactivated; the audit log records what moved. Ids are patient ids as \
            `clinic-desk patients search` and `patients duplicates` print them.
            """
    )

    @Argument(help: "The patient id to keep.")
    var keep: Int64

    @Argument(help: "The patient id to merge into it (deactivated afterwards).")
    var remove: Int64

    @OptionGroup var acting: ActingStaffOptions

    func run() async throws {
        do {
            let (database, actor) = try await acting.open()
            let summary = try await PatientDirectory(database: database)
                .merge(keep: keep, remove: remove, actor: actor ?? .commandLineOperator(host: StaffCommand.hostName))
            let moved = summary.moved.keys.sorted().map { "\($0): \(summary.moved[$0]?.count ?? 0)" }.joined(separator: ", ")
            print("Merged patient \(summary.removedPatientID) into \(summary.keptPatientID). Moved \(moved.isEmpty ? "nothing" : moved).")
            if let phone = summary.phone { print("Kept phone: \(phone)") }
        } catch {
            throw StaffCommand.failure(error)
        }
    }
}
