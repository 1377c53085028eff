// The demo chain's centres, staff logins, clinicians and their weekly availability.

extension DemoSeeder {
    /// One clinic location.
    struct CentreTemplate: Sendable {
        var name: String
        var city: String
        /// Short code used in usernames (`frontdesk.blr`).
        var code: String
        var addressLine1: String
        var addressLine2: String
        var pincode: String
        var contactPhone: String
        /// Languages the centre's clinicians speak besides English.
        var languages: [String]
    }

    static let centres: [CentreTemplate] = [
        CentreTemplate(
            name: "Mibo Mind Clinic – Indiranagar", city: "bengaluru", code: "blr",
            addressLine1: "No. 418, 100 Feet Road, HAL 2nd Stage", addressLine2: "Indiranagar",
            pincode: "560038", contactPhone: "8041125500", languages: ["Kannada", "Hindi", "Tamil"]),
        CentreTemplate(
            name: "Mibo Mind Clinic – Kadavanthra", city: "kochi", code: "cok",
            addressLine1: "41/2210, Sahodaran Ayyappan Road", addressLine2: "Kadavanthra",
            pincode: "682020", contactPhone: "4842205500", languages: ["Malayalam", "Tamil"]),
        CentreTemplate(
            name: "Mibo Mind Clinic – Bandra West", city: "mumbai", code: "bom",
            addressLine1: "3rd Floor, Link Square, 33rd Road", addressLine2: "Bandra West",
            pincode: "400050", contactPhone: "2226405500", languages: ["Hindi", "Marathi", "Gujarati"]),
    ]

    enum ClinicianKind: Sendable {
        case psychiatrist, clinicalPsychologist, counsellor, psychotherapist, generalPhysician
    }

    /// A clinician's profile as the web's clinician management stores it.
    struct ClinicianTemplate: Sendable {
        var kind: ClinicianKind
        var specialization: [String]
        var qualification: [String]
        var expertise: [String]
        var languages: [String]
        var modes: [String]
        var durationMinutes: Int
        /// Whole rupees; nil for the one clinician whose fee was never set (the web then charges ₹500).
        var fee: Int?
        var yearsOfExperience: Int
        var registrationNumber: String
        var bio: String
        var primaryCentre: Int
        /// A second centre visited one day a week, and that weekday (0 = Sunday).
        var secondCentre: (centre: Int, weekday: Int)?
        /// A weekday off (0 = Sunday); nil works Monday to Saturday and Sunday mornings.
        var dayOff: Int?
    }

    /// A staff login, with the clinician profile for clinicians.
    struct StaffTemplate: Sendable {
        var username: String
        var password: String
        var fullName: String
        var designation: String
        var role: StaffRole
        /// Index into `centres`; nil for chain-wide roles (ADMIN, MANAGER).
        var centre: Int?
        var clinician: ClinicianTemplate?
    }

    /// A weekly availability window (IST wall clock).
    struct RuleTemplate: Sendable, Equatable {
        var weekday: Int
        var centre: Int
        var start: LocalTime
        var end: LocalTime
        var mode: String
    }

    /// Every staff login: desk roles first, then `clinicians` clinicians.
    static func staffTemplates(clinicians: Int) -> [StaffTemplate] {
        var staff: [StaffTemplate] = [
            StaffTemplate(
                username: "admin", password: "demo-admin-1", fullName: "Nandini Rao", designation: "Administrator",
                role: .admin, centre: nil),
            StaffTemplate(
                username: "manager", password: "demo-manager-1", fullName: "Vivek Malhotra",
                designation: "Manager", role: .manager, centre: nil),
            StaffTemplate(
                username: "centremanager.cok", password: "demo-centremanager-1", fullName: "Jessy Mathew",
                designation: "Centre Manager", role: .centreManager, centre: 1),
            StaffTemplate(
                username: "care.blr", password: "demo-care-1", fullName: "Divya Shenoy",
                designation: "Care Coordinator", role: .careCoordinator, centre: 0),
        ]
        let deskNames = ["Ramya Gowda", "Aswathy Kurup", "Pooja Sawant"]
        for (index, centre) in centres.enumerated() {
            staff.append(
                StaffTemplate(
                    username: "frontdesk.\(centre.code)", password: "demo-frontdesk-\(index + 1)",
                    fullName: deskNames[index], designation: "Front Desk", role: .frontDesk,
                    centre: index))
        }
        var usernames = Set(staff.map(\.username))
        for index in 0..<clinicians {
            var member = index < namedClinicians.count ? namedClinicians[index] : generatedClinician(index)
            if usernames.contains(member.username) { member.username += ".\(index + 1)" }
            usernames.insert(member.username)
            member.password = "demo-clinician-\(index + 1)"
            staff.append(member)
        }
        return staff
    }

