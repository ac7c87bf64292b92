/// Known public figures, places and organizations, as data.
///
/// Articles often name someone in full once ("Secretary of State John Kerry")
/// or never ("Mr. Kerry"); the gazetteer supplies canonical names so the same
/// person, place or body is reported the same way across articles. Entries are
/// "Canonical|alias|alias"; a person's `*`-marked alias may be used on its own
/// (a distinctive surname), and `(m)`/`(f)` gives the gender pronouns refer to.
enum Gazetteer {
    enum Kind: UInt8, Sendable {
        case person, place, organization
    }

    struct Entry: Sendable {
        var kind: Kind
        var canonical: String
        /// "m", "f" or nil.
        var gender: Character?
    }

    /// A match of an alias: the entry and whether the alias is a lone surname.
    struct Match: Sendable {
        var entry: Int
        var surnameOnly: Bool
        /// Number of words in the alias.
        var words: Int
        /// Short all-capital aliases ("US", "IS", "UN") match only all-capital words.
        var capsOnly: Bool
    }

    static let people: [String] = [
        "John Kerry|John F. Kerry|*Kerry (m)", "Sergey V. Lavrov|Sergei Lavrov|Sergey Lavrov|Sergei V. Lavrov|*Lavrov (m)",
        "Bashar al-Assad|Bashar Assad|Bashar al Assad|*Assad|*al-Assad (m)", "Barack Obama|Barack H. Obama|*Obama (m)",
        "Vladimir V. Putin|Vladimir Putin|Wladimir Putin|Vladimir Poutine|*Putin|*Poutine (m)",
        "Edward J. Snowden|Edward Snowden|*Snowden (m)", "Chuck Hagel|*Hagel (m)", "Salim Idris|Selim Idriss (m)",
        "Angela Merkel|*Merkel (f)", "Hassan Rouhani|*Rouhani (m)", "Ali Khamenei|Ayatollah Ali Khamenei|*Khamenei (m)",
        "Benjamin Netanyahu|*Netanyahu (m)", "Mahmoud Abbas (m)", "Ban Ki-moon|*Ban Ki-moon (m)",
        "François Hollande|Francois Hollande|*Hollande (m)", "David Cameron|*Cameron (m)", "Xi Jinping|*Xi (m)",
        "Recep Tayyip Erdogan|Recep Tayyip Erdoğan|Tayyip Erdogan|*Erdogan|*Erdoğan (m)", "Joe Biden|Joseph R. Biden|*Biden (m)",
        "Donald J. Trump|Donald Trump|*Trump (m)", "Emmanuel Macron|*Macron (m)", "Olaf Scholz|*Scholz (m)",
        "Volodymyr Zelensky|Volodymyr Zelenskyy|Wolodymyr Selenskyj|*Zelensky|*Zelenskyy|*Selenskyj (m)",
        "Mohamed Morsi|Mohammed Morsi|*Morsi (m)", "Hosni Mubarak|*Mubarak (m)", "Kim Jong-un|Kim Jong Un (m)",
        "Shinzo Abe (m)", "Narendra Modi|*Modi (m)", "Mario Draghi|*Draghi (m)", "Christine Lagarde|*Lagarde (f)",
        "Jens Stoltenberg|*Stoltenberg (m)", "António Guterres|Antonio Guterres|*Guterres (m)", "Boris Johnson (m)",
        "Theresa May (f)", "Rishi Sunak|*Sunak (m)", "Keir Starmer|*Starmer (m)", "Ursula von der Leyen|*von der Leyen (f)",
        "Pedro Sánchez|Pedro Sanchez (m)", "Mariano Rajoy|*Rajoy (m)", "Giorgia Meloni|*Meloni (f)", "Matteo Renzi|*Renzi (m)",
        "Luiz Inácio Lula da Silva|Lula da Silva|Luiz Inacio Lula da Silva|*Lula (m)", "Dilma Rousseff|*Rousseff (f)",
        "Susan E. Rice|Susan Rice (f)", "Samantha Power (f)", "Martin E. Dempsey|Martin Dempsey|*Dempsey (m)",
        "Lakhdar Brahimi|*Brahimi (m)", "Hassan Nasrallah|*Nasrallah (m)", "Catherine Ashton (f)",
        "John A. Boehner|John Boehner|*Boehner (m)", "Nancy Pelosi|*Pelosi (f)", "Mitch McConnell|*McConnell (m)",
        "John McCain|*McCain (m)", "Janet L. Yellen|Janet Yellen|*Yellen (f)", "Ben S. Bernanke|Ben Bernanke|*Bernanke (m)",
        "Jerome H. Powell|Jerome Powell (m)", "Hillary Rodham Clinton|Hillary Clinton (f)", "Bill Clinton (m)",
        "Pope Francis (m)", "Kofi Annan|*Annan (m)", "Ahmet Davutoglu|*Davutoglu (m)", "Nicolás Maduro|Nicolas Maduro|*Maduro (m)",
        "Dmitri A. Medvedev|Dmitry Medvedev|Dmitri Medvedev|*Medvedev (m)", "Wolfgang Schäuble|*Schäuble (m)",
        "Frank-Walter Steinmeier|*Steinmeier (m)", "Laurent Fabius|*Fabius (m)", "William Hague (m)",
        "Mohammad Javad Zarif|Javad Zarif|*Zarif (m)", "Ahmad Jarba|Ahmad al-Jarba|*Jarba (m)",
        "Abdel Fattah el-Sisi|Abdel Fattah al-Sisi|*Sisi|*el-Sisi (m)", "Justin Trudeau|*Trudeau (m)",
        "Jacinda Ardern|*Ardern (f)", "Kamala Harris (f)", "Antony J. Blinken|Antony Blinken|*Blinken (m)",
        "Lloyd J. Austin|Lloyd Austin (m)", "Elon Musk|*Musk (m)", "Tim Cook (m)", "Mark Zuckerberg|*Zuckerberg (m)",
    ]

