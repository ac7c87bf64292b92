internal import NewsModels
public import Foundation
internal import PostgresNIO
internal import NIOCore
internal import Logging
internal import SwiftProtobuf

extension PostgresArticleStore {
    /// Stores a batch in one transaction, in a few statements whatever its size
    /// (each takes its rows as arrays, through `unnest`):
    ///
    /// 1. the articles, `ON CONFLICT (id) DO NOTHING`, returning the ids that
    ///    were new with their numbers; an id another consumer is storing at
    ///    this moment waits for that transaction, then counts as a duplicate.
    ///    Rows go in sorted by id, so two consumers with overlapping batches
    ///    take their row locks in one order and never deadlock;
    /// 2. their topics, and the removal of their dead letters;
    /// 3. last, so it is held briefly: `stream_head` and `topic_heads` move on
    ///    by the number of new stream rows (the row lock on `stream_head` makes
    ///    every other batch wait for this commit), then the stream rows and a
    ///    `NOTIFY`.
    ///
    /// Stream sequence numbers follow the order of `articles`, as in SQLite.
    public func store(_ articles: [ClassifiedArticle], consumerID: String, at date: Date) async throws -> [StoreResult] {
        guard !articles.isEmpty else { return [] }
        let time = StoredTime(date)
        let batch = ArticleBatch(articles, storedAt: time)
        let ownID = self.ownID
        return try await perform("store \(articles.count) articles") { [self, logger] in
            try await inTransaction { connection in
                let numbers = try await batch.insertArticles(connection, logger: logger)
                var plan = StreamPlan(articles, numbers: numbers)
                try await plan.insertTopics(articles, connection, logger: logger)
                try await plan.insertStream(connection, logger: logger, classifiedAt: time, consumerID: ownID)
                return plan.results(articles, classifiedAt: time.timestamp, consumerID: ownID)
            }
        }
    }

    /// Sets an event aside in `dead_letters`; again for the same article updates
    /// the reason, the attempt count and the time of the last failure.
    public func deadLetter(_ article: ClassifiedArticle, reason: String, attempts: Int, at date: Date) async throws {
        let event = article.event
        let milliseconds = StoredTime(date).milliseconds
        let bytes = ByteBuffer(bytes: article.eventBytes)
        try await perform("dead-letter \(event.articleID)") { [client, logger] in
            try await client.query("""
                INSERT INTO dead_letters (article_id, source, title, reason, attempts, first_failed_at, last_failed_at, event)
                VALUES (\(event.articleID), \(event.source), \(event.article.title), \(reason), \(attempts),
                    'epoch'::timestamptz + \(milliseconds) * interval '1 millisecond',
                    'epoch'::timestamptz + \(milliseconds) * interval '1 millisecond', \(bytes))
                ON CONFLICT (article_id) DO UPDATE SET
                    reason = excluded.reason, attempts = excluded.attempts, last_failed_at = excluded.last_failed_at
                """, logger: logger)
        }
    }
}

/// A batch's article rows as column arrays, sorted by id, for one `INSERT … SELECT FROM unnest`.
private struct ArticleBatch: Sendable {
    /// Stands for NULL in the nullable time columns (arrays of optionals do not bind).
    static let noTime = Int64.min
    var ids: [String] = [], sources: [String] = [], urls: [String] = [], titles: [String] = []
    /// Empty for NULL, as SQLite stores an empty subtitle, dateline or byline.
    var subtitles: [String] = [], datelines: [String] = [], bylines: [String] = []
    var publishedAt: [Int64] = [], fetchedAt: [Int64] = [], acceptedAt: [Int64] = []
    var languages: [String] = [], wordCounts: [Int64] = [], truncated: [Bool] = [], contentHashes: [String] = []
    var people: [String] = [], organizations: [String] = [], places: [String] = [], metadata: [String] = []
    var parserVersions: [String] = [], deliveryAttempts: [Int64] = []
    /// Empty for NULL (classified).
    var classificationStatuses: [String] = []
    var events: [ByteBuffer] = []
    let storedAt: Int64

    init(_ articles: [ClassifiedArticle], storedAt: StoredTime) {
        self.storedAt = storedAt.milliseconds
        // The first of two equal ids in one batch is the one stored (as in SQLite), so only it is sent.
        var seen = Set<String>()
        let firsts = articles.filter { seen.insert($0.event.articleID).inserted }
        for item in firsts.sorted(by: { $0.event.articleID < $1.event.articleID }) {
            let event = item.event
            let article = event.article
            ids.append(event.articleID)
            sources.append(event.source)
            urls.append(event.url)
            titles.append(article.title)
            subtitles.append(article.subtitle)
            datelines.append(article.dateline)
            bylines.append(article.byline)
            publishedAt.append(article.hasPublishedAt ? StoredTime(article.publishedAt).milliseconds : Self.noTime)
            fetchedAt.append(event.hasFetchedAt ? StoredTime(event.fetchedAt).milliseconds : Self.noTime)
            acceptedAt.append(event.hasAcceptedAt ? StoredTime(event.acceptedAt).milliseconds : Self.noTime)
            languages.append(article.language)
            wordCounts.append(Int64(article.wordCount))
            truncated.append(article.truncated)
            contentHashes.append(article.contentHash)
            people.append(JSONText(strings: article.people).text)
            organizations.append(JSONText(strings: article.organizations).text)
            places.append(JSONText(strings: article.places).text)
            metadata.append(JSONText(object: event.metadata).text)
            parserVersions.append(event.parserVersion)
            deliveryAttempts.append(Int64(max(event.deliveryAttempt, 1)))
            classificationStatuses.append(item.classificationStatus ?? "")
            events.append(ByteBuffer(bytes: item.eventBytes))
        }
    }