    /// The weekly windows of one clinician; the first clinician also covers Sunday mornings so every
    /// day of the week has a session running.
    static func rules(for clinician: ClinicianTemplate) -> [RuleTemplate] {
        var rules: [RuleTemplate] = []
        let time = { (hour: Int, minute: Int) in LocalTime(hour: hour, minute: minute) }
        if clinician.dayOff == nil {
            rules.append(
                RuleTemplate(
                    weekday: 0, centre: clinician.primaryCentre, start: time(10, 0), end: time(13, 0),
                    mode: "IN_PERSON"))
        }
        for weekday in 1...6 where weekday != clinician.dayOff {
            let visiting = clinician.secondCentre.flatMap { $0.weekday == weekday ? $0.centre : nil }
            let centre = visiting ?? clinician.primaryCentre
            let windows: [(LocalTime, LocalTime, String)]
            switch clinician.kind {
            case .psychiatrist:
                var list = [(time(9, 30), time(13, 30), "IN_PERSON"), (time(14, 30), time(17, 30), "IN_PERSON")]
                if visiting == nil && (weekday == 2 || weekday == 4) {
                    list.append((time(18, 0), time(20, 0), "ONLINE"))
                }
                windows = list
            case .clinicalPsychologist, .counsellor, .psychotherapist:
                let evening = visiting == nil && weekday % 2 == 1 ? "ONLINE" : "IN_PERSON"
                windows = [(time(10, 0), time(14, 0), "IN_PERSON"), (time(15, 0), time(19, 0), evening)]
            case .generalPhysician:
                windows = [(time(9, 0), time(13, 0), "IN_PERSON"), (time(16, 0), time(19, 0), "IN_PERSON")]
            }
            for (start, end, mode) in windows {
                rules.append(RuleTemplate(weekday: weekday, centre: centre, start: start, end: end, mode: mode))
            }
        }
        return rules
    }

    // MARK: - Clinicians

    private static func clinician(
        _ username: String, _ fullName: String, _ kind: ClinicianKind, centre: Int, duration: Int, fee: Int?,
        years: Int, registration: String, expertise: [String], languages: [String], second: (Int, Int)? = nil,
        dayOff: Int?, specialization: [String]? = nil, bio: String
    ) -> StaffTemplate {
        let profile = ClinicianTemplate(
            kind: kind, specialization: specialization ?? defaultSpecialization(kind), qualification: qualification(kind),
            expertise: expertise, languages: ["English"] + languages,
            modes: kind == .generalPhysician ? ["IN_PERSON"] : ["IN_PERSON", "ONLINE"], durationMinutes: duration,
            fee: fee, yearsOfExperience: years, registrationNumber: registration, bio: bio, primaryCentre: centre,
            secondCentre: second.map { (centre: $0.0, weekday: $0.1) }, dayOff: dayOff)
        return StaffTemplate(
            username: username, password: "", fullName: fullName, designation: designation(kind),
            role: .clinician, centre: centre, clinician: profile)
    }

