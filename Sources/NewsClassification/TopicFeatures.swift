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
/// - `rules-lead`: positive phrase and condition hits in the title or first paragraph;
/// - `phrase:TEXT`, `condition:N` (N from 1, in file order), `term:TEXT`:
///   each phrase's hits, each proximity condition's firings, each selected
///   word or word pair's occurrences.
///
/// The first seven are language-neutral (subject and action terms are given
/// per language); the cross-lingual model uses only those.
public enum TopicFeatures {
    public static let neutralNames = [
        "subject", "subject-lead", "subject-spread", "action", "action-near", "action-paragraph", "action-article",
    ]
    public static let rulesLead = "rules-lead"
    /// Hand weights of the positive rules times their hits, summed undamped.
    public static let rules = "rules"
    /// The same for the negative rules (penalties), as a positive number.
    public static let penalties = "penalties"
    /// 1 when the penalised events outweigh the topic's own rules: the
    /// penalty is the article's subject, not background.
    public static let penaltyDominant = "penalty-dominant"
    public static let phrasePrefix = "phrase:"
    public static let conditionPrefix = "condition:"
    public static let termPrefix = "term:"
    /// How far (in words) an action term may be from a subject mention to count as `action-near`.
    public static let nearWords = 20

    static let subjectIndex = 0, subjectLeadIndex = 1, subjectSpreadIndex = 2, actionIndex = 3
    static let actionNearIndex = 4, actionParagraphIndex = 5, actionArticleIndex = 6, rulesLeadIndex = 7
    static let rulesIndex = 8, penaltiesIndex = 9, penaltyDominantIndex = 10
    static let fixedCount = 11
    static let fixedNames = neutralNames + [rulesLead, rules, penalties, penaltyDominant]

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
        func slot(_ topic: Int) -> Int {
            if let existing = slotOf[topic] { return existing }
            let new = topicOfSlot.count
            slotOf[topic] = new
            topicOfSlot.append(topic)
            counts.append([Double](repeating: 0, count: layouts[topic].featureNames.count))
            items.append([])
            subjects.append([])
            actions.append([])
            return new
        }

        for contribution in contributions {
            let topic = Int(contribution.topic)
            guard wanted[topic] else { continue }
            let layout = layouts[topic]
            let k = slot(topic)
            let feature: Int
            let handWeight: Double
            if contribution.label < 0 {
                feature = TopicFeatures.fixedCount + Int(contribution.source) - layout.phraseStart
                handWeight = phraseWeight[Int(contribution.source)]
            } else {
                feature = TopicFeatures.fixedCount + layout.phraseCount + Int(contribution.source) - layout.conditionStart
                handWeight = conditionWeight[Int(contribution.source)]
            }
            counts[k][feature] += 1
            if handWeight > 0 {
                counts[k][TopicFeatures.rulesIndex] += handWeight
                if contribution.segment <= 0 { counts[k][TopicFeatures.rulesLeadIndex] += 1 }
            } else {
                counts[k][TopicFeatures.penaltiesIndex] -= handWeight
            }
            items[k].append(TopicFeatures.Item(
                feature: Int32(feature), segment: contribution.segment, start: contribution.start, end: contribution.end,
                source: contribution.source, label: contribution.label))
        }

        for hit in hits {
            let pattern = Int(hit.pattern)
            for k in Int(useStart[pattern])..<Int(useStart[pattern + 1]) {
                let use = uses[k]
                switch use.kind {
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

        for k in topicOfSlot.indices {
            let subject = subjects[k], action = actions[k]
            var values = counts[k]
            values[TopicFeatures.penaltyDominantIndex] = values[TopicFeatures.penaltiesIndex] > values[TopicFeatures.rulesIndex] ? 1 : 0
            for index in values.indices
            where index >= TopicFeatures.fixedCount || index == TopicFeatures.rulesLeadIndex
                || index == TopicFeatures.rulesIndex || index == TopicFeatures.penaltiesIndex {
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
            var near = 0, paragraphs = 0
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
                }
                if mention.segment != lastParagraph {
                    // Any subject mention in this segment?
                    var lo = 0, hi = subject.count
                    while lo < hi {
                        let mid = (lo + hi) / 2
                        if subject[mid].segment < mention.segment { lo = mid + 1 } else { hi = mid }
                    }
                    if lo < subject.count, subject[lo].segment == mention.segment { paragraphs += 1 }
                    lastParagraph = mention.segment
                }
            }
            values[TopicFeatures.actionNearIndex] = log1p(Double(near))
            values[TopicFeatures.actionParagraphIndex] = log1p(Double(paragraphs))
            values[TopicFeatures.actionArticleIndex] = !subject.isEmpty && !action.isEmpty ? 1 : 0
            counts[k] = values
        }
        return (topicOfSlot, counts, items)
    }
}