    static let places: [String] = [
        // Countries.
        "Afghanistan", "Albania", "Algeria", "Argentina", "Armenia", "Australia", "Austria|Österreich|Autriche",
        "Azerbaijan", "Bahrain", "Bangladesh", "Belarus", "Belgium|Belgien|Belgique|België", "Bolivia", "Bosnia",
        "Brazil|Brasil|Brasilien|Brésil", "Brunei", "Bulgaria", "Cambodia", "Cameroon", "Canada|Kanada", "Chile",
        "China|Chine", "Colombia", "Croatia", "Cuba", "Cyprus", "Czech Republic", "Denmark|Dänemark",
        "Egypt|Ägypten|Égypte|Egipto", "Estonia", "Ethiopia", "Finland", "France|Frankreich|Francia|Frankrijk",
        "Georgia", "Germany|Deutschland|Allemagne|Alemania|Germania|Duitsland", "Ghana", "Greece|Griechenland|Grèce|Grecia",
        "Hungary", "Iceland", "India|Indien|Inde", "Indonesia", "Iran", "Iraq|Irak", "Ireland", "Israel|Israël",
        "Italy|Italien|Italie|Italia", "Japan|Japon|Japón", "Jordan|Jordanien|Jordanie", "Kazakhstan", "Kenya",
        "Kosovo", "Kuwait", "Latvia", "Lebanon|Libanon|Liban|Líbano", "Libya|Libyen|Libye|Libia", "Lithuania",
        "Luxembourg", "Malaysia", "Mali", "Mexico|Mexiko|Mexique|México", "Moldova", "Morocco|Marokko|Maroc|Marruecos",
        "Myanmar|Burma", "Nepal", "Netherlands|Niederlande|Pays-Bas|Países Bajos|Nederland", "New Zealand", "Nigeria",
        "North Korea|Nordkorea", "Norway|Norwegen", "Oman", "Pakistan", "Palestine", "Panama", "Peru", "Philippines",
        "Poland|Polen|Pologne|Polonia", "Portugal", "Qatar|Katar", "Romania|Rumänien", "Russia|Russland|Russie|Rusia|Russland|Россия",
        "Saudi Arabia|Saudi-Arabien|Arabie saoudite|Arabia Saudita", "Serbia", "Singapore", "Slovakia", "Slovenia",
        "Somalia", "South Africa", "South Korea|Südkorea", "Spain|Spanien|Espagne|España|Spanje", "Sri Lanka", "Sudan",
        "Sweden|Schweden", "Switzerland|Schweiz|Suisse|Suiza", "Syria|Syrien|Syrie|Siria", "Taiwan", "Thailand",
        "Tunisia|Tunesien|Tunisie|Túnez", "Turkey|Türkei|Turquie|Turquía|Türkiye", "Uganda", "Ukraine|Ucrania|Україна",
        "United Arab Emirates|UAE", "United Kingdom|Britain|Great Britain|U.K.|UK|Großbritannien|Royaume-Uni|Reino Unido",
        "United States|U.S.|US|USA|U.S.A.|America|USA|Vereinigte Staaten|États-Unis|Etats-Unis|Estados Unidos",
        "Uruguay", "Uzbekistan", "Venezuela", "Vietnam", "Yemen|Jemen", "Zimbabwe",
        // Regions.
        "Europe|Europa", "Asia|Asien", "South America|Südamerika", "North America|Nordamerika", "Central America", "Africa|Afrika|Afrique", "Middle East|Nahost|Moyen-Orient|Oriente Medio",
        "Latin America", "Gaza|Gaza Strip", "West Bank", "Crimea|Krim|Crimée", "Golan Heights", "Kurdistan",
        "Balkans", "Caucasus", "Siberia", "Scandinavia", "Persian Gulf|Gulf", "Mediterranean", "Donbas|Donbass",
        "Aleppo", "Homs", "Qusayr", "Idlib", "Catalonia|Cataluña|Catalunya", "Bavaria|Bayern", "Kashmir", "Tibet",
        "Xinjiang", "Hong Kong", "Macau", "Scotland", "Wales", "England", "Northern Ireland", "Quebec|Québec",
        "California", "Texas", "Florida", "New York State", "Virginia", "Ohio", "Illinois", "Michigan", "Arizona",
        "Massachusetts", "Pennsylvania",
        // Cities.
        "Abu Dhabi", "Addis Ababa", "Amman", "Amsterdam", "Ankara", "Athens|Athen|Athènes|Atenas", "Baghdad|Bagdad",
        "Bangkok", "Bandar Seri Begawan", "Barcelona", "Beijing|Peking|Pékin|Pekín", "Beirut|Beyrouth|Beirut",
        "Berlin|Berlín", "Bern|Berne", "Bogotá|Bogota", "Bonn", "Boston", "Brussels|Brüssel|Bruxelles|Bruselas|Brussel",
        "Bucharest", "Budapest", "Buenos Aires", "Cairo|Kairo|Le Caire|El Cairo", "Cape Town", "Caracas", "Chicago",
        "Copenhagen|Kopenhagen", "Damascus|Damaskus|Damas|Damasco", "Davos", "Delhi|New Delhi|Neu-Delhi",
        "Doha", "Dubai", "Dublin", "Frankfurt", "Geneva|Genf|Genève|Ginebra|Ginevra", "Hamburg", "Havana|La Habana",
        "Helsinki", "Islamabad", "Istanbul", "Jakarta", "Jerusalem|Jérusalem", "Kabul", "Karachi", "Kyiv|Kiev|Kiew",
        "Kuala Lumpur", "Lagos", "Lisbon|Lissabon|Lisbonne|Lisboa", "London|Londres|Londra|Londen", "Los Angeles",
        "Lyon", "Madrid", "Manila", "Marseille", "Mecca", "Melbourne", "Mexico City", "Miami", "Milan|Mailand|Milano",
        "Minsk", "Montreal|Montréal", "Moscow|Moskau|Moscou|Moscú|Mosca|Moskou|Москва", "Mumbai", "Munich|München|Múnich",
        "Nairobi", "Naples|Neapel|Napoli", "New York|New York City", "Oslo", "Ottawa", "Paris|París|Parigi|Parijs",
        "Prague|Prag|Praga", "Pyongyang", "Rabat", "Riyadh|Riad", "Rio de Janeiro", "Rome|Rom|Roma",
        "San Francisco", "Santiago", "São Paulo|Sao Paulo", "Seoul", "Seville|Sevilla", "Shanghai", "Singapore City",
        "Sochi", "Stockholm", "Strasbourg|Straßburg", "Sydney", "Tehran|Teheran|Téhéran", "Tel Aviv", "Tokyo|Tokio",
        "Toronto", "Tripoli", "Tunis", "Valencia", "Vatican|Vatican City", "Vienna|Wien|Vienne|Viena", "Warsaw|Warschau",
        "Washington|Washington D.C.", "Zurich|Zürich", "Lille", "Toulouse", "Bordeaux", "Cologne|Köln", "Stuttgart",
        "Dresden", "Leipzig", "Düsseldorf", "Hannover", "Bilbao", "Zaragoza", "Málaga", "Turin|Torino", "Florence|Firenze",
        "Venice|Venedig|Venezia", "Porto", "Rotterdam", "The Hague|Den Haag", "Antwerp|Antwerpen", "Geneva Lake",
        "Brasília|Brasilia", "Lima", "Quito", "Montevideo", "Sarajevo", "Belgrade|Belgrad", "Zagreb", "Sofia",
        "Kharkiv", "Odesa|Odessa", "Mariupol", "Donetsk", "Luhansk", "Sevastopol", "St. Petersburg|Saint Petersburg",
    ]