    /// The default twelve, in the order a smaller `clinicians` count takes them.
    private static let namedClinicians: [StaffTemplate] = [
        clinician(
            "dr.iyer", "Dr. Meera Iyer", .psychiatrist, centre: 0, duration: 30, fee: 2000, years: 14,
            registration: "KMC-48213", expertise: ["Depression", "Anxiety disorders", "Bipolar disorder"],
            languages: ["Tamil", "Kannada", "Hindi"], dayOff: nil,
            bio: "Consultant psychiatrist with a focus on mood disorders and medication reviews."),
        clinician(
            "dr.menon", "Dr. Arjun Menon", .clinicalPsychologist, centre: 1, duration: 50, fee: 1600, years: 9,
            registration: "RCI A41872", expertise: ["CBT", "Anxiety", "Panic disorder"],
            languages: ["Malayalam", "Tamil"], second: (0, 6), dayOff: 3,
            bio: "Clinical psychologist; structured CBT for anxiety and panic, in Kochi and Bengaluru."),
        clinician(
            "dr.kulkarni", "Dr. Rajesh Kulkarni", .generalPhysician, centre: 2, duration: 30, fee: 1200, years: 21,
            registration: "MMC-2004/07/2231", expertise: ["Physical health checks", "Metabolic monitoring"],
            languages: ["Marathi", "Hindi"], dayOff: 4,
            bio: "General physician; physical health reviews for patients on psychiatric medication."),
        clinician(
            "kavya.hegde", "Kavya Hegde", .counsellor, centre: 0, duration: 50, fee: nil, years: 5,
            registration: "RCI B22419", expertise: ["Relationship issues", "Stress", "Grief"],
            languages: ["Kannada", "Hindi"], dayOff: 1,
            bio: "Counselling psychologist working with adults on stress, grief and relationships."),
        clinician(
            "dr.pillai", "Dr. Lakshmi Pillai", .psychiatrist, centre: 1, duration: 45, fee: 1800, years: 17,
            registration: "TCMC-39920", expertise: ["Perinatal mental health", "OCD", "Depression"],
            languages: ["Malayalam", "Hindi"], dayOff: 5,
            bio: "Psychiatrist; perinatal mental health and obsessive-compulsive disorder."),
        clinician(
            "dr.deshpande", "Dr. Neha Deshpande", .clinicalPsychologist, centre: 2, duration: 60, fee: 1500,
            years: 8, registration: "RCI A38104", expertise: ["Trauma", "EMDR", "Adolescents"],
            languages: ["Marathi", "Hindi"], second: (0, 3), dayOff: 2,
            bio: "Clinical psychologist; trauma-focused therapy for adolescents and adults."),
        clinician(
            "dr.reddy", "Dr. Sanjay Reddy", .psychiatrist, centre: 0, duration: 30, fee: 2200, years: 19,
            registration: "KMC-33871", expertise: ["Addiction", "Schizophrenia", "Sleep disorders"],
            languages: ["Telugu", "Kannada", "Hindi"], dayOff: 6,
            bio: "Psychiatrist; de-addiction, psychosis care and sleep medicine."),
        clinician(
            "anjali.nair", "Anjali Nair", .psychotherapist, centre: 1, duration: 50, fee: 1200, years: 6,
            registration: "RCI B30577", expertise: ["Couples therapy", "Family therapy"],
            languages: ["Malayalam"], dayOff: 1, specialization: ["Psychotherapy"],
            bio: "Psychotherapist for couples and families."),
        clinician(
            "dr.shah", "Dr. Hetal Shah", .clinicalPsychologist, centre: 2, duration: 50, fee: 1600, years: 11,
            registration: "RCI A29931", expertise: ["Child psychology", "ADHD", "Learning difficulties"],
            languages: ["Gujarati", "Hindi", "Marathi"], dayOff: 3,
            bio: "Child and adolescent psychologist; ADHD and learning assessments."),
        clinician(
            "dr.sharma", "Dr. Vikram Sharma", .psychiatrist, centre: 0, duration: 45, fee: 2500, years: 24,
            registration: "KMC-21004", expertise: ["Geriatric psychiatry", "Dementia", "Depression"],
            languages: ["Hindi", "Punjabi"], second: (2, 5), dayOff: 4,
            specialization: ["Psychiatry", "Geriatric Psychiatry"],
            bio: "Senior psychiatrist; memory clinic and late-life depression, visiting Mumbai on Fridays."),
        clinician(
            "dr.varghese", "Dr. Thomas Varghese", .psychiatrist, centre: 1, duration: 30, fee: 1800, years: 12,
            registration: "TCMC-45118", expertise: ["Addiction", "Anxiety disorders"],
            languages: ["Malayalam", "Tamil"], dayOff: 2,
            bio: "Psychiatrist; alcohol and substance use, anxiety disorders."),
        clinician(
            "rohan.mehta", "Rohan Mehta", .counsellor, centre: 2, duration: 60, fee: 1500, years: 7,
            registration: "RCI B27765", expertise: ["Career counselling", "Workplace stress", "Self-esteem"],
            languages: ["Hindi", "Gujarati"], dayOff: 5,
            bio: "Counsellor for young professionals: career decisions, burnout and self-esteem."),
    ]