    /// Inserts the rows; returns the number of each article that was new, by id.
    func insertArticles(_ connection: PostgresConnection, logger: Logger) async throws -> [String: Int64] {
        let rows = try await connection.query("""
            INSERT INTO articles (id, source, url, title, subtitle, dateline, byline, published_at, fetched_at, accepted_at,
                stored_at, language, word_count, truncated, content_hash, people, organizations, places, metadata,
                parser_version, delivery_attempts, classification_status, event)
            SELECT a.id, a.source, a.url, a.title, NULLIF(a.subtitle, ''), NULLIF(a.dateline, ''), NULLIF(a.byline, ''),
                'epoch'::timestamptz + NULLIF(a.published_at, \(Self.noTime)) * interval '1 millisecond',
                'epoch'::timestamptz + NULLIF(a.fetched_at, \(Self.noTime)) * interval '1 millisecond',
                'epoch'::timestamptz + NULLIF(a.accepted_at, \(Self.noTime)) * interval '1 millisecond',
                'epoch'::timestamptz + \(storedAt) * interval '1 millisecond',
                a.language, a.word_count, a.truncated, a.content_hash,
                a.people::jsonb, a.organizations::jsonb, a.places::jsonb, a.metadata::jsonb,
                a.parser_version, a.delivery_attempts, NULLIF(a.classification_status, ''), a.event
            FROM unnest(\(ids)::text[], \(sources)::text[], \(urls)::text[], \(titles)::text[],
                \(subtitles)::text[], \(datelines)::text[], \(bylines)::text[],
                \(publishedAt)::bigint[], \(fetchedAt)::bigint[], \(acceptedAt)::bigint[],
                \(languages)::text[], \(wordCounts)::bigint[], \(truncated)::boolean[], \(contentHashes)::text[],
                \(people)::text[], \(organizations)::text[], \(places)::text[], \(metadata)::text[],
                \(parserVersions)::text[], \(deliveryAttempts)::bigint[], \(classificationStatuses)::text[], \(events)::bytea[])
                WITH ORDINALITY AS a(id, source, url, title, subtitle, dateline, byline, published_at, fetched_at, accepted_at,
                    language, word_count, truncated, content_hash, people, organizations, places, metadata,
                    parser_version, delivery_attempts, classification_status, event, position)
            ORDER BY a.position
            ON CONFLICT (id) DO NOTHING
            RETURNING id, number
            """, logger: logger)
        var numbers: [String: Int64] = [:]
        for try await (id, number) in rows.decode((String, Int64).self) {
            numbers[id] = number
        }
        return numbers
    }
}

/// Which articles of a batch were new, and the stream rows they make.
private struct StreamPlan: Sendable {
    /// Per article of the batch, in order: its number when stored now, nil for a duplicate.
    var stored: [Int64?]
    /// Per stream row, in sequence order: the article's index in the batch and the topic.
    var rows: [(article: Int, topic: String)] = []
    var firstSequence: Int64 = 0
    var topicSequences: [Int64] = []

    init(_ articles: [ClassifiedArticle], numbers: [String: Int64]) {
        var claimed = Set<String>()
        stored = articles.map { item in
            // The first of two equal ids in one batch is the one stored.
            guard let number = numbers[item.event.articleID], claimed.insert(item.event.articleID).inserted else { return nil }
            return number
        }
        for (index, item) in articles.enumerated() where stored[index] != nil {
            for classification in item.classifications { rows.append((index, classification.topicID)) }
        }
    }

