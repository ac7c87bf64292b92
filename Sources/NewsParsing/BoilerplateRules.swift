/// Every signal used to tell site chrome from article prose, in one place.
///
/// The rules are general and data-driven: tables of call-to-action phrases,
/// navigation words and HTML class names, plus the scoring weights and
/// thresholds that combine them. Nothing here names a particular site or
/// article. ``BoilerplateClassifier`` applies them to text lines and
/// ``HTMLContentExtractor`` to elements.
enum BoilerplateRules {
    // MARK: Phrases

    /// Calls to action and widget labels (lowercase; matched as whole words, so
    /// "share" also matches "Share this"). A line holding one is a strong chrome candidate.
    static let callToActionPhrases: [String] = [
        // Subscriptions and newsletters.
        "sign up", "signing up", "subscribe", "subscribers", "subscription", "newsletter", "newsletters",
        "in your inbox", "to your inbox", "delivered to your inbox", "top stories", "daily briefing",
        "get our", "get the latest", "unsubscribe",
        // Comments and sharing.
        "leave a comment", "post a comment", "add a comment", "view comments", "show comments", "comments",
        "join the conversation", "share", "share this", "tweet", "follow us", "like us",
        "email this", "print this", "copy link", "whatsapp", "facebook", "twitter", "linkedin", "pinterest", "reddit",
        // Navigation and reading flow.
        "read more", "continue reading", "click here", "tap here", "see more", "load more", "show more", "view all",
        "see all", "next article", "previous article", "next story", "back to top", "skip to",
        "skip to content", "skip to main content", "related articles", "related stories", "related coverage",
        "recommended", "most read", "most popular", "most viewed", "trending", "you may also like", "more from",
        "more on this", "watch now", "listen now", "play video", "photo gallery",
        // Accounts, cookies, legal, ads.
        "log in", "login", "sign in", "register", "create an account", "my account", "cookie", "cookies",
        "accept all", "privacy policy", "terms of use", "terms of service", "all rights reserved", "copyright",
        "advertisement", "sponsored", "sponsored content", "partner content", "download the app", "get the app",
        "already a subscriber",
        // German, French, Spanish, Italian, Portuguese, Dutch.
        "anmelden", "abonnieren", "jetzt lesen", "lesen sie auch", "mehr zum thema", "weiterlesen", "teilen",
        "kommentare", "werbung", "datenschutz", "inscrivez-vous", "abonnez-vous", "lire aussi", "lire la suite",
        "partager", "publicité", "commentaires", "suscríbete", "suscribirse", "lea también", "leer más",
        "compartir", "publicidad", "comentarios", "iscriviti", "leggi anche", "condividi", "pubblicità",
        "assine", "leia também", "compartilhe", "lees ook", "delen", "abonneer",
    ]

    /// Headings of the sections that follow an article (comments, related and recommended
    /// stories), in the languages with a stopword profile: a plain-text dump's article ends at
    /// the first one after most of its prose. A word list because a dump has no markup to say
    /// where the article's element ends; each entry is a heading, not a topic word.
    static let sectionMarkers: [String] = [
        "comments", "comment", "related", "related stories", "related articles", "more stories", "more from",
        "recommended", "you may also like", "most read", "most popular", "read more", "leave a reply",
        "leave a comment", "kommentare", "kommentar", "weitere artikel", "mehr zum thema", "lesen sie auch",
        "ähnliche beiträge", "das könnte sie auch interessieren", "meistgelesen", "commentaires", "à lire aussi",
        "lire aussi", "articles similaires", "comentarios", "relacionados", "noticias relacionadas", "commenti",
        "articoli correlati", "leggi anche", "comentários", "reacties", "gerelateerd", "комментарии",
    ]

    /// Words typical of menus and section navigation.
    static let navigationWords: [String] = [
        "home", "menu", "search", "next", "previous", "prev", "view", "more", "top", "back", "skip", "main", "content",
        "news", "world", "politics", "business", "markets", "economy", "tech", "technology", "science", "health",
        "sports", "sport", "opinion", "culture", "arts", "entertainment", "lifestyle", "style", "travel", "food",
        "video", "videos", "photos", "podcasts", "live", "weather", "local", "national", "international", "us",
        "europe", "asia", "africa", "americas", "middle", "east", "u.s.", "uk", "climate", "education", "media",
        "books", "music", "film", "tv", "games", "puzzles", "crossword", "obituaries", "magazine", "newsletters",
        "subscribe", "login", "account", "sections", "about", "contact", "careers", "help", "archive", "latest",
        "section", "topics", "edition", "page", "score", "scores", "gallery", "close", "open", "toggle",
        "nachrichten", "politik", "wirtschaft", "kultur", "startseite", "actualités", "accueil", "économie",
        "noticias", "portada", "economía", "deportes", "cronaca", "esteri", "notícias", "nieuws", "binnenland",
    ]

    /// Markers of a cut-off text when they end it ("Continue reading", "[…]").
    static let truncationMarkers: [String] = [
        "continue reading", "read the full story", "read the full article", "read the rest", "read full story",
        "weiterlesen", "lire la suite", "seguir leyendo", "continua a leggere", "continue lendo", "lees verder",
    ]

    // MARK: Line scoring

    /// A line scoring at least this much is chrome.
    static let chromeThreshold = 3
    /// A line of this many words or more, dense in stopwords, is prose whatever else it holds.
    static let proseWordCount = 25
    /// Stopword share that makes a long line prose.
    static let proseStopwordShare = 0.25
    /// Below this stopword share a short line reads like a label or menu.
    static let lowStopwordShare = 0.15
    /// Lines of at most this many words count as short.
    static let shortLineWords = 6
    /// Lines of at most this many words can be chrome by context (next to chrome, repeated, ending in ":").
    static let labelLineWords = 12

