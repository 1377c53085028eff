import ArgumentParser
import ClinicCore
import Foundation

/// `clinic-desk staff …`: staff accounts without the UI (the first admin of an empty database too).
struct StaffCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "staff",
        abstract: "Add, list and disable staff accounts and set their passwords.",
        discussion: """
            Accounts are written as the web's admin panel writes them, so they appear in the web's staff lists \
            and can sign in at the desk. Passwords are read from the terminal without echo, or as one line \
            from standard input with --password-stdin (for scripts). Every change is audited with this host name.
            """,
        subcommands: [StaffAddCommand.self, StaffPasswordCommand.self, StaffDisableCommand.self, StaffListCommand.self]
    )
}

struct StaffAddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add a staff member (any role but CLINICIAN; clinicians are added with their profile on the web)."
    )

    @Option(help: "Login name: 3–50 characters of a–z, 0–9, dot, underscore, hyphen.")
    var username: String

    @Option(help: "Full name, as shown on screens and in the web's staff list.")
    var name: String

    @Option(help: "Indian mobile number (10 digits; +91 or a leading 0 are accepted). Also a login.")
    var phone: String

    @Option(help: "E-mail address (optional).")
    var email: String?

    @Option(help: "ADMIN, MANAGER, CENTRE_MANAGER, CARE_COORDINATOR or FRONT_DESK.")
    var role: String

    @Option(name: .customLong("centre"), help: "Centre id for a centre-scoped role; repeat for several centres.")
    var centres: [Int64] = []

    @Flag(help: "Read the password as one line from standard input instead of prompting.")
    var passwordStdin = false

    func validate() throws {
        _ = try StaffAddCommand.parseRole(role)
    }

    func run() async throws {
        do {
            let password = try PasswordInput.read(fromStandardInput: passwordStdin, confirm: true)
            let member = NewStaffMember(
                username: username, fullName: name, phone: phone, email: email,
                role: try StaffAddCommand.parseRole(role), centreIDs: centres, password: password)
            let database = try await StaffCommand.openDatabase()
            let userID = try await StaffAdministration(database: database, host: StaffCommand.hostName).add(member)
            let place = member.centreIDs.isEmpty ? "every centre" : "centre " + member.centreIDs.map(String.init).joined(separator: ", ")
            print(
                "Added \(member.username) (\(member.role.displayName), \(place)) as user \(userID). "
                    + "They can sign in with the username or the phone number.")
        } catch {
            throw StaffCommand.failure(error)
        }
    }

    /// "FRONT_DESK", "front-desk" and "Front desk" all name the same role.
    static func parseRole(_ text: String) throws -> StaffRole {
        let key = text.trimmingCharacters(in: .whitespaces).uppercased()
            .replacingOccurrences(of: "-", with: "_").replacingOccurrences(of: " ", with: "_")
        guard let role = StaffRole(rawValue: key) else {
            let names = StaffRole.allCases.map(\.rawValue).joined(separator: ", ")
            throw ValidationError("--role must be one of \(names).")
        }
        return role
    }
}

struct StaffPasswordCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "passwd",
        abstract: "Set a staff member's password (also lifts a sign-in lock)."
    )

    @Argument(help: "Username or phone number.")
    var login: String

    @Flag(help: "Read the password as one line from standard input instead of prompting.")
    var passwordStdin = false

    func run() async throws {
        do {
            let password = try PasswordInput.read(fromStandardInput: passwordStdin, confirm: true)
            let database = try await StaffCommand.openDatabase()
            try await StaffAdministration(database: database, host: StaffCommand.hostName).setPassword(login: login, to: password)
            print("Password set for \(login). Any sign-in lock is lifted.")
        } catch {
            throw StaffCommand.failure(error)
        }
    }
}

struct StaffDisableCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "disable",
        abstract: "Disable a staff account (it can no longer sign in, on the desk or on the web)."
    )

    @Argument(help: "Username or phone number.")
    var login: String

    func run() async throws {
        do {
            let database = try await StaffCommand.openDatabase()
            let changed = try await StaffAdministration(database: database, host: StaffCommand.hostName).disable(login: login)
            print(changed ? "Disabled \(login)." : "\(login) was already disabled.")
        } catch {
            throw StaffCommand.failure(error)
        }
    }
}

