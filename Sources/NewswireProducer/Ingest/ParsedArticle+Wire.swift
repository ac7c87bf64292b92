public import NewsModels
public import NewsParsing
internal import Foundation
internal import SwiftProtobuf

extension ParsedArticleMessage {
    /// The wire form of a parsed article.
    public init(_ parsed: ParsedArticle) {
        self.init()
        title = parsed.title
        subtitle = parsed.subtitle ?? ""
        dateline = parsed.dateline ?? ""
        byline = parsed.byline ?? ""
        if let published = parsed.publishedAt { publishedAt = Google_Protobuf_Timestamp(date: published) }
        paragraphs = parsed.paragraphs
        quotes = parsed.quotes.map { quote in
            var message = QuoteMessage()
            message.text = quote.text
            message.speaker = quote.speaker ?? ""
            message.paragraph = UInt32(clamping: quote.paragraph)
            return message
        }
        people = parsed.people
        organizations = parsed.organizations
        places = parsed.places
        language = parsed.language
        wordCount = UInt32(clamping: parsed.wordCount)
        truncated = parsed.truncated
        contentHash = parsed.contentHash
    }
}
