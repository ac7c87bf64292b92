public import NewsModels
internal import GRDB
public import Foundation
internal import SwiftProtobuf

/// What storing an article did.
public enum StoreResult: Sendable, Equatable {
    /// Stored now; these topic messages (with their sequence numbers) are to be published.
    case stored([TopicMessage])
    /// The article id was stored before: a redelivery. Nothing was written.
    case duplicate
}

/// An article to store: the event, its serialized form (kept for replay) and its topics.
public struct ClassifiedArticle: Sendable {
    public let event: ArticleEvent
    /// The event as protobuf bytes, stored as received so replay sends the same article.
    public let eventBytes: [UInt8]
    public let classifications: [Classification]
    /// nil when classified; otherwise why not (`unclassified: language xx`),
    /// stored in `articles.classification_status`.
    public let classificationStatus: String?
    /// Per classification, how many evidence items the classifier found
    /// (`evidence` keeps at most ``ArticleStore/maximumEvidence``).
    public let evidenceTotals: [Int]
    /// The column values that take work to make, made here (on the caller's
    /// thread, in parallel with the previous batch's commit) so the database's
    /// one writer thread only binds them.
    let columns: StoredColumns

    public init(
        event: ArticleEvent, eventBytes: [UInt8]? = nil, classifications: [Classification],
        classificationStatus: String? = nil, evidenceTotals: [Int]? = nil
    ) throws {
        var event = event
        var eventBytes = eventBytes
        if event.deliveryAttempt == 0 {
            // A sender that left it out (an older producer, a hand-written client)
            // delivered it once: topic messages say so, live and replayed alike.
            event.deliveryAttempt = 1
            eventBytes = nil
        }
        self.event = event
        self.eventBytes = try eventBytes ?? event.serializedBytes()
        self.classifications = classifications
        self.classificationStatus = classificationStatus
        self.evidenceTotals = evidenceTotals ?? classifications.map(\.evidence.count)
        self.columns = StoredColumns(event: event, eventBytes: self.eventBytes, classifications: classifications)
    }
}

/// An article's JSON columns, dates, event blob and search body, as bound to
/// the insert statements.
struct StoredColumns: Sendable {
    var publishedAt: DatabaseValue
    var fetchedAt: DatabaseValue
    var acceptedAt: DatabaseValue
    var people: DatabaseValue
    var organizations: DatabaseValue
    var places: DatabaseValue
    var metadata: DatabaseValue
    var event: DatabaseValue
    /// What `articles_fts` indexes as the body (``ArticleStore/searchBody(_:)``).
    var searchBody: DatabaseValue
    /// One per classification, in order.
    var evidence: [DatabaseValue]

    init(event: ArticleEvent, eventBytes: [UInt8], classifications: [Classification]) {
        let article = event.article
        publishedAt = article.hasPublishedAt ? article.publishedAt.date.databaseValue : .null
        fetchedAt = event.hasFetchedAt ? event.fetchedAt.date.databaseValue : .null
        acceptedAt = event.hasAcceptedAt ? event.acceptedAt.date.databaseValue : .null
        people = JSONText(strings: article.people).databaseValue
        organizations = JSONText(strings: article.organizations).databaseValue
        places = JSONText(strings: article.places).databaseValue
        metadata = JSONText(object: event.metadata).databaseValue
        self.event = Data(eventBytes).databaseValue
        searchBody = ArticleStore.searchBody(article.paragraphs).databaseValue
        evidence = classifications.map { JSONText(evidence: ArticleStore.strongest($0.evidence)).databaseValue }
    }
}

extension ArticleStore {
    /// Evidence items stored per topic: the strongest by absolute weight, so
    /// one huge article cannot fill the database (the classifier caps too).
    public static let maximumEvidence = 20

    /// At most ``maximumEvidence`` items, the strongest kept, in their original order.
    static func strongest(_ evidence: [EvidenceMessage]) -> [EvidenceMessage] {
        guard evidence.count > maximumEvidence else { return evidence }
        let kept = evidence.indices
            .sorted { abs(evidence[$0].weight) != abs(evidence[$1].weight) ? abs(evidence[$0].weight) > abs(evidence[$1].weight) : $0 < $1 }
            .prefix(maximumEvidence).sorted()
        return kept.map { evidence[$0] }
    }

    /// Stores an article, its topics and its stream rows in one transaction.
    /// A known article id writes nothing and returns ``StoreResult/duplicate``.
    public func store(_ event: ArticleEvent, classifications: [Classification], consumerID: String, at date: Date = Date()) async throws -> StoreResult {
        try await store([ClassifiedArticle(event: event, classifications: classifications)], consumerID: consumerID, at: date)[0]
    }

