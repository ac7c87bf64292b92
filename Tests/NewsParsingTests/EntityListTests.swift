import NewsParsing
import Testing

/// People, places and organizations are each listed once, in the order of first mention,
/// also when an article names more of them than fit the recognizer's first small list.
@Suite("Entity lists")
struct EntityListTests {
    static let countries = [
        "Albania", "Algeria", "Argentina", "Armenia", "Australia", "Austria", "Azerbaijan", "Bahrain", "Bangladesh",
        "Belarus", "Bolivia", "Brazil", "Cambodia", "Cameroon", "Canada", "Chile", "China", "Colombia", "Croatia",
    ]

    @Test("Nineteen countries named twice, once by an alias, are listed once each in first-mention order")
    func manyPlaces() throws {
        let countries = EntityListTests.countries
        let first = "Delegates from " + countries.dropLast().joined(separator: ", ") + " and " + countries.last!
            + " met on Tuesday to discuss the grain agreement and the shipping routes it depends on."
        let again = "Later in the day the delegates of " + countries.reversed().dropLast().joined(separator: ", ")
            + " and " + countries.first! + " signed a joint statement, and the officials from Österreich and Brasil"
            + " said they would report back to their governments."
        let text = "Grain talks end with a joint statement\n\n" + first + "\n\n" + again + "\n"
        let article = try Parse.text(text)
        #expect(article.places == countries)
    }
}