    static let organizations: [String] = [
        "United Nations|U.N.|UN|Vereinte Nationen|Nations unies|Naciones Unidas|ONU|UNO",
        "UN Security Council|U.N. Security Council|Security Council", "UN General Assembly|General Assembly",
        "European Union|EU|E.U.|Europäische Union|Union européenne|Unión Europea|UE",
        "European Commission|EU Commission|EU-Kommission|Commission européenne|Comisión Europea",
        "European Parliament|Europäisches Parlament|Parlement européen", "European Central Bank|ECB|EZB|BCE",
        "NATO|Nato|OTAN", "Kremlin|Kreml", "White House|Weißes Haus|Maison Blanche|Casa Blanca",
        "Pentagon", "State Department|U.S. State Department", "Congress|U.S. Congress|Kongress", "Senate|U.S. Senate",
        "House of Representatives", "Supreme Court", "Federal Reserve|Fed", "FBI", "CIA", "NSA|National Security Agency",
        "Department of Homeland Security", "Justice Department|Department of Justice",
        "Hezbollah|Hisbollah|Hizbollah|Hizballah", "Hamas", "Taliban", "Al Qaeda|al-Qaeda|Al-Qaida|al-Qaida",
        "Islamic State|ISIS|ISIL|IS", "Muslim Brotherhood", "Free Syrian Army", "Syrian National Coalition",
        "Interfax", "Reuters", "Associated Press|AP", "Agence France-Presse|AFP", "dpa|Deutsche Presse-Agentur",
        "Tass|TASS|ITAR-Tass", "RIA Novosti", "Xinhua", "Al Jazeera", "BBC", "CNN", "The New York Times|New York Times",
        "The Washington Post|Washington Post", "The Boston Globe|Boston Globe", "Bloomberg", "Le Monde", "El País",
        "Der Spiegel|Spiegel", "International Monetary Fund|IMF|IWF|FMI", "World Bank|Weltbank|Banque mondiale|Banco Mundial",
        "World Health Organization|WHO|OMS|WHO", "World Trade Organization|WTO|OMC", "UNICEF", "UNHCR", "OPEC|Opec",
        "OSCE|OSZE", "G8", "G20", "ASEAN", "African Union", "Arab League", "Red Cross|International Committee of the Red Cross|ICRC|Rotes Kreuz",
        "Amnesty International", "Human Rights Watch", "Doctors Without Borders|Médecins Sans Frontières|MSF",
        "Bundestag", "Bundesregierung", "Bundesrat", "Bundesverfassungsgericht", "Bundesbank", "SPD", "CDU", "CSU", "FDP",
        "AfD", "Grüne|Die Grünen", "Élysée|Elysee|Élysée Palace", "Assemblée nationale|National Assembly",
        "Congreso de los Diputados", "PSOE", "Partido Popular|PP", "Podemos", "Parlamento", "Downing Street",
        "Labour Party|Labour", "Conservative Party|Conservatives|Tories", "Democratic Party|Democrats",
        "Republican Party|Republicans|GOP", "Google", "Apple", "Microsoft", "Amazon", "Meta", "Facebook", "Twitter",
        "Tesla", "Boeing", "Airbus", "Siemens", "Deutsche Bahn|DB", "Volkswagen|VW", "Gazprom", "Rosneft", "Deutsche Bank", "Goldman Sachs",
        "JPMorgan Chase|JPMorgan", "Sony", "Samsung", "Toyota", "Nestlé|Nestle", "Shell", "BP", "ExxonMobil|Exxon",
        "OpenAI", "Nvidia", "Intel", "Renault", "Peugeot", "Telefónica|Telefonica", "Santander", "Inditex",
        "Eurostat", "Europol", "Interpol", "International Criminal Court|ICC", "International Atomic Energy Agency|IAEA",
        "London 11",
    ]

