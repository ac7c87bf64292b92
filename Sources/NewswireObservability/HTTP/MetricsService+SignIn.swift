internal import Foundation
internal import Hummingbird
internal import HTTPTypes
internal import Logging
internal import Metrics

/// Browsers cannot send `Authorization: Bearer` on a page load, an `EventSource`
/// or a link, so with `--http-token-file` set the web page signs in once: a form
/// at `/signin` takes the token and answers with an `HttpOnly`, `SameSite=Strict`
/// session cookie that every later request of the page (fetches and the live
/// stream included) carries. API clients keep using the header and get 401.
extension MetricsService {
    /// The cookie that carries the token for a browser that signed in.
    static let sessionCookie = "newswire_session"
    /// The most a sign-in form body may hold; the form has two short fields.
    static let signInBodyLimit = 4096

    /// Whether `request` carries the token, in its `Authorization` header or its session cookie.
    func isAuthorized(_ request: Request, token: BearerToken) -> Bool {
        if token.admits(request.headers[.authorization]) { return true }
        return request.headers[values: .cookie].contains { field in
            field.split(separator: ";").contains { pair in
                let parts = pair.split(separator: "=", maxSplits: 1)
                return parts.count == 2 && parts[0].trimmingCharacters(in: .whitespaces) == Self.sessionCookie
                    && token.admits("Bearer \(parts[1].trimmingCharacters(in: .whitespaces).removingPercentEncoding ?? "")")
            }
        }
    }

    /// `/signin`: the form (GET), and what it posts (POST).
    func signInResponse(_ request: Request, token: BearerToken) async -> Response {
        switch request.method {
        case .get, .head:
            return Self.signInPage(next: Self.localTarget(Self.queryValue("next", in: request.uri.query ?? "")), failed: false)
        case .post:
            return await signIn(request, token: token)
        default:
            return Self.text(.methodNotAllowed, "only GET and POST\n")
        }
    }

    /// The answer to a request without the token: a redirect to the sign-in form
    /// for a browser asking for a page, 401 for anything else.
    func unauthorizedResponse(_ request: Request) -> Response {
        let path = request.uri.path
        let acceptsPage = request.headers[values: .accept].contains { $0.contains("text/html") }
        if request.method == .get && acceptsPage {
            let target = path + (request.uri.query.map { "?\($0)" } ?? "")
            var response = Response(status: .seeOther)
            response.headers[.location] = "/signin?next=\(Self.formEscape(target))"
            return response
        }
        var response = Self.text(
            .unauthorized,
            "unauthorized: send the token of --http-token-file as 'Authorization: Bearer TOKEN' (a browser signs in at /signin)\n")
        response.headers[.wwwAuthenticate] = "Bearer"
        return response
    }

    /// Checks a posted form (`token`, `next`): the right token sets the session cookie and goes on to `next`.
    private func signIn(_ request: Request, token: BearerToken) async -> Response {
        guard let body = try? await request.body.collect(upTo: Self.signInBodyLimit) else {
            return Self.text(.contentTooLarge, "sign-in form over \(Self.signInBodyLimit) bytes\n")
        }
        let form = String(buffer: body)
        let next = Self.localTarget(Self.queryValue("next", in: form))
        guard let offered = Self.queryValue("token", in: form), token.admits("Bearer \(offered)") else {
            Counter(label: "newswire_http_signins_refused_total").increment()
            logger.notice("sign-in refused: wrong token", metadata: ["client": "\(request.headers[.userAgent] ?? "")"])
            return Self.signInPage(next: next, failed: true)
        }
        var response = Response(status: .seeOther)
        response.headers[.location] = next
        response.headers[.setCookie] = "\(Self.sessionCookie)=\(Self.formEscape(offered)); Path=/; HttpOnly; SameSite=Strict"
        response.headers[.cacheControl] = "no-store"
        return response
    }

    /// The sign-in form; 401 after a wrong token, so scripts see the refusal too.
    static func signInPage(next: String, failed: Bool) -> Response {
        let message = failed ? "<p role=\"alert\" class=\"error\">That token is not the one in the consumer's --http-token-file.</p>" : ""
        let page = """
            <!doctype html>
            <html lang="en">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Sign in · Newswire</title>
            <style>body{font:16px/1.5 system-ui,sans-serif;max-width:28rem;margin:4rem auto;padding:0 1rem}
            input,button{font:inherit;padding:.4rem;width:100%;box-sizing:border-box;margin:.3rem 0}.error{color:#a00}</style></head>
            <body><main><h1>Newswire</h1>
            <p>This consumer asks for its access token (the contents of its <code>--http-token-file</code>).</p>\(message)
            <form method="post" action="/signin"><label for="token">Token</label>
            <input id="token" name="token" type="password" autocomplete="current-password" required autofocus>
            <input type="hidden" name="next" value="\(htmlEscape(next))">
            <button type="submit">Sign in</button></form></main></body></html>

            """
        var response = response(failed ? .unauthorized : .ok, contentType: "text/html; charset=utf-8", body: Array(page.utf8))
        response.headers[.cacheControl] = "no-store"
        return response
    }

    /// `next` if it is a path on this server, else `/`: the form must not send a browser elsewhere.
    static func localTarget(_ next: String?) -> String {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.contains("\\"),
              !next.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else { return "/" }
        return next
    }

    /// The first value of `name` in a query string or a form body, nil when absent or malformed.
    static func queryValue(_ name: String, in raw: String) -> String? {
        guard case .success(let pairs) = HTTPRouteRequest.decodeQuery(raw) else { return nil }
        return pairs.first { $0.name == name }?.value
    }

    /// `text` percent-encoded but for letters, digits and `-._~/`: safe in a query, a form and a cookie value.
    static func formEscape(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~/")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? "/"
    }

    /// `text` safe inside an HTML attribute value.
    static func htmlEscape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }
}
