/// The signed-in staff member on whose behalf a ClinicCore operation runs (named so as not to clash
/// with Swift's `Actor` protocol).
///
/// Built by `StaffAuthenticator.signIn` from the web's tables: active `user_roles` joined to `roles`
/// by name. ADMIN and MANAGER reach every centre; everyone else reaches the centres of their
/// `user_roles.centre_id` rows. A staff member works at one centre at a time (`activeCentreID`).
public struct StaffActor: Sendable, Equatable {
    /// `users.id` of the staff member.
    public var userID: Int64
    /// `users.full_name`.
    public var fullName: String
    /// `users.username`, when they have one.
    public var username: String?
    /// Their active roles, each at one centre or (ADMIN, MANAGER) at all centres.
    public var assignments: [RoleAssignment]
    /// `clinician_profiles.id` when they are an active clinician.
    public var clinicianID: Int64?
    /// The centre they are working at now; screens default to it.
    public var activeCentreID: Int64?
    /// The terminal's host name, recorded with every audited action.
    public var host: String

    /// A staff member as signed in.
    public init(
        userID: Int64, fullName: String, username: String?, assignments: [RoleAssignment],
        clinicianID: Int64? = nil, activeCentreID: Int64? = nil, host: String
    ) {
        self.userID = userID
        self.fullName = fullName
        self.username = username
        self.assignments = assignments
        self.clinicianID = clinicianID
        self.activeCentreID = activeCentreID
        self.host = host
    }

    /// Every role they hold, at any centre.
    public var roles: Set<StaffRole> { Set(assignments.map(\.role)) }

    /// The role to name in messages and the status bar (nil when they hold none).
    public var highestRole: StaffRole? { roles.max() }

    /// True when one of their roles reaches every centre (ADMIN, MANAGER).
    public var reachesEveryCentre: Bool { assignments.contains { $0.role.reachesEveryCentre } }

    /// The roles that apply at `centreID`: chain-wide roles plus the roles assigned to that centre.
    public func roles(atCentre centreID: Int64) -> Set<StaffRole> {
        Set(assignments.filter { $0.role.reachesEveryCentre || $0.centreID == centreID }.map(\.role))
    }

    /// The roles that apply without a particular centre: only those that reach every centre.
    public var chainWideRoles: Set<StaffRole> {
        Set(assignments.filter { $0.role.reachesEveryCentre }.map(\.role))
    }

    /// The centres of `allCentres` they may work at, in the order given.
    public func reachableCentreIDs(allCentres: [Int64]) -> [Int64] {
        allCentres.filter { canReach(centre: $0) }
    }

    /// The centres named in their role rows (without the chain-wide reach of ADMIN and MANAGER), sorted.
    public var assignedCentreIDs: [Int64] {
        Array(Set(assignments.compactMap(\.centreID))).sorted()
    }

    /// Whether they may work at `centre`.
    public func canReach(centre: Int64) -> Bool {
        reachesEveryCentre || assignments.contains { $0.centreID == centre }
    }

    /// The same staff member working at centre `id`.
    /// - Throws: `AccessError.outsideYourCentres` when none of their roles reaches that centre.
    public func atCentre(_ id: Int64) throws -> StaffActor {
        guard canReach(centre: id) else { throw AccessError.outsideYourCentres(centreID: id) }
        var copy = self
        copy.activeCentreID = id
        return copy
    }
}

/// One active `user_roles` row: a role, at one centre or (nil) at every centre.
public struct RoleAssignment: Sendable, Hashable {
    /// The role, by name.
    public var role: StaffRole
    /// `user_roles.centre_id`; nil for ADMIN and MANAGER, who reach every centre.
    public var centreID: Int64?

    /// An assignment of `role` at `centreID`.
    public init(role: StaffRole, centreID: Int64?) {
        self.role = role
        self.centreID = centreID
    }
}