    /// Honorifics and titles that introduce a person; removed from names. Value: gender or "-".
    static let honorifics: [String: Character] = [
        "mr": "m", "mrs": "f", "ms": "f", "miss": "f", "dr": "-", "prof": "-", "professor": "-", "sir": "m",
        "dame": "f", "lord": "m", "lady": "f", "herr": "m", "frau": "f", "mme": "f", "madame": "f", "monsieur": "m",
        "sr": "m", "sra": "f", "señor": "m", "señora": "f", "signor": "m", "signora": "f",
        "president": "-", "vice": "-", "secretary": "-", "secretary-general": "-", "minister": "-", "chancellor": "-",
        "premier": "-", "prime": "-", "senator": "-", "sen": "-", "rep": "-", "representative": "-", "gov": "-",
        "governor": "-", "mayor": "-", "gen": "-", "general": "-", "col": "-", "colonel": "-", "lt": "-",
        "lieutenant": "-", "adm": "-", "admiral": "-", "sgt": "-", "sergeant": "-", "capt": "-", "captain": "-",
        "maj": "-", "judge": "-", "justice": "-", "king": "m", "queen": "f", "prince": "m", "princess": "f",
        "pope": "m", "ambassador": "-", "envoy": "-", "commissioner": "-", "chairman": "m", "chairwoman": "f",
        "spokesman": "m", "spokeswoman": "f", "spokesperson": "-", "sheikh": "m", "ayatollah": "m", "rabbi": "-",
        "rev": "-", "reverend": "-", "bishop": "-", "cardinal": "-", "archbishop": "-", "emir": "m", "crown": "-",
        "chief": "-", "director": "-", "deputy": "-", "leader": "-", "commander": "-", "officer": "-",
        "präsident": "m", "präsidentin": "f", "kanzler": "m", "kanzlerin": "f", "bundeskanzler": "m",
        "bundeskanzlerin": "f", "außenminister": "m", "außenministerin": "f", "ministerin": "f", "ministre": "-",
        "président": "m", "présidente": "f", "presidente": "-", "ministro": "m", "ministra": "f", "canciller": "-",
        "premierminister": "m", "regierungschef": "m", "sprecher": "m", "sprecherin": "f", "porte-parole": "-",
        "portavoz": "-",
    ]