    /// Clinicians past the named twelve, made from the name pools (stable for a given index).
    private static func generatedClinician(_ index: Int) -> StaffTemplate {
        var generator = SeededGenerator(seedText: "clinic-desk demo clinician \(index)")
        let kinds: [ClinicianKind] = [.psychiatrist, .clinicalPsychologist, .counsellor]
        let kind = kinds[index % kinds.count]
        let pool = latinPools[generator.below(latinPools.count)]
        let female = generator.chance(perMille: 550)
        let first = generator.pick(female ? pool.female : pool.male)
        let last = generator.pick(pool.surnames)
        let titled = kind != .counsellor
        let username = titled ? "dr.\(asciiHandle(last))" : "\(asciiHandle(first)).\(asciiHandle(last))"
        let centre = index % centres.count
        let durations = kind == .psychiatrist ? [30, 45] : [50, 60]
        let fees = kind == .psychiatrist ? [1800, 2000, 2200, 2500] : [1200, 1500, 1600, 1800]
        return clinician(
            username, (titled ? "Dr. " : "") + "\(first) \(last)", kind, centre: centre,
            duration: generator.pick(durations), fee: generator.pick(fees), years: generator.int(in: 3...25),
            registration: kind == .psychiatrist
                ? "NMC-\(generator.int(in: 10_000...99_999))"
                : "RCI A\(generator.int(in: 10_000...99_999))",
            expertise: [generator.pick(["Depression", "Anxiety", "Stress", "OCD", "Trauma", "Addiction"])],
            languages: centres[centre].languages, second: index % 4 == 1 ? ((centre + 1) % centres.count, 6) : nil,
            dayOff: 1 + index % 5,
            bio: "Visiting clinician.")
    }

    private static func defaultSpecialization(_ kind: ClinicianKind) -> [String] {
        switch kind {
        case .psychiatrist: return ["Psychiatry"]
        case .clinicalPsychologist: return ["Clinical Psychology"]
        case .counsellor: return ["Counselling Psychology"]
        case .psychotherapist: return ["Psychotherapy"]
        case .generalPhysician: return ["General Medicine"]
        }
    }

    private static func qualification(_ kind: ClinicianKind) -> [String] {
        switch kind {
        case .psychiatrist: return ["MBBS", "MD (Psychiatry)"]
        case .clinicalPsychologist: return ["M.A. Psychology", "M.Phil. Clinical Psychology"]
        case .counsellor: return ["M.Sc. Counselling Psychology"]
        case .psychotherapist: return ["M.A. Psychology", "Diploma in Family Therapy"]
        case .generalPhysician: return ["MBBS", "MD (General Medicine)"]
        }
    }

    private static func designation(_ kind: ClinicianKind) -> String {
        switch kind {
        case .psychiatrist: return "Consultant Psychiatrist"
        case .clinicalPsychologist: return "Clinical Psychologist"
        case .counsellor: return "Counselling Psychologist"
        case .psychotherapist: return "Psychotherapist"
        case .generalPhysician: return "General Physician"
        }
    }
}