    /// Stores articles with their topics and stream rows, all in one transaction:
    /// one commit for the lot is what makes the consumer fast. Returns one result
    /// per article, in order. An id stored before, or earlier in `articles`, is a
    /// duplicate and writes nothing. Stream sequence numbers follow the order of
    /// `articles`.
    public func store(_ articles: [ClassifiedArticle], consumerID: String, at date: Date = Date()) async throws -> [StoreResult] {
        guard !articles.isEmpty else { return [] }
        return try await writer.write { db in
            var writer = try StreamWriter(db, date: date, consumerID: consumerID)
            return try articles.map { try writer.store($0) }
        }
    }
}

/// Writes articles inside one transaction, with prepared statements and the
/// stream's sequence numbers kept in memory for the length of it.
///
/// Per article: one insert into `articles` (the insert itself finds a
/// redelivery, by the unique `id`), one into the search index, and per topic
/// one into `article_topics` and one into `stream`, all keyed by the article's
/// number, so only the `id` index takes an insert at a random place.
private struct StreamWriter {
    let db: Database
    /// `date` as stored (``StoredTime``, to the millisecond), formatted once per transaction rather than once per row.
    let dateValue: DatabaseValue
    let classifiedAt: Google_Protobuf_Timestamp
    let consumerID: String
    let insertArticle: Statement
    let insertSearchText: Statement
    let insertTopic: Statement
    let insertStream: Statement
    let lastTopicSequence: Statement
    /// nil when there are no dead letters (nearly always): nothing to look up per article.
    let removeDeadLetter: Statement?
    var sequence: Int64
    var topicSequences: [String: Int64] = [:]

