import ClinicCore
import Testing

@Suite("Patient search: names, phones in every format, last digits, MRN, households, paging")
struct PatientSearchTests {
    /// The register the search tests look through.
    struct Register {
        var data: TestData
        var priyaWeb: Int64  // Priya Sharma, phone stored as 91XXXXXXXXXX (web OTP sign-up)
        var priyaDesk: Int64  // Priya Sharma, phone stored as 10 digits (admin-created)
        var priyanka: Int64
        var anjali: Int64
        var rahul: Int64  // holds the household phone
        var meera: Int64  // Rahul's daughter, no phone of her own
        var merged: Int64  // an inactive Priya Sharma
    }

    static func register(_ database: Database) async throws -> Register {
        let data = try await TestData.insert(into: database, patients: 0)
        let born = LocalDate(year: 1990, month: 5, day: 1)
        let priyaWeb = try await PatientTestData.insert(
            database, first: "Priya", last: "Sharma", phone: "919845012345", dateOfBirth: born, mrn: "MB-000123")
        let priyaDesk = try await PatientTestData.insert(database, first: "Priya", last: "Sharma", phone: "9845012346")
        let priyanka = try await PatientTestData.insert(database, first: "Priyanka", last: "Shah", phone: "9845099999")
        let anjali = try await PatientTestData.insert(database, first: "Ánjali", last: "D'Souza", phone: "9123456789")
        let rahul = try await PatientTestData.insert(database, first: "Rahul", last: "Kumar", phone: "9876543210")
        let meera = try await PatientTestData.insert(database, first: "Meera", last: "Kumar", phone: nil, holder: rahul.patientID)
        let merged = try await PatientTestData.insert(
            database, first: "Priya", last: "Sharma", phone: "9845077777", isActive: false)
        return Register(
            data: data, priyaWeb: priyaWeb.patientID, priyaDesk: priyaDesk.patientID, priyanka: priyanka.patientID,
            anjali: anjali.patientID, rahul: rahul.patientID, meera: meera.patientID, merged: merged.patientID)
    }

    @Test("exact names first, then names starting with the text, then names containing every word, then typos")
    func ranking() async throws {
        try await TestDatabase.with(prefix: "pat_search_rank") { test in
            let register = try await PatientSearchTests.register(test.database)
            let directory = PatientDirectory(database: test.database)
            let actor = PatientTestData.actor(.frontDesk, data: register.data)

            let exact = try await directory.search("Priya Sharma", actor: actor)
            #expect(exact.prefix(2).map(\.patientID) == [register.priyaWeb, register.priyaDesk])
            #expect(exact.prefix(2).allSatisfy { $0.matchKind == .exactName })
            #expect(!exact.contains { $0.patientID == register.merged })

            let started = try await directory.search("Priya Sh", actor: actor)
            #expect(started.map(\.patientID).prefix(3) == [register.priyaWeb, register.priyaDesk, register.priyanka])
            #expect(started.map(\.matchKind).prefix(3) == [.namePrefix, .namePrefix, .nameContains])

            let reversed = try await directory.search("sharma PRIYA", actor: actor)
            #expect(reversed.prefix(2).map(\.patientID) == [register.priyaWeb, register.priyaDesk])
            #expect(reversed.first?.matchKind == .exactName)

            let firstLetters = try await directory.search("kum rah", actor: actor)
            #expect(firstLetters.first?.patientID == register.rahul)
            #expect(firstLetters.first?.matchKind == .nameContains)

            let typo = try await directory.search("Priya Shrama", actor: actor)
            #expect(typo.prefix(2).map(\.patientID) == [register.priyaWeb, register.priyaDesk])
            #expect(typo.first?.matchKind == .nameFuzzy)
            let kinds = started.map(\.matchKind.tier)
            #expect(kinds == kinds.sorted())
        }
    }

    @Test("every typed phone format finds rows stored in both formats")
    func phoneFormats() async throws {
        try await TestDatabase.with(prefix: "pat_search_phone") { test in
            let register = try await PatientSearchTests.register(test.database)
            let directory = PatientDirectory(database: test.database)
            let actor = PatientTestData.actor(.frontDesk, data: register.data)
            let cases: [(String, Int64)] = [
                ("+91 98450 12345", register.priyaWeb), ("098450-12345", register.priyaWeb), ("9845012345", register.priyaWeb),
                ("919845012345", register.priyaWeb), ("+91 98450 12346", register.priyaDesk), ("098450-12346", register.priyaDesk),
                ("9845012346", register.priyaDesk), ("919845012346", register.priyaDesk), ("(0) 98450.12346", register.priyaDesk),
            ]
            for (typed, expected) in cases {
                let found = try await directory.search(typed, actor: actor)
                #expect(found.map(\.patientID) == [expected], "\(typed)")
                #expect(found.first?.matchKind == .exactPhone)
            }
            let shown = try await directory.search("9845012346", actor: actor)
            #expect(shown.first?.phoneDisplay == "+91 98450 12346")
        }
    }

