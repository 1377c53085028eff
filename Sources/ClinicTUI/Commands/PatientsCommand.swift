import ArgumentParser
import ClinicCore
import Foundation

/// `clinic-desk patients …`: the patient directory for scripts and support.
///
/// Without `--as`, a command runs as the command-line operator: the database login is the authority
/// (as for `clinic-desk staff`), with a manager's rights, and audit rows record the host but no staff
/// member. With `--as LOGIN` it runs as that active staff member, with their roles' permissions.
struct PatientsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "patients",
        abstract: "Search patients, give MRNs to patients without one, and list likely duplicates.",
        discussion: """
            Runs as the command-line operator (the database login is the authority, as for `staff`) unless \
            --as names a staff login, whose roles then decide what is allowed.
            """,
        subcommands: [PatientsSearchCommand.self, PatientsAssignMRNCommand.self, PatientsDuplicatesCommand.self, PatientsMergeCommand.self]
    )
}

/// The `--as` option shared by the subcommands.
struct ActingStaffOptions: ParsableArguments {
    @Option(name: .customLong("as"), help: "Act as this staff login (username or phone) instead of the command-line operator.")
    var login: String?

    /// The database (at this program's schema version) and the actor to use.
    func open() async throws -> (Database, StaffActor?) {
        let database = try await StaffCommand.openDatabase()
        guard let login else { return (database, nil) }
        return (database, try await StaffActor.commandLine(login: login, host: StaffCommand.hostName, database: database))
    }
}

struct PatientsSearchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Find patients by name, phone (any format), last 4+ digits of a phone, or MRN; best match first."
    )

    @Argument(help: "What to look for: \"Priya Sharma\", \"sharma pri\", \"+91 98450 12345\", \"2345\", \"MB-000123\".")
    var text: String

    @Option(help: "At most this many patients (1–\(PatientDirectory.maximumSearchLimit)).")
    var limit: Int = 20

    @Option(help: "Skip this many (for the next page).")
    var offset: Int = 0

    @Flag(help: "Print a JSON array instead of one line per patient.")
    var json = false

    @OptionGroup var acting: ActingStaffOptions

    func validate() throws {
        guard (1...PatientDirectory.maximumSearchLimit).contains(limit) else {
            throw ValidationError("--limit must be between 1 and \(PatientDirectory.maximumSearchLimit).")
        }
        guard offset >= 0 else { throw ValidationError("--offset cannot be negative.") }
    }

    func run() async throws {
        let results: [PatientSearchResult]
        do {
            let (database, actor) = try await acting.open()
            results = try await PatientDirectory(database: database).search(
                text, actor: actor ?? .commandLineOperator(host: StaffCommand.hostName), limit: limit, offset: offset)
        } catch {
            throw StaffCommand.failure(error)
        }
        if json {
            print(PatientsSearchCommand.json(results))
            return
        }
        guard !results.isEmpty else {
            print("No patient matches \"\(text)\".")
            return
        }
        let rows = results.map { result -> [String] in
            [
                result.mrn ?? "–", result.fullName, result.age.map { "\($0) y" } ?? "–", result.phoneDisplay ?? "–",
                result.nextAppointment.map(PatientsSearchCommand.ist) ?? "–", result.matchKind.rawValue,
                "patient \(result.patientID)",
            ]
        }
        StaffListCommand.printTable(header: ["mrn", "name", "age", "phone", "next appointment", "match", "id"], rows: rows)
    }

    /// "2026-11-26 09:30 IST".
    static func ist(_ instant: Instant) -> String {
        let (date, time) = instant.local(offsetSeconds: 19_800)
        return "\(date) \(time.description.prefix(5)) IST"
    }

    /// The results as a JSON array (keys sorted), for scripts.
    static func json(_ results: [PatientSearchResult]) -> String {
        struct Item: Encodable {
            var patientID: Int64
            var userID: Int64
            var fullName: String
            var phone: String?
            var isHolderPhone: Bool
            var holderPatientID: Int64?
            var age: Int?
            var dateOfBirth: String?
            var mrn: String?
            var nextAppointment: String?
            var match: String
        }
        let items = results.map {
            Item(
                patientID: $0.patientID, userID: $0.userID, fullName: $0.fullName, phone: $0.phoneDisplay,
                isHolderPhone: $0.isHolderPhone, holderPatientID: $0.holderPatientID, age: $0.age,
                dateOfBirth: $0.dateOfBirth?.description, mrn: $0.mrn, nextAppointment: $0.nextAppointment?.description,
                match: $0.matchKind.rawValue)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(items), let text = String(data: data, encoding: .utf8) else { return "[]" }
        return text
    }
}

struct PatientsAssignMRNCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assign-mrn",
        abstract: "Give an MRN (e.g. MB-000123, from the database's sequence) to every patient without one."
    )

    @OptionGroup var acting: ActingStaffOptions

    func run() async throws {
        do {
            let (database, actor) = try await acting.open()
            let count = try await PatientDirectory(database: database).assignMissingMRNs(actor: actor, host: StaffCommand.hostName)
            print(count == 0 ? "Every patient already has an MRN." : "Gave an MRN to \(count) patient\(count == 1 ? "" : "s").")
        } catch {
            throw StaffCommand.failure(error)
        }
    }
}

struct PatientsDuplicatesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "duplicates",
        abstract: "List pairs of patients that are probably one person, for a centre manager to review and merge."
    )

    @Option(help: "At most this many pairs.")
    var limit: Int = 100

    @OptionGroup var acting: ActingStaffOptions

    func run() async throws {
        let pairs: [(PatientSearchResult, PatientSearchResult, reason: String)]
        do {
            let (database, actor) = try await acting.open()
            pairs = try await PatientDirectory(database: database).likelyDuplicatePairs(
                actor: actor ?? .commandLineOperator(host: StaffCommand.hostName), limit: limit)
        } catch {
            throw StaffCommand.failure(error)
        }
        guard !pairs.isEmpty else {
            print("No likely duplicates.")
            return
        }
        let rows = pairs.map { first, second, reason -> [String] in
            [
                reason, "\(first.patientID) \(first.fullName) \(first.mrn ?? "")", first.phoneDisplay ?? "–",
                "\(second.patientID) \(second.fullName) \(second.mrn ?? "")", second.phoneDisplay ?? "–",
            ]
        }
        StaffListCommand.printTable(header: ["reason", "first", "phone", "second", "phone"], rows: rows)
    }
}