struct StaffListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List staff accounts with their roles, centres and sign-in state."
    )

    func run() async throws {
        let listing: [StaffListing]
        do {
            let database = try await StaffCommand.openDatabase()
            listing = try await StaffAdministration(database: database, host: StaffCommand.hostName).list()
        } catch {
            throw StaffCommand.failure(error)
        }
        guard !listing.isEmpty else {
            print("No staff accounts yet. Add the first admin with: clinic-desk staff add --role ADMIN …")
            return
        }
        let rows = listing.map { member -> [String] in
            let roles = member.assignments.map { "\($0.role.rawValue)@\($0.centreID.map(String.init) ?? "all")" }
            var state = member.isActive ? "active" : "disabled"
            if let until = member.lockedUntil {
                let (date, time) = until.local(offsetSeconds: 19_800)
                state += ", locked until \(date) \(time.description.prefix(5)) IST"
            }
            if !member.hasStaffProfile { state += ", hidden on web (no staff profile)" }
            return [
                String(member.userID), member.username ?? "–", member.fullName, member.phone ?? "–",
                roles.isEmpty ? "no role" : roles.joined(separator: " "), state,
            ]
        }
        StaffListCommand.printTable(header: ["id", "username", "name", "phone", "roles", "state"], rows: rows)
    }

    static func printTable(header: [String], rows: [[String]]) {
        let all = [header] + rows
        let widths = header.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
        for row in all {
            let cells = row.enumerated().map { index, cell in
                index == row.count - 1 ? cell : cell.padding(toLength: widths[index], withPad: " ", startingAt: 0)
            }
            print(cells.joined(separator: "  "))
        }
    }
}

extension StaffCommand {
    /// A cancelled prompt exits quietly with its own code; anything else is printed in words.
    static func failure(_ error: Error) -> Error {
        error is ExitCode ? error : reportFailure(error)
    }

    /// This terminal's host name, recorded in the audit log.
    static var hostName: String { ProcessInfo.processInfo.hostName }

    /// The database, refused early when it is not at this program's schema version.
    static func openDatabase() async throws -> Database {
        let database = Database(url: try DeskEnvironment().databaseURL())
        try await SchemaManager(database: database).requireCurrentVersion()
        return database
    }
}

/// Reads a password without echoing it, or as one line from standard input for scripts.
enum PasswordInput {
    /// The password, prompted on the terminal (twice when `confirm`) or read from stdin.
    static func read(fromStandardInput: Bool, confirm: Bool) throws -> String {
        if fromStandardInput {
            guard let line = Swift.readLine(strippingNewline: true) else {
                throw ValidationError("--password-stdin: standard input was empty; give the password as one line.")
            }
            return line.hasSuffix("\r") ? String(line.dropLast()) : line
        }
        guard isatty(STDIN_FILENO) == 1 else {
            throw ValidationError("Standard input is not a terminal: pass --password-stdin and give the password as one line.")
        }
        let first = try prompt("Password: ")
        guard confirm else { return first }
        let second = try prompt("Password again: ")
        guard first == second else { throw ValidationError("The two passwords differ; nothing was changed.") }
        return first
    }

    /// One line typed with echo off. Raw mode (no ECHO, ICANON or ISIG) makes Ctrl-C a byte that we
    /// see, so the terminal settings are always restored by `defer`, however the prompt ends.
    private static func prompt(_ text: String) throws -> String {
        var standardError = FileHandle.standardError
        print(text, terminator: "", to: &standardError)
        var original = termios()
        guard tcgetattr(STDIN_FILENO, &original) == 0 else {
            throw ValidationError("Cannot read the terminal's settings; use --password-stdin.")
        }
        var quiet = original
        quiet.c_lflag &= ~tcflag_t(ECHO | ICANON | ISIG)
        withUnsafeMutableBytes(of: &quiet.c_cc) { bytes in
            bytes[Int(VMIN)] = 1
            bytes[Int(VTIME)] = 0
        }
        guard tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet) == 0 else {
            throw ValidationError("Cannot turn off the terminal's echo; use --password-stdin.")
        }
        defer {
            _ = tcsetattr(STDIN_FILENO, TCSAFLUSH, &original)
            print("", to: &standardError)
        }
        var typed: [UInt8] = []
        while true {
            var byte: UInt8 = 0
            let count = Glibc.read(STDIN_FILENO, &byte, 1)
            if count < 0 && errno == EINTR { continue }
            guard count == 1 else {
                if typed.isEmpty { throw ExitCode(1) }
                break
            }
            switch byte {
            case 0x0A, 0x0D:
                return String(decoding: typed, as: UTF8.self)
            case 0x03:  // Ctrl-C
                throw ExitCode(130)
            case 0x04:  // Ctrl-D
                if typed.isEmpty { throw ExitCode(1) }
                return String(decoding: typed, as: UTF8.self)
            case 0x7F, 0x08:  // Backspace: drop the last character, all of its UTF-8 bytes.
                while let last = typed.last, last & 0xC0 == 0x80 { typed.removeLast() }
                if !typed.isEmpty { typed.removeLast() }
            case 0x15:  // Ctrl-U
                typed.removeAll()
            case 0x00..<0x20:
                continue
            default:
                typed.append(byte)
            }
        }
        return String(decoding: typed, as: UTF8.self)
    }
}