    @Test("the last four or more digits, the first digits of a number being read out, and MRNs typed several ways")
    func lastDigitsAndMRN() async throws {
        try await TestDatabase.with(prefix: "pat_search_digits") { test in
            let register = try await PatientSearchTests.register(test.database)
            let directory = PatientDirectory(database: test.database)
            let actor = PatientTestData.actor(.careCoordinator, data: register.data)
            let ending = try await directory.search("2345", actor: actor)
            #expect(ending.map(\.patientID) == [register.priyaWeb])
            #expect(ending.first?.matchKind == .phoneEnding)
            #expect(try await directory.search("012346", actor: actor).map(\.patientID) == [register.priyaDesk])
            #expect(try await directory.search("77777", actor: actor).isEmpty)  // only the merged record has it
            // The first digits of a number being read out, when no number ends with them.
            let started = try await directory.search("98450 123", actor: actor)
            #expect(Set(started.map(\.patientID)) == [register.priyaWeb, register.priyaDesk])
            #expect(started.allSatisfy { $0.matchKind == .phoneStart })
            // Read out with the country code or a trunk 0 first.
            for typed in ["+91 98450 123", "098450123"] {
                #expect(
                    Set(try await directory.search(typed, actor: actor).map(\.patientID)) == [register.priyaWeb, register.priyaDesk],
                    "\(typed)")
            }
            // A number that ends with the digits is found that way, and no number is listed for merely starting with them.
            #expect(try await directory.search("12345", actor: actor).map(\.matchKind) == [.phoneEnding])

            for typed in ["MB-000123", "mb000123", "mb-123", "123"] {
                let found = try await directory.search(typed, actor: actor)
                #expect(found.first?.patientID == register.priyaWeb, "\(typed)")
                #expect(found.first?.matchKind == .exactMRN)
            }
        }
    }

    @Test("accents, case and typos do not matter")
    func accentsCaseTypos() async throws {
        try await TestDatabase.with(prefix: "pat_search_accents") { test in
            let register = try await PatientSearchTests.register(test.database)
            let directory = PatientDirectory(database: test.database)
            let actor = PatientTestData.actor(.frontDesk, data: register.data)
            for typed in ["anjali dsouza", "Anjali D'Souza", "ANJALI", "dsouza anj", "Anjali Dsuoza", "Anajli D'Souza"] {
                let found = try await directory.search(typed, actor: actor)
                #expect(found.first?.patientID == register.anjali, "\(typed)")
            }
        }
    }

    @Test("a phone finds the whole household; members show the holder's phone, marked")
    func household() async throws {
        try await TestDatabase.with(prefix: "pat_search_household") { test in
            let register = try await PatientSearchTests.register(test.database)
            let directory = PatientDirectory(database: test.database)
            let actor = PatientTestData.actor(.frontDesk, data: register.data)
            let found = try await directory.search("+91 98765 43210", actor: actor)
            #expect(found.map(\.patientID) == [register.rahul, register.meera])
            #expect(found.map(\.matchKind) == [.exactPhone, .household])
            #expect(found[1].isHolderPhone)
            #expect(found[1].holderPatientID == register.rahul)
            #expect(found[1].phoneDisplay == "+91 98765 43210 (holder: Rahul Kumar)")
            let byName = try await directory.search("Meera Kumar", actor: actor)
            #expect(byName.first?.phoneDisplay == "+91 98765 43210 (holder: Rahul Kumar)")
        }
    }

    @Test("pages do not overlap and cover every match; inactive records never appear")
    func paging() async throws {
        try await TestDatabase.with(prefix: "pat_search_paging") { test in
            let data = try await TestData.insert(into: test.database, patients: 0)
            var ids: [Int64] = []
            for index in 0..<25 {
                ids.append(
                    try await PatientTestData.insert(
                        test.database, first: "Kavya", last: "Gowda", phone: "98860\(10000 + index)"
                    ).patientID)
            }
            try await PatientTestData.insert(test.database, first: "Kavya", last: "Gowda", phone: nil, isActive: false)
            let directory = PatientDirectory(database: test.database)
            let actor = PatientTestData.actor(.frontDesk, data: data)
            var seen: [Int64] = []
            for page in 0..<3 {
                let results = try await directory.search("kavya gowda", actor: actor, limit: 10, offset: page * 10)
                #expect(results.count == (page < 2 ? 10 : 5))
                seen += results.map(\.patientID)
            }
            #expect(seen == ids)
            #expect(try await directory.search("kavya gowda", actor: actor, limit: 10, offset: 30).isEmpty)
        }
    }

    @Test("a clinician may not browse the directory")
    func permission() async throws {
        try await TestDatabase.with(prefix: "pat_search_permission") { test in
            let data = try await TestData.insert(into: test.database, patients: 0)
            let clinician = PatientTestData.actor(.clinician, data: data, clinicianID: data.clinicianID)
            await #expect(throws: AccessError.self) {
                try await PatientDirectory(database: test.database).search("priya", actor: clinician)
            }
        }
    }
}
