/// The web page's stylesheet and script, compiled in and served by the
/// consumer itself (`/assets/…`): no CDN, no build step, nothing to install.
enum WebAssets {
    static let styleSheet = #"""
:root { --ink: #1d232a; --muted: #5b6470; --line: #d5dae0; --bg: #fbfbfc; --accent: #0b5cad; --focus: #ffbf47;
  --t0: #0b5cad; --t1: #b3261e; --t2: #1f7a3a; --t3: #8a4fbf; --t4: #b86e00; --t5: #00737a; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: var(--bg); }
a { color: var(--accent); }
a:focus, button:focus, input:focus, summary:focus, main:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.skip { position: absolute; left: -999px; top: 0; background: #fff; padding: .5rem; }
.skip:focus { left: .5rem; z-index: 1; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.top { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: center; padding: .75rem 1rem; border-bottom: 1px solid var(--line); background: #fff; }
.brand { font-weight: 700; font-size: 1.2rem; text-decoration: none; color: var(--ink); }
.search { display: flex; flex: 1 1 16rem; gap: .5rem; }
.search input { flex: 1; min-width: 0; padding: .45rem .6rem; font: inherit; border: 1px solid var(--muted); border-radius: 4px; }
button { font: inherit; padding: .45rem .9rem; border: 1px solid var(--accent); background: var(--accent); color: #fff; border-radius: 4px; cursor: pointer; }
main { max-width: 72rem; margin: 0 auto; padding: 1rem; }
h1 { font-size: 1.5rem; line-height: 1.25; margin: .5rem 0 1rem; }
h2 { font-size: 1.15rem; margin: 1.5rem 0 .5rem; }
h3 { font-size: 1rem; margin: 0 0 .4rem; }
.muted, .meta { color: var(--muted); font-size: .9rem; }
.topics { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .5rem; }
.topics li { border: 1px solid var(--line); border-radius: 999px; padding: .25rem .8rem; background: #fff; }
.count { font-weight: 700; font-variant-numeric: tabular-nums; }
.feeds { display: grid; gap: 1rem; grid-template-columns: repeat(auto-fit, minmax(17rem, 1fr)); }
.feed { border: 1px solid var(--line); border-radius: 6px; padding: .75rem; background: #fff; }
.feed ol { list-style: none; padding: 0; margin: 0; }
.feed li { padding: .35rem 0; border-top: 1px solid var(--line); }
.feed li:first-child { border-top: 0; }
.feed li.new { animation: arrive 2s ease-out; }
@keyframes arrive { from { background: #fff3c4; } to { background: transparent; } }
figure { margin: 0; }
.chart { width: 100%; height: auto; background: #fff; border: 1px solid var(--line); border-radius: 6px; }
.chart .axis { stroke: var(--muted); }
.chart .tick { font-size: 11px; fill: var(--muted); }
.chart .line { fill: none; stroke-width: 2.5; }
.legend { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .25rem 1rem; font-size: .9rem; }
.swatch { display: inline-block; width: .9rem; height: .9rem; border-radius: 2px; margin-right: .3rem; vertical-align: -2px; }
.line.t0 { stroke: var(--t0); } .line.t1 { stroke: var(--t1); } .line.t2 { stroke: var(--t2); }
.line.t3 { stroke: var(--t3); } .line.t4 { stroke: var(--t4); } .line.t5 { stroke: var(--t5); }
.swatch.t0 { background: var(--t0); } .swatch.t1 { background: var(--t1); } .swatch.t2 { background: var(--t2); }
.swatch.t3 { background: var(--t3); } .swatch.t4 { background: var(--t4); } .swatch.t5 { background: var(--t5); }
mark { background: #fff3a8; color: inherit; }
mark.t0 { background: #dbe9fb; box-shadow: inset 0 -2px var(--t0); } mark.t1 { background: #fbe1df; box-shadow: inset 0 -2px var(--t1); }
mark.t2 { background: #dcf1e2; box-shadow: inset 0 -2px var(--t2); } mark.t3 { background: #eee2f7; box-shadow: inset 0 -2px var(--t3); }
mark.t4 { background: #fbecd6; box-shadow: inset 0 -2px var(--t4); } mark.t5 { background: #d6f0f1; box-shadow: inset 0 -2px var(--t5); }
.results { list-style: none; padding: 0; }
.results li { padding: .75rem 0; border-top: 1px solid var(--line); }
.snippet { margin: .25rem 0; }
.article p { max-width: 42rem; }
.article .topic-list { list-style: none; padding: 0; }
.error { border-left: 4px solid #b3261e; padding: .5rem .75rem; background: #fbe1df; }
table { border-collapse: collapse; font-size: .9rem; display: block; overflow-x: auto; }
th, td { border: 1px solid var(--line); padding: .25rem .5rem; text-align: right; }
th[scope=row] { text-align: left; font-weight: normal; }
.bottom { max-width: 72rem; margin: 2rem auto; padding: 0 1rem; color: var(--muted); font-size: .9rem; }
@media (max-width: 30rem) { main { padding: .75rem; } h1 { font-size: 1.3rem; } }
"""#

    static let script = #"""
// Newswire's page script: the live feeds from /api/v1/stream (server-sent
// events), live topic counts, and a chart that follows them. Plain JavaScript.
"use strict";
(function () {
  var page = document.querySelector("[data-stream-after]");
  document.addEventListener("keydown", function (event) {
    // "/" jumps to the search box, as on many sites.
    if (event.key === "/" && !/^(INPUT|TEXTAREA)$/.test(document.activeElement.tagName)) {
      event.preventDefault();
      document.getElementById("q").focus();
    }
  });
  if (!page || !window.EventSource) return;
  var status = document.getElementById("stream-status");
  var keep = 20;
  var chartTimer = null;
  function say(text) { if (status) status.textContent = text; }

  function refreshChart() {
    chartTimer = null;
    var figure = document.getElementById("volume-section");
    if (!figure) return;
    fetch("/fragments/volume?bucket=" + encodeURIComponent(figure.getAttribute("data-bucket")))
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) { if (html !== null) figure.innerHTML = html; })
      .catch(function () {});
  }

  function add(message) {
    var feed = document.querySelector('ol[data-feed="' + CSS.escape(message.topicId) + '"]');
    if (!feed) return;
    if (feed.querySelector('li[data-id="' + CSS.escape(message.article.id) + '"]')) return;
    var item = document.createElement("li");
    item.className = "new";
    item.setAttribute("data-id", message.article.id);
    var link = document.createElement("a");
    link.href = "/articles/" + encodeURIComponent(message.article.id);
    link.textContent = message.article.title || message.article.id;
    var meta = document.createElement("div");
    meta.className = "meta";
    meta.textContent = message.article.source + " · " + message.classifiedAt.replace("T", " ").slice(0, 16) + " UTC";
    item.appendChild(link);
    item.appendChild(meta);
    feed.insertBefore(item, feed.firstChild);
    var empty = feed.parentNode.querySelector(".empty");
    if (empty) empty.remove();
    while (feed.children.length > keep) feed.removeChild(feed.lastChild);
    var count = document.querySelector('[data-count="' + CSS.escape(message.topicId) + '"]');
    if (count) count.textContent = String(Number(count.textContent) + 1);
    if (!chartTimer) chartTimer = setTimeout(refreshChart, 3000);
  }

  var topics = Array.prototype.map.call(document.querySelectorAll("ol[data-feed]"), function (feed) {
    return "topic=" + encodeURIComponent(feed.getAttribute("data-feed"));
  });
  var source = new EventSource("/api/v1/stream?after=" + page.getAttribute("data-stream-after") + (topics.length ? "&" + topics.join("&") : ""));
  source.onopen = function () { say("Live: new articles appear as they are classified."); };
  source.onmessage = function (event) {
    try { add(JSON.parse(event.data)); } catch (error) { say("A live message could not be read: " + error); }
  };
  source.addEventListener("closing", function (event) {
    var reason = "";
    try { reason = JSON.parse(event.data).message; } catch (error) {}
    say("The live stream was closed (" + reason + "); reconnecting.");
  });
  source.onerror = function () { say("Live stream interrupted; reconnecting…"); };
})();
"""#
}