    /// Words that extend a title without being one ("Foreign" in "Foreign Minister", "of State").
    static let titleModifiers: Set<String> = [
        "foreign", "defense", "defence", "interior", "finance", "state", "homeland", "security", "of", "the",
        "energy", "justice", "treasury", "health", "trade", "economy", "economic", "national", "general",
        "attorney", "executive", "supreme", "opposition", "rebel", "army", "military", "police", "central", "bank",
        "federal", "affairs", "de", "des", "du", "la", "del", "external", "white", "house", "press", "u.s.", "u.n.",
    ]

    /// Lowercase particles inside names ("Bashar al-Assad", "Ursula von der Leyen").
    static let nameParticles: Set<String> = [
        "al", "el", "bin", "ibn", "abu", "de", "del", "della", "der", "den", "van", "von", "da", "di", "du", "dos",
        "das", "le", "la", "ben",
    ]

    /// Words that end organization names ("Syrian National Coalition", "Foreign Ministry").
    static let organizationHeads: Set<String> = [
        "ministry", "department", "agency", "party", "bank", "council", "commission", "committee", "university",
        "institute", "corporation", "corp", "inc", "ltd", "group", "association", "organization", "organisation",
        "union", "court", "parliament", "army", "police", "foundation", "company", "embassy", "coalition", "front",
        "alliance", "federation", "authority", "office", "service", "network", "times", "post", "news", "press",
        "ministerium", "partei", "regierung", "ministère", "parti", "ministerio", "partido", "gobierno", "ministero",
    ]

