/// A staff role as the web names it in `roles.name`; roles are always looked up by name, never by id.
///
/// Ordered by reach, lowest first: front desk < care coordinator < clinician < centre manager <
/// manager < admin. The order only chooses the role to name in messages and the status bar; what a
/// role may do is decided by `PermissionTable`, never by comparing roles.
public enum StaffRole: String, CaseIterable, Sendable, Comparable {
    case admin = "ADMIN"
    case manager = "MANAGER"
    case centreManager = "CENTRE_MANAGER"
    case clinician = "CLINICIAN"
    case careCoordinator = "CARE_COORDINATOR"
    case frontDesk = "FRONT_DESK"

    /// The role as a receptionist says it: "Front desk", "Centre manager".
    public var displayName: String {
        switch self {
        case .admin: return "Admin"
        case .manager: return "Manager"
        case .centreManager: return "Centre manager"
        case .clinician: return "Clinician"
        case .careCoordinator: return "Care coordinator"
        case .frontDesk: return "Front desk"
        }
    }

    /// The role in a sentence, with its article: "a centre manager", "an admin".
    public var withArticle: String {
        let name = displayName.lowercased()
        return (name.first.map { "aeiou".contains($0) } ?? false ? "an " : "a ") + name
    }

    /// True for ADMIN and MANAGER, whose `user_roles.centre_id` is NULL and who reach every centre.
    public var reachesEveryCentre: Bool { self == .admin || self == .manager }

    /// The `staff_profiles.designation` the web's staff creation writes for this role.
    public var designation: String {
        switch self {
        case .admin: return "Administrator"
        case .manager: return "Manager"
        case .centreManager: return "Centre Manager"
        case .clinician: return "Clinician"
        case .careCoordinator: return "Care Coordinator"
        case .frontDesk: return "Front Desk"
        }
    }

    private var rank: Int {
        switch self {
        case .frontDesk: return 0
        case .careCoordinator: return 1
        case .clinician: return 2
        case .centreManager: return 3
        case .manager: return 4
        case .admin: return 5
        }
    }

    public static func < (lhs: StaffRole, rhs: StaffRole) -> Bool { lhs.rank < rhs.rank }
}