    static let callToActionWeight = 3
    static let shortUnpunctuatedWeight = 1
    static let lowStopwordWeight = 1
    static let navigationWeight = 2
    /// Share of navigation words that makes a line navigation-like.
    static let navigationShare = 0.5
    static let selfRepeatWeight = 2
    static let duplicateWeight = 2
    static let colonLabelWeight = 1
    static let separatorWeight = 2
    static let terminalPunctuationWeight = -1
    static let speechWeight = -2
    static let quotationWeight = -2
    static let sentenceLikeWeight = -2

    /// Separators typical of menus and breadcrumbs: "Home | World | Europe", "Share • Tweet".
    static let separatorScalars: [UInt32] = [0x7C, 0x2022, 0xB7, 0x203A, 0xBB, 0x2192, 0x25B8]

    // MARK: HTML

    /// Elements whose whole subtree is never article text.
    static let droppedElements: Set<String> = [
        "script", "style", "noscript", "template", "svg", "canvas", "iframe", "object", "embed", "nav", "aside",
        "form", "button", "select", "option", "textarea", "input", "label", "dialog", "menu", "figure", "figcaption",
        "video", "audio", "picture", "map", "head",
    ]

    /// Elements dropped only outside the main content (an article's own header holds its headline).
    static let droppedOutsideArticle: Set<String> = ["header", "footer"]

    /// class/id words (split at "-", "_", spaces and camelCase) that always mark chrome.
    static let strongNegativeClassWords: Set<String> = [
        "nav", "navbar", "navigation", "menu", "breadcrumb", "breadcrumbs", "share", "sharing", "sharebar", "social",
        "related", "recirc", "recommended", "recommendations", "ad", "ads", "advert",
        "adverts", "advertisement", "advertising", "dfp", "promo", "promotion", "newsletter", "newsletters",
        "subscribe", "subscription", "signup", "paywall", "cookie", "cookies", "consent", "gdpr", "popup", "modal",
        "outbrain", "taboola", "sponsor", "sponsored", "trending", "mostread", "pagination", "pager", "login", "skip",
        // Reader ratings under a post ("Rate this article", "Was this article helpful?").
        "rating", "ratings", "vote", "votes",
    ]

    /// class/id words that mark chrome unless a positive word is present too.
    static let weakNegativeClassWords: Set<String> = [
        "banner", "sidebar", "footer", "masthead", "header", "overlay", "popular", "toolbar", "tags",
        "tagcloud", "hidden", "print", "bio", "teaser", "teasers", "more", "footnote", "meta", "utility", "tools",
    ]

    /// class/id words of a comment thread: removed in every pass, whatever the thread holds, since
    /// a long discussion can outweigh a short article.
    static let commentClassWords: Set<String> = ["comment", "comments", "disqus", "discussion", "replies"]

    /// class/id words that make a class name a modifier or layout utility ("header-style-2",
    /// "single-ad-margins", "nav-enabled"): such a name says how an element looks, not what it
    /// holds, so its other words are not read as chrome or article signals.
    static let modifierClassWords: Set<String> = [
        "style", "styles", "layout", "theme", "template", "margin", "margins", "padding", "spacing", "enabled",
        "disabled", "active", "inactive", "color", "colour", "align", "width", "size", "visible", "sticky", "fixed",
        "col", "row", "grid", "flex", "offset",
    ]

    /// First words of class names that describe the page or the post rather than the element
    /// (state prefixes "has-…", "is-…", "no-…", "non-…", script hooks "js-…", and the taxonomy
    /// classes CMSs put on every post: "category-…", "tag-…", "type-…", "status-…", "format-…").
    static let ignoredClassPrefixes: [String] = [
        "has", "is", "no", "non", "not", "js", "category", "tag", "type", "status", "format", "postid", "with",
        "without",
    ]

    /// class/id words that mark the article body; they outweigh weak negative words.
    static let positiveClassWords: Set<String> = [
        "article", "articlebody", "body", "content", "entry", "main", "post", "story", "storybody", "text", "prose",
    ]

    /// class/id words of a deck (subtitle) element, with the names CMSs in the languages with a
    /// stopword profile give a lead paragraph ("intro", "lead", French "chapo"/"chapeau", Spanish
    /// "bajada", Italian "sommario", German "einleitung"). A deck flag only counts on an element
    /// holding one small block, so "lead-image" or a long "intro" section is not a deck.
    static let deckClassWords: Set<String> = [
        "dek", "deck", "subtitle", "subheadline", "subhead", "standfirst", "summary", "strapline", "intro", "lead",
        "chapo", "chapeau", "bajada", "sommario", "einleitung",
    ]

    /// class/id/rel/itemprop words of a byline element.
    static let bylineClassWords: Set<String> = ["byline", "author", "authors", "contributor", "writer", "creditline"]

    /// class/id words that, in one name with a byline word ("author-box", "entry-author__description",
    /// "authorInfo"; "bio" does the same), make it the author's box: a
    /// portrait and a biography after the article, chrome rather than a byline (too long for one)
    /// or body text.
    static let authorBoxClassWords: Set<String> = [
        "box", "biography", "description", "desc", "info", "about", "details", "profile", "card",
    ]

    /// Block texts with more than this share of link text are navigation.
    static let maximumLinkShare = 0.5
}
