@testable import TailorMIME
import Testing

/// Domains that are host names but receive no mail: check-eml (email-validator)
/// fails a message addressed to them, so tailor fails the recipient instead,
/// saying why.
@Suite struct RecipientDomainTests {
    @Test(arguments: [
        ("ann@example.com", nil as String?),
        ("ann@mail.example", nil),
        ("ann@shop.co.uk", nil),
        ("ann@b.c0m", nil),
        ("ann@xn--bcher-kva.example", nil),
        ("ann@shop.internal", nil),
        ("ann@shop.local", "'.local' is a special-use top-level domain that receives no mail (RFC 6761)"),
        ("ann@SHOP.LOCAL", "'.local' is a special-use top-level domain that receives no mail (RFC 6761)"),
        ("ann@x.test", "'.test' is a special-use top-level domain that receives no mail (RFC 6761)"),
        ("ann@box.invalid", "'.invalid' is a special-use top-level domain"),
        ("ann@a.localhost", "'.localhost' is a special-use top-level domain"),
        ("ann@hidden.onion", "'.onion' is a special-use top-level domain"),
        ("ann@x.home.arpa", "'.arpa' is a special-use top-level domain"),
        ("ann@b.123", "domain must end in a top-level domain of letters such as .com, not '.123'"),
        ("ann@10.0.0.1", "domain must end in a top-level domain of letters such as .com, not '.1'"),
    ])
    func recipientDomains(address: String, problem: String?) {
        var reason: String?
        do { try MailAddress.validateAddrSpec(address, header: "To") } catch { reason = "\(error)" }
        if let problem {
            #expect(reason?.contains(problem) == true, "\(reason ?? "accepted")")
            #expect(reason?.contains(address) == true)
        } else {
            #expect(reason == nil)
        }
    }

    /// The Message-ID's domain is the sender's, not a recipient's: its rules did not change.
    @Test func messageIDDomainsAreHostNames() {
        #expect(MailAddress.isHostName("mail.test"))
        #expect(MailAddress.isHostName("10.0.0.1"))
    }
}

/// `xn--` labels must be the Punycode of an internationalized label.
@Suite struct ALabelTests {
    @Test(arguments: [
        ("xn--bcher-kva", nil as String?),
        ("XN--bcher-KVA", nil),
        ("xn--mnchen-3ya", nil),
        ("xn--p1ai", nil),
        ("xn--zz", "domain label 'xn--zz' is not a valid internationalized label"),
        ("xn--a", "domain label 'xn--a' is not a valid internationalized label"),
        ("xn--abc", "domain label 'xn--abc' is not a valid internationalized label"),
        ("xn--ls8h", "domain label 'xn--ls8h' is not a valid internationalized label"),
        ("xn--n3h", "domain label 'xn--n3h' is not a valid internationalized label"),
        ("xn--9a", "domain label 'xn--9a' is not a valid internationalized label"),
    ])
    func aLabels(label: String, problem: String?) {
        var reason: String?
        do { try MailAddress.validateAddrSpec("ann@\(label).example", header: "To") } catch { reason = "\(error)" }
        if let problem {
            #expect(reason?.contains(problem) == true, "\(reason ?? "accepted")")
        } else {
            #expect(reason == nil)
        }
    }
}
