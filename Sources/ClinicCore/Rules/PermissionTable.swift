/// The desk's one permission table: which roles may do what, and where.
///
/// Every ClinicCore operation that reads patient data or changes anything calls `check` with the
/// acting staff member. Where the web checks less (web-schema.md §4) the desk is stricter; the only
/// places it allows more are deliberate: FRONT_DESK may reschedule more than 24 hours ahead, and
/// CENTRE_MANAGER may take payments (the web lets neither).
public enum PermissionTable {
    /// The roles that may use `permission` (at their centres, for centre-scoped permissions).
    public static func allowedRoles(_ permission: Permission) -> Set<StaffRole> {
        switch permission {
        case .searchPatients, .registerPatient, .editPatientContact, .verifyPatientPhone:
            return [.admin, .manager, .centreManager, .careCoordinator, .frontDesk]
        case .viewDaySchedule, .bookAppointment, .checkIn, .markNoShow, .rescheduleAhead, .cancelAhead,
            .sendPaymentLink, .takeDeskPayment:
            return [.admin, .manager, .centreManager, .careCoordinator, .frontDesk]
        case .rescheduleWithin24Hours, .cancelWithin24Hours, .approveCancellationRequest, .overbook,
            .releaseStaleHolds, .refundPayment, .mergePatients, .manageLeave, .manageHolidays,
            .manageAvailabilityRules, .viewReports, .viewAuditLog:
            return [.admin, .manager, .centreManager]
        case .administerStaff:
            return [.admin]
        case .viewOwnSchedule, .startSession, .completeSession, .readClinicalNotes:
            return [.clinician]
        }
    }

    /// Refuses `permission` unless one of `actor`'s roles allows it where it applies.
    ///
    /// Centre-scoped permissions apply at `centreID`, or at the actor's active centre when nil; only
    /// the roles that reach that centre count (a FRONT_DESK at A who is CENTRE_MANAGER at B may not
    /// refund at A). With no centre at all, only roles that reach every centre count. Permissions on a
    /// clinician's own record need `clinicianID` to be the actor's own clinician profile.
    /// - Throws: `AccessError.notAllowed`, `.outsideYourCentres` or `.notYourOwnSchedule`.
    public static func check(
        _ actor: StaffActor, _ permission: Permission, centreID: Int64? = nil,
        clinicianID: Int64? = nil
    ) throws {
        let allowed = allowedRoles(permission)
        guard !actor.roles.isDisjoint(with: allowed) else {
            throw AccessError.notAllowed(permission, role: actor.highestRole)
        }
        switch permission.scope {
        case .chainWide:
            return
        case .centre:
            guard let centre = centreID ?? actor.activeCentreID else {
                let rolesEverywhere = actor.chainWideRoles
                guard !rolesEverywhere.isDisjoint(with: allowed) else {
                    throw AccessError.notAllowed(permission, role: rolesEverywhere.max() ?? actor.highestRole)
                }
                return
            }
            let rolesHere = actor.roles(atCentre: centre)
            guard !rolesHere.isEmpty else { throw AccessError.outsideYourCentres(centreID: centre) }
            guard !rolesHere.isDisjoint(with: allowed) else {
                throw AccessError.notAllowed(permission, role: rolesHere.max())
            }
        case .ownClinicianRecord:
            guard let own = actor.clinicianID, let clinicianID, own == clinicianID else {
                throw AccessError.notYourOwnSchedule
            }
        }
    }

    /// Whether `check` would pass (for greying out actions; operations still call `check`).
    public static func allows(
        _ actor: StaffActor, _ permission: Permission, centreID: Int64? = nil,
        clinicianID: Int64? = nil
    ) -> Bool {
        (try? check(actor, permission, centreID: centreID, clinicianID: clinicianID)) != nil
    }

    /// The table as Markdown, generated from this data so the README cannot drift from the code.
    public static func markdownTable() -> String {
        let roles: [StaffRole] = [.admin, .manager, .centreManager, .careCoordinator, .frontDesk, .clinician]
        var lines: [String] = []
        lines.append("| permission | where | " + roles.map(\.displayName).joined(separator: " | ") + " |")
        lines.append("|---|---|" + roles.map { _ in ":-:" }.joined(separator: "|") + "|")
        for permission in Permission.allCases {
            let allowed = allowedRoles(permission)
            let cells = roles.map { allowed.contains($0) ? "✓" : "·" }
            let name = permission.description.prefix(1).uppercased() + permission.description.dropFirst()
            lines.append("| \(name) | \(permission.scope) | " + cells.joined(separator: " | ") + " |")
        }
        return lines.joined(separator: "\n")
    }
}

/// A refused operation, in words a receptionist can act on.
public enum AccessError: Error, Equatable, Sendable, CustomStringConvertible {
    /// None of the staff member's roles (here) allows this; `role` is the one to name.
    case notAllowed(Permission, role: StaffRole?)
    /// The centre is not one of theirs.
    case outsideYourCentres(centreID: Int64)
    /// A clinician acting on another clinician's schedule or session.
    case notYourOwnSchedule

    public var description: String {
        switch self {
        case .notAllowed(let permission, let role):
            let allowed = PermissionTable.allowedRoles(permission)
            let who = role.map { "Your role (\($0.displayName))" } ?? "Your account"
            if allowed == [.clinician] {
                return "\(who) cannot \(permission). Only a clinician can, for their own patients."
            }
            // The least senior role that may do it is the one to ask.
            guard let ask = allowed.min() else { return "\(who) cannot \(permission)." }
            return "\(who) cannot \(permission). Ask \(ask == .frontDesk ? "the front desk" : ask.withArticle)."
        case .outsideYourCentres(let centreID):
            return "Centre \(centreID) is not one of your centres. Switch to your own centre, or ask a manager."
        case .notYourOwnSchedule:
            return "Clinicians can see and change only their own schedule and sessions."
        }
    }
}
