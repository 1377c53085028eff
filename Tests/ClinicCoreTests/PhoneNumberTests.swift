import ClinicCore
import Testing

@Suite("Indian mobile numbers, however they are typed")
struct PhoneNumberTests {
    @Test(
        "typed and stored forms parse to the ten national digits",
        arguments: [
            ("+91 98450 12345", "9845012345"), ("098450-12345", "9845012345"), ("9845012345", "9845012345"),
            ("919845012345", "9845012345"), ("+91-98450-12345", "9845012345"), ("(0) 98450.12345", "9845012345"),
            ("91 98450 12345", "9845012345"), ("  6000000001 ", "6000000001"), ("+919845012345", "9845012345"),
            ("0919845012345", "9845012345"), ("9198450123", "9198450123"),
        ])
    func parses(typed: String, tenDigits: String) throws {
        let phone = try PhoneNumber(parsing: typed)
        #expect(phone.tenDigit == tenDigits)
        #expect(PhoneNumber(typed) == phone)
    }

    @Test(
        "what cannot be an Indian mobile is refused in words",
        arguments: [
            ("98450 1234", "98450 1234 has 9 digits; an Indian mobile number has 10."),
            ("", "Type a 10-digit mobile number."),
            ("   ", "Type a 10-digit mobile number."),
            ("5845012345", "5845012345 is not a mobile number: Indian mobile numbers start with 6, 7, 8 or 9."),
            ("+1 415 555 0100", "+1 415 555 0100 is not an Indian number; only Indian mobile numbers (+91) can be used."),
            ("98450x12345", "98450x12345 has “x” in it; a phone number has only digits (spaces and dashes are fine)."),
            ("+91 98450 123456", "+91 98450 123456 has 11 digits after 91; an Indian mobile number has 10."),
            ("984501234567", "984501234567 has 12 digits; an Indian mobile number has 10."),
            ("1", "1 has 1 digit; an Indian mobile number has 10."),
        ])
    func refuses(typed: String, message: String) {
        #expect(throws: PhoneNumberError.self) { try PhoneNumber(parsing: typed) }
        do {
            _ = try PhoneNumber(parsing: typed)
        } catch {
            #expect(error.description == message)
        }
        #expect(PhoneNumber(typed) == nil)
    }

    @Test("the web's login format, the display form and the audit mask")
    func formats() throws {
        let phone = try PhoneNumber(parsing: "098450-12345")
        #expect(phone.webLoginFormat == "919845012345")
        #expect(phone.display == "+91 98450 12345")
        #expect(phone.masked == "98•••••345")
        #expect(phone.description == phone.display)
    }
}
