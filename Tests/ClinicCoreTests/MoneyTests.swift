import ClinicCore
import Testing

@Suite("money in paise")
struct MoneyTests {
    @Test(
        "rupee text parses exactly",
        arguments: [
            ("1700.05", Int64(170_005)), ("1600", 160_000), ("1600.00", 160_000), ("0.1", 10), ("0.10", 10),
            ("-3.5", -350), ("99999999.99", 9_999_999_999), ("100.500", 10_050),
        ])
    func parses(text: String, paise: Int64) {
        #expect(Money(rupeesText: text)?.paise == paise)
    }

    @Test("text that is not an exact rupee amount is refused", arguments: ["", "abc", "1.005", "1,700", "1.2.3", ".5", "₹100", "1e3"])
    func refuses(text: String) {
        #expect(Money(rupeesText: text) == nil)
    }

    @Test("formats for numeric(10,2) and for people")
    func formats() {
        #expect(Money(paise: 170_005).rupeesText == "1700.05")
        #expect(Money(paise: 5).rupeesText == "0.05")
        #expect(Money(paise: -350).rupeesText == "-3.50")
        #expect(Money(paise: 12_345_678_90).description == "₹1,23,45,678.90")
        #expect(Money(rupees: 500).description == "₹500.00")
    }

    @Test("round-trips exactly through numeric(10,2) rupees and integer rupees")
    func roundTripsThroughPostgres() async throws {
        try await TestDatabase.with(prefix: "money") { test in
            let data = try await TestData.insert(into: test.database)
            let appointment = try await test.database.transaction {
                try AppointmentStore.insert(data.appointment(start: TestData.ist(10)), in: $0)
            }
            let amounts = [Money(paise: 170_005), Money(paise: 1), Money(paise: 99_999_999_99), Money(paise: 10)]
            for amount in amounts {
                let row = try await test.database.query(
                    """
                    INSERT INTO payments (patient_id, appointment_id, order_id, amount, currency, status, consultation_fee, registration_fee)
                    VALUES (\(data.patientIDs[0]), \(appointment), 'order_X', \(amount), 'INR', 'CREATED', \(amount), \(Money.zero))
                    RETURNING amount, consultation_fee, amount::text = \(amount.rupeesText) AS same_text
                    """)
                #expect(try row[0].decode("amount", as: Money.self) == amount)
                #expect(try row[0].decode("consultation_fee", as: Money.self) == amount)
                #expect(try row[0].decode("same_text", as: Bool.self))
            }
            // Sums stay exact: 0.10 + 0.20 is 0.30, not 0.30000000000000004.
            let sum = try await test.database.query(
                "SELECT \(Money(paise: 10))::numeric(10,2) + \(Money(paise: 20))::numeric(10,2) AS total")
            #expect(try sum[0].decode("total", as: Money.self) == Money(paise: 30))
            // The clinician's fee is whole rupees.
            let fee = try await test.database.query("SELECT consultation_fee FROM clinician_profiles WHERE id = \(data.clinicianID)")
            #expect(try fee[0].decode("consultation_fee", as: Int64?.self).map(Money.init(rupees:)) == Money(rupees: 1700))
            // Negative amounts are refused by the database.
            await #expect(throws: DatabaseError.self) {
                try await test.database.execute(
                    """
                    INSERT INTO payments (patient_id, appointment_id, order_id, amount, currency, status)
                    VALUES (\(data.patientIDs[0]), \(appointment), 'order_N', \(Money(paise: -1)), 'INR', 'CREATED')
                    """)
            }
        }
    }
}
