import Foundation
import NewsParsing
import NewswireTesting
import Testing

/// Pages declared in windows-1250 or ISO-8859-2 (Polish, Czech, Hungarian…) decode instead of being refused.
@Suite("Central European charsets")
struct CentralEuropeanCharsetTests {
    @Test("A windows-1250 page declared by <meta charset> decodes to the right letters")
    func windows1250() throws {
        let article = try Parse.fixture("html_windows1250.html")
        #expect(article.title == "Nowy most nad Wisłą otwarty dla pieszych")
        #expect(article.paragraphs.count == 3)
        #expect(article.paragraphs[1].hasPrefix("Budowa trwała dwa lata i kosztowała więcej, niż zakładano"))
    }

    @Test("ISO-8859-2 given in the content type: the bytes where it differs from windows-1250 decode by its own table")
    func latin2() throws {
        // "Świat żółwi" in ISO-8859-2: Ś is 0xA6 and ź/ż are 0xBC/0xBF there (0x8C, 0x9F, 0xBF in windows-1250).
        var bytes = Array("<html><body><article><h1>".utf8) + [0xA6] + Array("wiat ".utf8) + [0xBF, 0xF3, 0xB3, 0x77, 0x69]
        bytes += Array("</h1><p>".utf8)
        let sentence = Array("Opowie".utf8) + [0xB6, 0xE6] + Array(" o ".utf8) + [0xBF, 0xF3, 0xB3, 0x77, 0x69, 0x61, 0x63, 0x68]
            + Array(", kt".utf8) + [0xF3] + Array("re przep".utf8) + [0xB3] + Array("yn".utf8) + [0xEA, 0xB3] + Array("y morze w trzy lata.".utf8)
        bytes += sentence + Array("</p></article></body></html>".utf8)
        let article = try Parse.parser.parse(bytes, contentType: "text/html; charset=ISO-8859-2")
        #expect(article.title == "Świat żółwi")
        #expect(article.paragraphs == ["Opowieść o żółwiach, które przepłynęły morze w trzy lata."])
    }
}
