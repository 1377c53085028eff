import ClinicCore
import Testing

@Suite("hashing")
struct SecurityTests {
    @Test("bcrypt hashes are $2b$ cost 10 and verify; a wrong secret does not")
    func bcryptRoundTrip() throws {
        let hash = try PasswordHasher.hash("demo-frontdesk-1")
        #expect(hash.hasPrefix("$2b$10$"))
        #expect(PasswordHasher.verify("demo-frontdesk-1", against: hash))
        #expect(!PasswordHasher.verify("demo-frontdesk-2", against: hash))
    }

    @Test("hashes written the web's way ($2a$, bcryptjs) and $2y$ verify")
    func verifiesWebHashes() {
        // Openwall crypt_blowfish test vector: "U*U".
        #expect(PasswordHasher.verify("U*U", against: "$2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW"))
        #expect(!PasswordHasher.verify("U*V", against: "$2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW"))
        #expect(PasswordHasher.verify("U*U", against: "$2y$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW"))
        #expect(!PasswordHasher.verify("anything", against: "5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8"))
    }

    @Test("the web fixtures' bcryptjs hashes verify with their known plaintexts")
    func verifiesFixtureHashes() throws {
        let text = try String(
            contentsOfFile: TestDatabase.repositoryRoot.appendingPathComponent("Tests/Fixtures/web/migrated-data.sql").path,
            encoding: .utf8)
        let hashes = text.split(separator: "'").filter { $0.hasPrefix("$2a$10$") && $0.count == 60 }.map(String.init)
        #expect(!hashes.isEmpty)
        #expect(hashes.contains { PasswordHasher.verify("Staff@123", against: $0) || PasswordHasher.verify("Admin@123", against: $0) })
    }

    @Test("SHA-256 and HMAC-SHA256 match published vectors")
    func digests() {
        #expect(ByteString(Digest.sha256("abc")).hex == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        // RFC 4231 test case 2.
        let mac = Digest.hmacSHA256(key: Array("Jefe".utf8), message: Array("what do ya want for nothing?".utf8))
        #expect(ByteString(mac).hex == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
        #expect(Digest.constantTimeEquals([1, 2, 3], [1, 2, 3]))
        #expect(!Digest.constantTimeEquals([1, 2, 3], [1, 2, 4]))
        #expect(!Digest.constantTimeEquals([1, 2], [1, 2, 3]))
    }
}