    func insertTopics(_ articles: [ClassifiedArticle], _ connection: PostgresConnection, logger: Logger) async throws {
        var numbers: [Int64] = [], topics: [String] = [], labels: [String] = [], scores: [Double] = [], thresholds: [Double] = []
        var evidence: [String] = [], classifierVersions: [String] = [], taxonomyVersions: [String] = [], totals: [Int64] = []
        var ids: [String] = []
        for (index, item) in articles.enumerated() {
            guard let number = stored[index] else { continue }
            ids.append(item.event.articleID)
            for (position, classification) in item.classifications.enumerated() {
                let total = position < item.evidenceTotals.count ? item.evidenceTotals[position] : classification.evidence.count
                numbers.append(number)
                topics.append(classification.topicID)
                labels.append(classification.label)
                scores.append(classification.score)
                thresholds.append(classification.threshold)
                evidence.append(JSONText(evidence: ArticleStore.strongest(classification.evidence)).text)
                classifierVersions.append(classification.classifierVersion)
                taxonomyVersions.append(classification.taxonomyVersion)
                totals.append(Int64(max(total, classification.evidence.count)))
            }
        }
        guard !ids.isEmpty else { return }
        if !numbers.isEmpty {
            try await connection.query("""
                INSERT INTO article_topics (article_number, topic_id, label, score, threshold, evidence, classifier_version,
                    taxonomy_version, evidence_total)
                SELECT t.number, t.topic_id, t.label, t.score, t.threshold, t.evidence::jsonb, t.classifier_version,
                    t.taxonomy_version, t.evidence_total
                FROM unnest(\(numbers)::bigint[], \(topics)::text[], \(labels)::text[], \(scores)::float8[], \(thresholds)::float8[],
                    \(evidence)::text[], \(classifierVersions)::text[], \(taxonomyVersions)::text[], \(totals)::bigint[])
                    AS t(number, topic_id, label, score, threshold, evidence, classifier_version, taxonomy_version, evidence_total)
                """, logger: logger)
        }
        // A requeued dead letter that stores now is no longer dead.
        try await connection.query("DELETE FROM dead_letters WHERE article_id = ANY(\(ids)::text[])", logger: logger)
    }

    /// Takes the sequence numbers (and with them the lock that orders commits),
    /// writes the stream rows and notifies the listeners.
    mutating func insertStream(_ connection: PostgresConnection, logger: Logger, classifiedAt: StoredTime, consumerID: String) async throws {
        guard !rows.isEmpty else { return }
        var last: Int64 = 0
        for try await (head) in try await connection.query(
            "UPDATE stream_head SET sequence = sequence + \(Int64(rows.count)) RETURNING sequence", logger: logger
        ).decode(Int64.self) {
            last = head
        }
        firstSequence = last - Int64(rows.count) + 1
        var perTopic: [String: Int64] = [:]
        for row in rows { perTopic[row.topic, default: 0] += 1 }
        let topicIDs = perTopic.keys.sorted()
        var topicHeads: [String: Int64] = [:]
        for try await (topic, head) in try await connection.query("""
            INSERT INTO topic_heads (topic_id, sequence)
            SELECT * FROM unnest(\(topicIDs)::text[], \(topicIDs.map { perTopic[$0]! })::bigint[])
            ON CONFLICT (topic_id) DO UPDATE SET sequence = topic_heads.sequence + excluded.sequence
            RETURNING topic_id, sequence
            """, logger: logger).decode((String, Int64).self) {
            topicHeads[topic] = head
        }
        // Each topic's numbers run on from the head before this batch, in row order.
        var next = topicHeads.mapValues { _ in Int64(0) }
        for (topic, head) in topicHeads { next[topic] = head - perTopic[topic]! + 1 }
        topicSequences = rows.map { row in
            let value = next[row.topic]!
            next[row.topic] = value + 1
            return value
        }
        let sequences = (0..<Int64(rows.count)).map { firstSequence + $0 }
        let numbers = rows.map { stored[$0.article]! }
        try await connection.query("""
            WITH rows AS (
                INSERT INTO stream (sequence, topic_id, topic_sequence, article_number, classified_at, consumer_id)
                SELECT s.sequence, s.topic_id, s.topic_sequence, s.number,
                    'epoch'::timestamptz + \(classifiedAt.milliseconds) * interval '1 millisecond', \(consumerID)
                FROM unnest(\(sequences)::bigint[], \(rows.map(\.topic))::text[], \(topicSequences)::bigint[], \(numbers)::bigint[])
                    AS s(sequence, topic_id, topic_sequence, number)
                RETURNING 1)
            SELECT pg_notify(\(PostgresArticleStore.streamChannel), \(String(last)))
            """, logger: logger)
    }

    /// One result per article: the topic messages of the new ones, as published.
    func results(_ articles: [ClassifiedArticle], classifiedAt: Google_Protobuf_Timestamp, consumerID: String) -> [StoreResult] {
        var messagesByArticle: [Int: [TopicMessage]] = [:]
        for (offset, row) in rows.enumerated() {
            let item = articles[row.article]
            guard let classification = item.classifications.first(where: { $0.topicID == row.topic }) else { continue }
            var message = TopicMessage()
            message.sequence = UInt64(firstSequence + Int64(offset))
            message.topicSequence = UInt64(topicSequences[offset])
            message.topicID = row.topic
            message.classification = classification
            message.article = item.event
            message.classifiedAt = classifiedAt
            message.consumerID = consumerID
            messagesByArticle[row.article, default: []].append(message)
        }
        return articles.indices.map { index in
            stored[index] == nil ? .duplicate : .stored(messagesByArticle[index] ?? [])
        }
    }
}
