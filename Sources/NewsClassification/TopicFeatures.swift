import Foundation

/// The features a topic's fitted decision (``TopicModel``) reads, computed
/// from one scan of the article.
///
/// Counts are taken undamped and enter as `log(1 + count)`, so a topic that
/// is an article's whole subject scores well above one passing mention while
/// a flood of repeats cannot run away. The features, by name:
///
/// - `subject`: subject mentions (Syria, Snowden, …) anywhere in the article;
/// - `subject-lead`: 1 when the subject is in the title or first paragraph;
/// - `subject-spread`: the share of title and paragraphs that mention it;
/// - `action`: action terms (talks, extradition, …) anywhere;
/// - `action-near`: action terms within ``nearWords`` words of a subject
///   mention in the same paragraph (about a sentence);
/// - `action-paragraph`: paragraphs (or the title) with both subject and action;
/// - `action-article`: 1 when the article has both;
/// - `action-near-lead`: 1 when an action term is near a subject mention in
///   the title or first paragraph (the lead says what the article is about);
/// - `rules-lead`: positive phrase and condition hits in the title or first paragraph;
/// - `rules-subject`, `rules-elsewhere`: positive phrase and condition hits
///   in paragraphs (or the title) that mention the subject, and in those that
///   do not (a rule firing far from its subject is weaker evidence: an arms
///   sale to another country in an article that names Syria once);
/// - `penalties-lead`: negative rule hits in the title or first paragraph
///   (the penalised event is what the article is about, not background);
/// - `phrase:TEXT`, `condition:N` (N from 1, in file order), `term:TEXT`:
///   each phrase's hits, each proximity condition's firings, each selected
///   word or word pair's occurrences.
///
/// The first eight are language-neutral (subject and action terms are given
/// per language); the cross-lingual model uses only those.
public enum TopicFeatures {
    public static let neutralNames = [
        "subject", "subject-lead", "subject-spread", "action", "action-near", "action-paragraph", "action-article",
        "action-near-lead",
    ]
    public static let rulesLead = "rules-lead"
    /// Hand weights of the positive rules times their hits, summed undamped.
    public static let rules = "rules"
    /// The same for the negative rules (penalties), as a positive number.
    public static let penalties = "penalties"
    /// 1 when the penalised events outweigh the topic's own rules: the
    /// penalty is the article's subject, not background.
    public static let penaltyDominant = "penalty-dominant"
    public static let rulesSubject = "rules-subject"
    public static let rulesElsewhere = "rules-elsewhere"
    public static let penaltiesLead = "penalties-lead"
    public static let phrasePrefix = "phrase:"
    public static let conditionPrefix = "condition:"
    public static let termPrefix = "term:"
    /// How far (in words) an action term may be from a subject mention to count as `action-near`.
    public static let nearWords = 20

    static let subjectIndex = 0, subjectLeadIndex = 1, subjectSpreadIndex = 2, actionIndex = 3
    static let actionNearIndex = 4, actionParagraphIndex = 5, actionArticleIndex = 6, actionNearLeadIndex = 7
    static let rulesLeadIndex = 8, rulesIndex = 9, penaltiesIndex = 10, penaltyDominantIndex = 11
    static let rulesSubjectIndex = 12, rulesElsewhereIndex = 13, penaltiesLeadIndex = 14
    static let fixedCount = 15
    static let fixedNames = neutralNames + [rulesLead, rules, penalties, penaltyDominant, rulesSubject, rulesElsewhere, penaltiesLead]

    /// Whether `name` is a feature name a model may weigh.
    public static func isKnownName(_ name: String) -> Bool {
        fixedNames.contains(name)
            || [phrasePrefix, conditionPrefix, termPrefix].contains { name.hasPrefix($0) && name.count > $0.count }
    }

    /// Whether `name` is one of the language-neutral features.
    public static func isNeutral(_ name: String) -> Bool { neutralNames.contains(name) }

    /// One piece of evidence for a modelled topic before strings are built:
    /// the feature it fed and where it was found.
    struct Item {
        var feature: Int32
        var segment: Int32
        var start: Int
        var end: Int
        /// The phrase or condition index (with `label`), or the pattern for subject/action/term hits.
        var source: Int32
        /// Condition label index; -1 phrase; -2 subject, -3 action, -4 selected term (pattern text).
        var label: Int32
    }
}

extension CompiledTaxonomy {
    /// The index into `languages` of `language`, -2 when the taxonomy has no terms for it.
    /// An article whose language was not detected uses the terms of the
    /// taxonomy's first language.
    func languageIndex(_ language: String) -> Int32 {
        let effective = language == "und" || language.isEmpty ? coveredLanguages.first ?? language : language
        return languages.firstIndex(of: effective).map(Int32.init) ?? -2
    }

