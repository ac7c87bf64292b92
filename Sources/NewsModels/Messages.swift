// Short names for the generated protocol messages (proto-docs/newswire/v1/newswire.proto).
public typealias RawArticle = Newswire_V1_RawArticle
public typealias ArticleEvent = Newswire_V1_ArticleEvent
public typealias ParsedArticleMessage = Newswire_V1_ParsedArticle
public typealias QuoteMessage = Newswire_V1_Quote
public typealias Ack = Newswire_V1_Ack
public typealias Nack = Newswire_V1_Nack
public typealias EvidenceMessage = Newswire_V1_Evidence
public typealias Classification = Newswire_V1_Classification
public typealias TopicMessage = Newswire_V1_TopicMessage
public typealias ReplayRequest = Newswire_V1_ReplayRequest
public typealias ReplayEnd = Newswire_V1_ReplayEnd