    init(_ db: Database, date: Date, consumerID: String) throws {
        self.db = db
        // Whole milliseconds, the store's precision: the live topic messages carry
        // exactly the classified_at that replay reads back.
        let time = StoredTime(date)
        self.dateValue = time.text.databaseValue
        self.classifiedAt = time.timestamp
        self.consumerID = consumerID
        insertArticle = try db.cachedStatement(sql: """
            INSERT INTO articles (id, source, url, title, subtitle, dateline, byline, published_at, fetched_at,
                accepted_at, stored_at, language, word_count, truncated, content_hash,
                people, organizations, places, metadata, parser_version, delivery_attempts, event, classification_status)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (id) DO NOTHING
            """)
        insertSearchText = try db.cachedStatement(sql: "INSERT INTO articles_fts (rowid, title, body) VALUES (?, ?, ?)")
        insertTopic = try db.cachedStatement(sql: """
            INSERT INTO article_topics (article_number, topic_id, label, score, threshold, evidence, classifier_version,
                taxonomy_version, evidence_total)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        insertStream = try db.cachedStatement(
            sql: "INSERT INTO stream (sequence, topic_id, topic_sequence, article_number, classified_at) VALUES (?, ?, ?, ?, ?)")
        lastTopicSequence = try db.cachedStatement(sql: "SELECT MAX(topic_sequence) FROM stream WHERE topic_id = ?")
        let anyDeadLetters = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM dead_letters)") ?? true
        removeDeadLetter = anyDeadLetters ? try db.cachedStatement(sql: "DELETE FROM dead_letters WHERE article_id = ?") : nil
        sequence = try Int64.fetchOne(db, sql: "SELECT MAX(sequence) FROM stream") ?? 0
    }

    mutating func store(_ item: ClassifiedArticle) throws -> StoreResult {
        let event = item.event
        let article = event.article
        let columns = item.columns
        try insertArticle.execute(arguments: [
            event.articleID, event.source, event.url, article.title,
            article.subtitle.nilIfEmpty, article.dateline.nilIfEmpty, article.byline.nilIfEmpty,
            columns.publishedAt, columns.fetchedAt, columns.acceptedAt,
            dateValue, article.language, Int(article.wordCount), article.truncated, article.contentHash,
            columns.people, columns.organizations, columns.places,
            columns.metadata, event.parserVersion, Int(max(event.deliveryAttempt, 1)), columns.event,
            item.classificationStatus,
        ])
        // Nothing inserted: the id was stored before (or earlier in this batch).
        guard db.changesCount > 0 else { return .duplicate }
        let number = db.lastInsertedRowID
        try insertSearchText.execute(arguments: [number, article.title, columns.searchBody])
        // A requeued dead letter that stores now is no longer dead.
        try removeDeadLetter?.execute(arguments: [event.articleID])
        var messages: [TopicMessage] = []
        messages.reserveCapacity(item.classifications.count)
        for (index, (classification, evidence)) in zip(item.classifications, columns.evidence).enumerated() {
            let total = index < item.evidenceTotals.count ? item.evidenceTotals[index] : classification.evidence.count
            try insertTopic.execute(arguments: [
                number, classification.topicID, classification.label, classification.score,
                classification.threshold, evidence,
                classification.classifierVersion, classification.taxonomyVersion, max(total, classification.evidence.count),
            ])
            let topicSequence = try nextTopicSequence(classification.topicID)
            sequence += 1
            try insertStream.execute(arguments: [sequence, classification.topicID, topicSequence, number, dateValue])
            var message = TopicMessage()
            message.sequence = UInt64(sequence)
            message.topicSequence = UInt64(topicSequence)
            message.topicID = classification.topicID
            message.classification = classification
            message.article = event
            message.classifiedAt = classifiedAt
            message.consumerID = consumerID
            messages.append(message)
        }
        return .stored(messages)
    }

    private mutating func nextTopicSequence(_ topicID: String) throws -> Int64 {
        let last: Int64
        if let known = topicSequences[topicID] {
            last = known
        } else {
            last = try Int64.fetchOne(lastTopicSequence, arguments: [topicID]) ?? 0
        }
        topicSequences[topicID] = last + 1
        return last + 1
    }
}

/// Evidence as stored in `article_topics.evidence` (JSON).
struct EvidenceRecord: Codable, Sendable {
    var phrase: String
    var matched: String
    var paragraph: Int
    var start: Int
    var end: Int
    var weight: Double

    init(_ evidence: EvidenceMessage) {
        phrase = evidence.phrase
        matched = evidence.matched
        paragraph = Int(evidence.paragraph)
        start = Int(evidence.start)
        end = Int(evidence.end)
        weight = evidence.weight
    }

    var message: EvidenceMessage {
        var evidence = EvidenceMessage()
        evidence.phrase = phrase
        evidence.matched = matched
        evidence.paragraph = Int32(paragraph)
        evidence.start = UInt32(start)
        evidence.end = UInt32(end)
        evidence.weight = weight
        return evidence
    }
}

/// A JSON column value, written by hand for the few shapes the store uses:
/// JSONEncoder costs more than the rest of an article's insert.
struct JSONText: DatabaseValueConvertible {
    let text: String

    init(strings: [String]) {
        var text = "["
        for (index, string) in strings.enumerated() {
            if index > 0 { text += "," }
            Self.appendQuoted(string, to: &text)
        }
        text += "]"
        self.text = text
    }

    /// An object with sorted keys.
    init(object: [String: String]) {
        var text = "{"
        for (index, key) in object.keys.sorted().enumerated() {
            if index > 0 { text += "," }
            Self.appendQuoted(key, to: &text)
            text += ":"
            Self.appendQuoted(object[key]!, to: &text)
        }
        text += "}"
        self.text = text
    }

    /// Evidence in the shape ``EvidenceRecord`` decodes.
    init(evidence: [EvidenceMessage]) {
        var text = "["
        for (index, item) in evidence.enumerated() {
            if index > 0 { text += "," }
            text += "{\"end\":\(item.end),\"matched\":"
            Self.appendQuoted(item.matched, to: &text)
            text += ",\"paragraph\":\(item.paragraph),\"phrase\":"
            Self.appendQuoted(item.phrase, to: &text)
            text += ",\"start\":\(item.start),\"weight\":\(item.weight.isFinite ? "\(item.weight)" : "0")}"
        }
        text += "]"
        self.text = text
    }

    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte == 0x22 || byte == 0x5C || byte < 0x20
    }

    /// Appends `string` as a JSON string literal (RFC 8259 escapes).
    static func appendQuoted(_ string: String, to text: inout String) {
        text += "\""
        var string = string
        let needsEscaping = string.withUTF8 { bytes in bytes.contains(where: Self.needsEscape) }
        guard needsEscaping else {
            text += string
            text += "\""
            return
        }
        var plainStart = string.utf8.startIndex
        for index in string.utf8.indices {
            let byte = string.utf8[index]
            guard needsEscape(byte) else { continue }
            text += String(string[plainStart..<index])
            switch byte {
            case 0x22: text += "\\\""
            case 0x5C: text += "\\\\"
            case 0x0A: text += "\\n"
            case 0x0D: text += "\\r"
            case 0x09: text += "\\t"
            default:
                let hex = String(byte, radix: 16)
                text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            }
            plainStart = string.utf8.index(after: index)
        }
        text += String(string[plainStart...])
        text += "\""
    }

    var databaseValue: DatabaseValue { text.databaseValue }
    static func fromDatabaseValue(_ dbValue: DatabaseValue) -> JSONText? { nil }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
