/// The most frequent function words of each supported language.
///
/// One table serves two purposes: language detection (which profile matches
/// most words) and boilerplate detection (prose is dense in stopwords of any
/// language, menus and button labels are not).
enum StopwordProfiles {
    /// ISO 639-1 codes, in bit order of ``Token/stopMask`` (bits 0...7 of ``Lexicon``).
    static let languages = ["en", "de", "fr", "es", "it", "pt", "nl", "ru"]

    static let words: [String: String] = [
        "en": """
            the of and to a in is that for it was on with he as his at by be this from are have has had not but or an \
            they were which said been their will would its who more after we there about than she her can also into \
            when one other what all no our out up because over did could should these those them while if so do does \
            only then some new before during since under him i you my your how any most such where just says
            """,
        "de": """
            der die und in den von zu das mit sich des auf für ist im dem nicht ein eine als auch es an werden aus er \
            hat dass sie nach wird bei einer um am sind noch wie einem über einen so zum war haben nur oder aber vor \
            zur bis mehr durch man sein wurde sei hatte kann gegen vom schon wenn habe seine ihre dann unter wir soll \
            ich eines worden zwischen sagte beim diese dieser seit wieder sowie ihr ihm keine
            """,
        "fr": """
            de la le et les des en un du une que est pour qui dans par plus pas au sur ne se ce il sont aux avec son \
            ses mais ont été cette elle sa leur ou comme nous l' d' qu' n' s' c' j' aussi selon après entre lors \
            depuis tout fait être avait était ces dont sans ils elles leurs on lui même très
            """,
        "es": """
            de la que el en y a los del se las por un para con no una su al lo como más pero sus le ya o fue este ha \
            porque esta son entre cuando muy sin sobre también me hasta hay donde quien desde todo nos durante todos \
            uno les ni contra otros ese eso ante ellos esto antes algunos unos otro otras otra él tanto esa estos \
            mucho nada muchos cual ella estas según dijo tras han está están
            """,
        "it": """
            di e il la che in a per un del non è una le i con si da dei della al sono gli alla ha nel come più ma \
            anche lo delle nella alle degli questo dal sul hanno tra dopo ci se o stato essere era sua suo loro cui \
            perché quando ancora dell' all' nell' sull' un' l' d' c' nei sui questa detto ieri
            """,
        "pt": """
            de a o que e do da em um para é com não uma os no se na por mais as dos como mas foi ao ele das tem à seu \
            sua ou ser quando muito há nos já está também só pelo pela até isso ela entre era depois sem mesmo aos \
            ter seus quem nas esse eles estão você tinha foram essa num nem suas às têm numa pelos elas havia seja \
            qual será nós disse segundo após ainda
            """,
        "nl": """
            de en van ik te dat die in een hij het niet zijn is was op aan met als voor had er maar om hem dan zou of \
            wat mijn men dit zo door over ze zich bij ook tot je mij uit der daar haar naar heb hoe heeft hebben \
            deze u want nog zal me zij nu geen omdat iets worden toch al waren veel meer doen toen moet ben zonder \
            kan hun dus alles onder ja werd wordt volgens zei
            """,
        "ru": """
            и в во не что он на я с со как а то все она так его но да ты к у же вы за бы по только ее мне было вот \
            от меня еще нет о из ему теперь когда даже ну ли если уже или ни быть был него до вас вам ведь там \
            потом себя ничего ей может они тут где есть надо ней для мы тебя их чем была сам без чего раз тоже себе \
            под будет тогда кто этот того потому этого какой здесь этом один почти тем чтобы сейчас были всех \
            можно при об другой после над больше тот через эти нас про всего них много свою этой перед такой им \
            более всегда между заявил сказал также который которые
            """,
    ]
}