    /// Capitalized words that are never names: months, weekdays and the like.
    static let notNames: Set<String> = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "januar", "februar", "märz", "juni", "juli", "oktober", "dezember", "montag", "dienstag", "mittwoch",
        "donnerstag", "freitag", "samstag", "sonntag", "janvier", "février", "mars", "avril", "mai", "juin",
        "juillet", "août", "septembre", "octobre", "novembre", "décembre", "lundi", "mardi", "mercredi", "jeudi",
        "vendredi", "samedi", "dimanche", "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
        "septiembre", "octubre", "noviembre", "diciembre", "lunes", "martes", "miércoles", "jueves", "viernes",
        "sábado", "domingo", "i", "mr", "mrs", "ms", "but", "and", "the", "a", "an", "in", "on", "at", "since",
        "still", "when", "after", "before", "during", "while", "this", "that", "these", "those", "he", "she", "it",
        "they", "we", "his", "her", "their", "our", "its",
    ]

    /// Common first names: a capitalized one followed by another capitalized word starts a person's name.
    static let firstNames: Set<String> = [
        "john", "james", "robert", "michael", "william", "david", "richard", "joseph", "thomas", "charles",
        "christopher", "daniel", "matthew", "anthony", "mark", "donald", "steven", "paul", "andrew", "joshua",
        "kenneth", "kevin", "brian", "george", "edward", "ronald", "timothy", "jason", "jeffrey", "ryan", "jacob",
        "gary", "nicholas", "eric", "jonathan", "stephen", "larry", "justin", "scott", "brandon", "benjamin",
        "samuel", "frank", "gregory", "raymond", "alexander", "patrick", "jack", "dennis", "jerry", "tyler",
        "aaron", "peter", "henry", "adam", "douglas", "nathan", "zachary", "kyle", "walter", "harold", "carl",
        "arthur", "roger", "keith", "jeremy", "lawrence", "sean", "christian", "albert", "joe", "ethan", "austin",
        "jesse", "willie", "billy", "bruce", "ralph", "bryan", "eugene", "louis", "wayne", "harry", "chuck",
        "mary", "patricia", "jennifer", "linda", "elizabeth", "barbara", "susan", "jessica", "sarah", "karen",
        "nancy", "lisa", "betty", "margaret", "sandra", "ashley", "kimberly", "emily", "donna", "michelle",
        "dorothy", "carol", "amanda", "melissa", "deborah", "stephanie", "rebecca", "sharon", "laura", "cynthia",
        "kathleen", "amy", "shirley", "angela", "helen", "anna", "anne", "brenda", "pamela", "nicole", "emma",
        "samantha", "katherine", "christine", "debra", "rachel", "catherine", "carolyn", "janet", "ruth", "maria",
        "heather", "diane", "virginia", "julie", "joyce", "victoria", "olivia", "kelly", "christina", "lauren",
        "joan", "evelyn", "judith", "megan", "cheryl", "andrea", "hannah", "martha", "jacqueline", "frances",
        "gloria", "ann", "teresa", "kathryn", "sara", "janice", "jean", "alice", "madison", "doris", "abigail",
        "julia", "judy", "grace", "denise", "amber", "marilyn", "beverly", "danielle", "theresa", "sophia",
        "marie", "diana", "brittany", "natalie", "isabella", "charlotte", "rose", "alexis", "kayla", "sergei",
        "sergey", "vladimir", "dmitri", "dmitry", "alexei", "alexey", "mikhail", "ivan", "nikolai", "andrei",
        "yuri", "igor", "olga", "natalia", "tatiana", "irina", "elena", "svetlana", "hans", "klaus", "jürgen",
        "wolfgang", "stefan", "andreas", "michael", "martin", "markus", "thomas", "frank", "uwe", "dieter", "jan",
        "lukas", "felix", "jonas", "leon", "paul", "anja", "katrin", "sabine", "petra", "ursula", "monika",
        "claudia", "susanne", "julia", "lena", "jean", "pierre", "jacques", "michel", "philippe", "alain",
        "nicolas", "françois", "francois", "laurent", "christophe", "sébastien", "julien", "antoine", "marie",
        "nathalie", "isabelle", "sylvie", "catherine", "sophie", "camille", "claire", "juan", "josé", "jose",
        "carlos", "luis", "javier", "miguel", "antonio", "manuel", "francisco", "pedro", "pablo", "jorge",
        "alejandro", "fernando", "ana", "carmen", "lucía", "lucia", "isabel", "marta", "laura", "elena",
        "marco", "giuseppe", "giovanni", "luca", "matteo", "alessandro", "francesco", "paolo", "giulia", "chiara",
        "joão", "joao", "mohammed", "mohamed", "muhammad", "ahmed", "ahmad", "ali", "hassan", "hussein", "omar",
        "khalid", "salim", "salem", "mahmoud", "abdullah", "abdel", "yusuf", "ibrahim", "fatima", "aisha",
        "wei", "li", "hiroshi", "yuki", "kim", "lee", "park", "raj", "priya", "amit", "sunil", "kwame", "amina",
        "bashar", "barack", "hillary", "vladimir", "recep", "benjamin", "emmanuel", "angela", "olaf",
        "mateo", "lars", "sven", "erik", "anders", "ingrid", "astrid", "pieter", "willem", "femke", "sanne",
        "lotte", "daan", "bram", "ruud", "marc", "luc", "tom", "tim", "ben", "sam", "max", "alex", "chris", "pat",
        "nick", "mike", "jim", "bob", "bill", "ted", "ed", "al", "dan", "greg", "jeff", "steve", "tony", "ken",
        "jane", "john", "joan", "jenny", "jen", "kate", "katie", "lucy", "molly", "nora", "ellen", "eva", "eve",
        "fiona", "gemma", "holly", "irene", "iris", "jill", "judy", "june", "leah", "lily", "maya", "mia", "nina",
        "paula", "rita", "rosa", "ruby", "tina", "vera", "zoe", "adrian", "alan", "andy", "brad", "colin", "craig",
        "derek", "dylan", "evan", "gavin", "glen", "ian", "ivan", "jake", "joel", "luke", "neil", "owen", "phil",
        "ray", "rob", "ross", "roy", "simon", "stuart", "trevor", "victor", "vincent", "wade", "elise", "léa", "lea", "inès", "ines", "hugo", "louis", "gabriel", "raphaël", "arthur", "jules", "noah",
    ]
}