    /// Raw counts turned into each topic's feature vector, plus the evidence
    /// items (only for topics in `wanted`).
    /// Only topics with a hit get a slot, so the work per article follows
    /// the hits, not the number of topics (a topic without hits has all
    /// features 0). `topics[k]` is the topic of slot `k`, in first-hit order.
    func features(
        hits: [PatternHit], contributions: [TopicClassifier.Contribution], language: Int32, segmentCount: Int,
        wanted: [Bool]
    ) -> (topics: [Int], values: [[Double]], items: [[TopicFeatures.Item]]) {
        var slotOf: [Int: Int] = [:]
        var topicOfSlot: [Int] = []
        var counts: [[Double]] = []
        var items: [[TopicFeatures.Item]] = []
        var subjects: [[(segment: Int32, word: Int32)]] = []
        var actions: [[(segment: Int32, word: Int32)]] = []
        /// Segments of positive rule hits, per slot (checked against subject mentions once those are known).
        var ruleSegments: [[Int32]] = []
        func slot(_ topic: Int) -> Int {
            if let existing = slotOf[topic] { return existing }
            let new = topicOfSlot.count
            slotOf[topic] = new
            topicOfSlot.append(topic)
            counts.append([Double](repeating: 0, count: layouts[topic].featureNames.count))
            items.append([])
            subjects.append([])
            actions.append([])
            ruleSegments.append([])
            return new
        }

        // Penalty phrase matches, sorted by (topic, segment, start): a positive
        // rule matched across one is part of the penalised event's name
        // ("weapons" in "Syria's chemical weapons") and is not counted.
        var penalised: [(topic: Int32, segment: Int32, start: Int, end: Int)] = []
        var longestPenalty = 0
        for contribution in contributions where contribution.label < 0 && phraseWeight[Int(contribution.source)] < 0 {
            penalised.append((contribution.topic, contribution.segment, contribution.start, contribution.end))
            longestPenalty = max(longestPenalty, contribution.end - contribution.start)
        }
        if penalised.count > 1 { penalised.sort { ($0.topic, $0.segment, $0.start) < ($1.topic, $1.segment, $1.start) } }
        func overlapsPenalty(_ c: TopicClassifier.Contribution) -> Bool {
            guard !penalised.isEmpty else { return false }
            let lowest = (c.topic, c.segment, c.start - longestPenalty)
            var low = 0, high = penalised.count
            while low < high {
                let mid = (low + high) / 2
                if (penalised[mid].topic, penalised[mid].segment, penalised[mid].start) < lowest { low = mid + 1 } else { high = mid }
            }
            while low < penalised.count, penalised[low].topic == c.topic, penalised[low].segment == c.segment,
                  penalised[low].start < c.end {
                if penalised[low].end > c.start { return true }
                low += 1
            }
            return false
        }

        for contribution in contributions {
            let topic = Int(contribution.topic)
            guard wanted[topic] else { continue }
            let layout = layouts[topic]
            let feature: Int
            let handWeight: Double
            if contribution.label < 0 {
                feature = TopicFeatures.fixedCount + Int(contribution.source) - layout.phraseStart
                handWeight = phraseWeight[Int(contribution.source)]
            } else {
                feature = TopicFeatures.fixedCount + layout.phraseCount + Int(contribution.source) - layout.conditionStart
                handWeight = conditionWeight[Int(contribution.source)]
            }
            if handWeight > 0, overlapsPenalty(contribution) { continue }
            let k = slot(topic)
            counts[k][feature] += 1
            if handWeight > 0 {
                counts[k][TopicFeatures.rulesIndex] += handWeight
                if contribution.segment <= 0 { counts[k][TopicFeatures.rulesLeadIndex] += 1 }
                ruleSegments[k].append(contribution.segment)
            } else {
                counts[k][TopicFeatures.penaltiesIndex] -= handWeight
                if contribution.segment <= 0 { counts[k][TopicFeatures.penaltiesLeadIndex] += 1 }
            }
            items[k].append(TopicFeatures.Item(
                feature: Int32(feature), segment: contribution.segment, start: contribution.start, end: contribution.end,
                source: contribution.source, label: contribution.label))
        }

        // Descriptions of the subject, by topic: subject mentions only if the article names the subject.
        var references: [Int: [TopicFeatures.Item]] = [:]
        for hit in hits {
            let pattern = Int(hit.pattern)
            for k in Int(useStart[pattern])..<Int(useStart[pattern + 1]) {
                let use = uses[k]
                switch use.kind {
                case Use.reference:
                    let topic = Int(use.index)
                    guard wanted[topic], use.term == -1 || use.term == language else { continue }
                    references[topic, default: []].append(TopicFeatures.Item(
                        feature: Int32(TopicFeatures.subjectIndex), segment: hit.segment, start: hit.start, end: hit.end,
                        source: hit.pattern, label: Int32(hit.endWord)))  // the word until merged below
                case Use.subject, Use.action:
                    let topic = Int(use.index)
                    guard wanted[topic], use.term == -1 || use.term == language else { continue }
                    let isSubject = use.kind == Use.subject
                    let k = slot(topic)
                    if isSubject {
                        guard subjects[k].last.map({ $0 != (hit.segment, hit.endWord) }) ?? true else { continue }
                        subjects[k].append((hit.segment, hit.endWord))
                    } else {
                        guard actions[k].last.map({ $0 != (hit.segment, hit.endWord) }) ?? true else { continue }
                        actions[k].append((hit.segment, hit.endWord))
                    }
                    items[k].append(TopicFeatures.Item(
                        feature: Int32(isSubject ? TopicFeatures.subjectIndex : TopicFeatures.actionIndex),
                        segment: hit.segment, start: hit.start, end: hit.end, source: hit.pattern,
                        label: isSubject ? -2 : -3))
                case Use.selected:
                    let topic = Int(termTopic[Int(use.index)])
                    guard wanted[topic] else { continue }
                    let layout = layouts[topic]
                    let feature = TopicFeatures.fixedCount + layout.phraseCount + layout.conditionCount
                        + Int(use.index) - layout.termStart
                    let k = slot(topic)
                    counts[k][feature] += 1
                    items[k].append(TopicFeatures.Item(
                        feature: Int32(feature), segment: hit.segment, start: hit.start, end: hit.end,
                        source: hit.pattern, label: -4))
                default:
                    continue
                }
            }
        }

        if !references.isEmpty {
            for k in topicOfSlot.indices where !subjects[k].isEmpty {
                guard let found = references[topicOfSlot[k]] else { continue }
                for var item in found {
                    let mention = (segment: item.segment, word: item.label)
                    item.label = -2
                    items[k].append(item)
                    subjects[k].append(mention)
                }
                subjects[k].sort { ($0.segment, $0.word) < ($1.segment, $1.word) }
                var unique: [(segment: Int32, word: Int32)] = []
                for mention in subjects[k] where unique.last.map({ $0 != mention }) ?? true { unique.append(mention) }
                subjects[k] = unique
            }
        }

        for k in topicOfSlot.indices {
            let subject = subjects[k], action = actions[k]
            var values = counts[k]
            values[TopicFeatures.penaltyDominantIndex] = values[TopicFeatures.penaltiesIndex] > values[TopicFeatures.rulesIndex] ? 1 : 0
            for index in values.indices
            where index >= TopicFeatures.fixedCount || index == TopicFeatures.rulesLeadIndex
                || index == TopicFeatures.rulesIndex || index == TopicFeatures.penaltiesIndex
                || index == TopicFeatures.penaltiesLeadIndex {
                values[index] = log1p(values[index])
            }
            values[TopicFeatures.subjectIndex] = log1p(Double(subject.count))
            values[TopicFeatures.subjectLeadIndex] = subject.contains { $0.segment <= 0 } ? 1 : 0
            var subjectSegments = 0
            var previous: Int32 = .min
            for mention in subject where mention.segment != previous {
                subjectSegments += 1
                previous = mention.segment
            }
            values[TopicFeatures.subjectSpreadIndex] = Double(subjectSegments) / Double(max(1, segmentCount))
            values[TopicFeatures.actionIndex] = log1p(Double(action.count))
            /// Whether any subject mention is in `segment` (mentions are in reading order).
            func subjectIn(_ segment: Int32) -> Bool {
                var lo = 0, hi = subject.count
                while lo < hi {
                    let mid = (lo + hi) / 2
                    if subject[mid].segment < segment { lo = mid + 1 } else { hi = mid }
                }
                return lo < subject.count && subject[lo].segment == segment
            }
            var withSubject = 0
            for segment in ruleSegments[k] where subjectIn(segment) { withSubject += 1 }
            values[TopicFeatures.rulesSubjectIndex] = log1p(Double(withSubject))
            values[TopicFeatures.rulesElsewhereIndex] = log1p(Double(ruleSegments[k].count - withSubject))
            var near = 0, paragraphs = 0, nearLead = false
            var lastParagraph: Int32 = .min
            for mention in action {
                // The first subject mention at or after (segment, word − nearWords).
                var low = 0, high = subject.count
                while low < high {
                    let mid = (low + high) / 2
                    if (subject[mid].segment, subject[mid].word) < (mention.segment, mention.word - Int32(TopicFeatures.nearWords)) {
                        low = mid + 1
                    } else {
                        high = mid
                    }
                }
                if low < subject.count, subject[low].segment == mention.segment,
                   subject[low].word <= mention.word + Int32(TopicFeatures.nearWords) {
                    near += 1
                    if mention.segment <= 0 { nearLead = true }
                }
                if mention.segment != lastParagraph {
                    if subjectIn(mention.segment) { paragraphs += 1 }
                    lastParagraph = mention.segment
                }
            }
            values[TopicFeatures.actionNearIndex] = log1p(Double(near))
            values[TopicFeatures.actionParagraphIndex] = log1p(Double(paragraphs))
            values[TopicFeatures.actionArticleIndex] = !subject.isEmpty && !action.isEmpty ? 1 : 0
            values[TopicFeatures.actionNearLeadIndex] = nearLead ? 1 : 0
            counts[k] = values
        }
        return (topicOfSlot, counts, items)
    }
}
