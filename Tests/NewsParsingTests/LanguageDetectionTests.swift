import NewsParsing
import Testing

/// Stopword-profile language detection.
@Suite("Language detection")
struct LanguageDetectionTests {
    static let samples: [(String, String)] = [
        ("en", "The government said on Monday that it would raise the minimum wage next year, and unions welcomed the decision but warned that it was not enough for the families who have been hit hardest by the rise in prices."),
        ("de", "Die Regierung hat am Montag angekündigt, dass der Mindestlohn im kommenden Jahr steigen soll. Die Gewerkschaften begrüßten die Entscheidung, warnten aber, dass sie für die Familien nicht ausreiche, die von den Preisen am stärksten betroffen sind."),
        ("fr", "Le gouvernement a annoncé lundi que le salaire minimum serait augmenté l’année prochaine. Les syndicats ont salué la décision, mais ils ont averti qu’elle ne suffirait pas pour les familles qui sont les plus touchées par la hausse des prix."),
        ("es", "El Gobierno anunció el lunes que el salario mínimo subirá el próximo año. Los sindicatos celebraron la decisión, pero advirtieron que no es suficiente para las familias que más han sufrido por la subida de los precios."),
        ("it", "Il governo ha annunciato lunedì che il salario minimo sarà aumentato il prossimo anno. I sindacati hanno accolto con favore la decisione, ma hanno avvertito che non è sufficiente per le famiglie che sono state più colpite dall’aumento dei prezzi."),
        ("pt", "O governo anunciou na segunda-feira que o salário mínimo vai subir no próximo ano. Os sindicatos saudaram a decisão, mas alertaram que não é suficiente para as famílias que foram mais atingidas pela alta dos preços."),
        ("nl", "De regering heeft maandag aangekondigd dat het minimumloon volgend jaar omhoog gaat. De vakbonden zijn blij met het besluit, maar waarschuwen dat het niet genoeg is voor de gezinnen die het hardst zijn getroffen door de stijging van de prijzen."),
        ("ru", "Правительство в понедельник объявило, что минимальная зарплата будет повышена в следующем году. Профсоюзы приветствовали это решение, но предупредили, что этого недостаточно для семей, которые больше всего пострадали от роста цен."),
    ]

    @Test("Each supported language is recognized", arguments: samples.map(\.0))
    func recognizes(_ code: String) throws {
        let body = try #require(LanguageDetectionTests.samples.first { $0.0 == code }?.1)
        let article = try Parse.text("Headline of the day\n\n" + body)
        #expect(article.language == code)
    }

    @Test("Too little or unknown text is \"und\"")
    func undetermined() throws {
        #expect(try Parse.text("Zyx qwv\n\nKrtl vmpq zzut brrp xxov qaaz plok mnbv.").language == "und")
        #expect(try Parse.text("Goals\n\n3-1").language == "und")
    }
}
