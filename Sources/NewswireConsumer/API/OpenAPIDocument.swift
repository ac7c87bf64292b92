/// The OpenAPI document served at `/openapi.json`: a copy of `proto-docs/openapi.json`
/// (a test keeps the two equal), compiled in so the executable needs no resource files.
enum OpenAPIDocument {
    static let json = #"""
{
  "openapi": "3.1.0",
  "info": {
    "title": "Newswire consumer read API",
    "version": "1.0.0",
    "description": "Read-only JSON API of newswire-consumer, served on its --metrics HTTP port. With --http-token-file set, every path but /healthz needs 'Authorization: Bearer TOKEN' (401 otherwise), or the session cookie a browser gets by posting the token to the form at /signin. Errors are JSON: {\"error\": {\"status\", \"message\"}}; 400 names the parameter and the reason. A client address over --http-rate-limit requests a second (bursts of twice as many) gets 429 with Retry-After (seconds); /healthz is never limited."
  },
  "servers": [
    {
      "url": "http://127.0.0.1:9102"
    }
  ],
  "components": {
    "securitySchemes": {
      "bearer": {
        "type": "http",
        "scheme": "bearer",
        "description": "Only when the consumer runs with --http-token-file."
      }
    },
    "responses": {
      "Error": {
        "description": "An error, with the reason",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/Error"
            }
          }
        }
      }
    },
    "schemas": {
      "Error": {
        "type": "object",
        "required": [
          "error"
        ],
        "properties": {
          "error": {
            "type": "object",
            "required": [
              "status",
              "message"
            ],
            "properties": {
              "status": {
                "type": "integer"
              },
              "message": {
                "type": "string"
              }
            }
          }
        }
      },
      "TopicScore": {
        "type": "object",
        "required": [
          "id",
          "label",
          "score"
        ],
        "properties": {
          "id": {
            "type": "string"
          },
          "label": {
            "type": "string"
          },
          "score": {
            "type": "number"
          }
        }
      },
      "ArticleSummary": {
        "type": "object",
        "required": [
          "id",
          "title",
          "source",
          "url",
          "storedAt",
          "topics"
        ],
        "properties": {
          "id": {
            "type": "string",
            "description": "Article id (hex)"
          },
          "title": {
            "type": "string"
          },
          "source": {
            "type": "string"
          },
          "url": {
            "type": "string"
          },
          "dateline": {
            "type": "string"
          },
          "publishedAt": {
            "type": "string",
            "format": "date-time"
          },
          "storedAt": {
            "type": "string",
            "format": "date-time"
          },
          "topics": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/TopicScore"
            },
            "description": "Highest score first"
          },
          "score": {
            "type": "number",
            "description": "With q: relevance (negated bm25, title weighted 10x); higher is better"
          },
          "snippet": {
            "type": "string",
            "description": "With q: a passage as HTML, HTML-escaped, the matched words in <mark>…</mark>"
          }
        }
      },
      "ArticlePage": {
        "type": "object",
        "required": [
          "articles"
        ],
        "properties": {
          "articles": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/ArticleSummary"
            }
          },
          "nextCursor": {
            "type": "string",
            "description": "Pass as cursor for the next page; absent on the last page"
          }
        }
      },
      "Evidence": {
        "type": "object",
        "required": [
          "phrase",
          "matched",
          "paragraph",
          "start",
          "end",
          "weight"
        ],
        "properties": {
          "phrase": {
            "type": "string"
          },
          "matched": {
            "type": "string",
            "description": "The text as it appears"
          },
          "paragraph": {
            "type": "integer",
            "description": "-1 for the title, else the index into paragraphs"
          },
          "start": {
            "type": "integer",
            "description": "UTF-8 byte offset in that paragraph"
          },
          "end": {
            "type": "integer"
          },
          "weight": {
            "type": "number"
          }
        }
      },
      "ArticleTopic": {
        "type": "object",
        "required": [
          "id",
          "label",
          "score",
          "threshold",
          "evidence",
          "classifierVersion",
          "taxonomyVersion"
        ],
        "properties": {
          "id": {
            "type": "string"
          },
          "label": {
            "type": "string"
          },
          "score": {
            "type": "number"
          },
          "threshold": {
            "type": "number"
          },
          "evidence": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Evidence"
            }
          },
          "classifierVersion": {
            "type": "string"
          },
          "taxonomyVersion": {
            "type": "string"
          }
        }
      },
      "Article": {
        "type": "object",
        "required": [
          "id",
          "title",
          "source",
          "url",
          "language",
          "wordCount",
          "truncated",
          "contentHash",
          "storedAt",
          "paragraphs",
          "quotes",
          "people",
          "organizations",
          "places",
          "topics"
        ],
        "properties": {
          "id": {
            "type": "string"
          },
          "title": {
            "type": "string"
          },
          "subtitle": {
            "type": "string"
          },
          "source": {
            "type": "string"
          },
          "url": {
            "type": "string"
          },
          "dateline": {
            "type": "string"
          },
          "byline": {
            "type": "string"
          },
          "language": {
            "type": "string"
          },
          "wordCount": {
            "type": "integer"
          },
          "truncated": {
            "type": "boolean"
          },
          "contentHash": {
            "type": "string"
          },
          "publishedAt": {
            "type": "string",
            "format": "date-time"
          },
          "fetchedAt": {
            "type": "string",
            "format": "date-time"
          },
          "acceptedAt": {
            "type": "string",
            "format": "date-time"
          },
          "storedAt": {
            "type": "string",
            "format": "date-time"
          },
          "paragraphs": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "quotes": {
            "type": "array",
            "items": {
              "type": "object",
              "required": [
                "text",
                "speaker"
              ],
              "properties": {
                "text": {
                  "type": "string"
                },
                "speaker": {
                  "type": "string",
                  "description": "Empty when unknown"
                }
              }
            }
          },
          "people": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "organizations": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "places": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "topics": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/ArticleTopic"
            }
          }
        }
      },
      "TopicList": {
        "type": "object",
        "required": [
          "taxonomy",
          "articles",
          "topics"
        ],
        "properties": {
          "taxonomy": {
            "type": "object",
            "properties": {
              "name": {
                "type": "string"
              },
              "version": {
                "type": "string"
              }
            }
          },
          "articles": {
            "type": "integer",
            "description": "Stored articles in all"
          },
          "topics": {
            "type": "array",
            "items": {
              "type": "object",
              "required": [
                "id",
                "label",
                "description",
                "articles",
                "inTaxonomy"
              ],
              "properties": {
                "id": {
                  "type": "string"
                },
                "label": {
                  "type": "string"
                },
                "description": {
                  "type": "string"
                },
                "threshold": {
                  "type": "number"
                },
                "articles": {
                  "type": "integer"
                },
                "inTaxonomy": {
                  "type": "boolean",
                  "description": "false for a topic only older articles carry"
                }
              }
            }
          }
        }
      },
      "TopicVolume": {
        "type": "object",
        "required": [
          "bucket",
          "topics"
        ],
        "properties": {
          "bucket": {
            "type": "string",
            "enum": [
              "hour",
              "day"
            ]
          },
          "since": {
            "type": "string",
            "format": "date-time",
            "description": "As asked (inclusive)"
          },
          "until": {
            "type": "string",
            "format": "date-time",
            "description": "As asked (exclusive)"
          },
          "topics": {
            "type": "array",
            "description": "The topics asked for in that order; without topic, the taxonomy's, then any other stored",
            "items": {
              "type": "object",
              "required": [
                "id",
                "label",
                "articles",
                "buckets"
              ],
              "properties": {
                "id": {
                  "type": "string"
                },
                "label": {
                  "type": "string"
                },
                "articles": {
                  "type": "integer",
                  "description": "Articles in all the buckets listed"
                },
                "buckets": {
                  "type": "array",
                  "description": "Oldest first; only buckets with articles",
                  "items": {
                    "type": "object",
                    "required": [
                      "start",
                      "articles"
                    ],
                    "properties": {
                      "start": {
                        "type": "string",
                        "format": "date-time",
                        "description": "The bucket's start, UTC"
                      },
                      "articles": {
                        "type": "integer"
                      }
                    }
                  }
                }
              }
            }
          }
        }
      },
      "StreamEvent": {
        "type": "object",
        "description": "The data of one live-stream event (SSE event type 'message', id = sequence): a topic message without the article's text",
        "required": [
          "sequence",
          "topicSequence",
          "topicId",
          "label",
          "score",
          "classifiedAt",
          "consumerId",
          "article"
        ],
        "properties": {
          "sequence": {
            "type": "integer",
            "description": "Strictly increasing across all topics (the event id)"
          },
          "topicSequence": {
            "type": "integer",
            "description": "Strictly increasing within the topic"
          },
          "topicId": {
            "type": "string"
          },
          "label": {
            "type": "string"
          },
          "score": {
            "type": "number"
          },
          "classifiedAt": {
            "type": "string",
            "format": "date-time"
          },
          "consumerId": {
            "type": "string",
            "description": "The consumer whose numbering this is; if it changes, resume from 0"
          },
          "article": {
            "type": "object",
            "required": [
              "id",
              "title",
              "source",
              "url"
            ],
            "properties": {
              "id": {
                "type": "string"
              },
              "title": {
                "type": "string"
              },
              "source": {
                "type": "string"
              },
              "url": {
                "type": "string"
              },
              "dateline": {
                "type": "string"
              },
              "publishedAt": {
                "type": "string",
                "format": "date-time"
              }
            }
          }
        }
      },
      "StreamClosing": {
        "type": "object",
        "description": "The data of the last event of a stream (SSE event type 'closing', no id)",
        "required": [
          "reason",
          "message",
          "lastEventId"
        ],
        "properties": {
          "reason": {
            "type": "string",
            "enum": [
              "slow-client",
              "shutting-down",
              "error"
            ]
          },
          "message": {
            "type": "string"
          },
          "lastEventId": {
            "type": "string",
            "description": "The last event id sent; reconnect with it as Last-Event-ID"
          }
        }
      }
    }
  },
  "security": [
    {},
    {
      "bearer": []
    }
  ],
  "paths": {
    "/api/v1/topics": {
      "get": {
        "summary": "The taxonomy's topics with article counts",
        "responses": {
          "200": {
            "description": "Topics",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/TopicList"
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/api/v1/topics/volume": {
      "get": {
        "summary": "Articles per topic per hour or day (UTC, by stored time)",
        "parameters": [
          {
            "name": "bucket",
            "in": "query",
            "required": false,
            "description": "hour (default) or day",
            "schema": {
              "type": "string",
              "enum": [
                "hour",
                "day"
              ]
            }
          },
          {
            "name": "topic",
            "in": "query",
            "required": false,
            "description": "Only this topic id; repeat for several",
            "schema": {
              "type": "array",
              "items": {
                "type": "string"
              }
            },
            "style": "form",
            "explode": true
          },
          {
            "name": "since",
            "in": "query",
            "required": false,
            "description": "Stored at or after (ISO 8601: 2026-11-23T08:00:00Z, or 2026-11-23)",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "until",
            "in": "query",
            "required": false,
            "description": "Stored before (ISO 8601)",
            "schema": {
              "type": "string"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "Counts",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/TopicVolume"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/Error"
          },
          "401": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/api/v1/articles": {
      "get": {
        "summary": "Articles, newest first (or by relevance to q), a page at a time",
        "description": "Newest-first pages are ordered by (stored time, insertion order) and continue after the cursor, so articles stored while a client pages never repeat or shift a page. With q the default order is relevance (bm25); its pages cover the articles stored when the first page was read.",
        "parameters": [
          {
            "name": "topic",
            "in": "query",
            "required": false,
            "description": "Only articles with this topic id",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "source",
            "in": "query",
            "required": false,
            "description": "Only articles from this source",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "since",
            "in": "query",
            "required": false,
            "description": "Stored at or after (ISO 8601: 2026-11-23T08:00:00Z, or 2026-11-23)",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "until",
            "in": "query",
            "required": false,
            "description": "Stored before (ISO 8601)",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "q",
            "in": "query",
            "required": false,
            "description": "Full-text query over title and body (SQLite FTS5 syntax: words, \"phrases\", OR, NOT, prefix*, title:word); a syntax error answers 400 with the reason",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "order",
            "in": "query",
            "required": false,
            "description": "newest (default without q) or relevance (default with q; needs q)",
            "schema": {
              "type": "string",
              "enum": [
                "newest",
                "relevance"
              ]
            }
          },
          {
            "name": "cursor",
            "in": "query",
            "required": false,
            "description": "nextCursor of the previous page, unchanged",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "limit",
            "in": "query",
            "required": false,
            "description": "Articles per page",
            "schema": {
              "type": "integer",
              "minimum": 1,
              "maximum": 100,
              "default": 20
            }
          }
        ],
        "responses": {
          "200": {
            "description": "A page",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ArticlePage"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/Error"
          },
          "401": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/api/v1/articles/{id}": {
      "get": {
        "summary": "One whole article: paragraphs, quotes, names, topics with evidence",
        "parameters": [
          {
            "name": "id",
            "in": "path",
            "required": true,
            "description": "Article id",
            "schema": {
              "type": "string"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The article",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Article"
                }
              }
            }
          },
          "404": {
            "$ref": "#/components/responses/Error"
          },
          "401": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/api/v1/stream": {
      "get": {
        "summary": "Live topic messages as server-sent events",
        "description": "One event per topic message: 'id: SEQUENCE' and 'data:' a StreamEvent (JSON). Sequences increase across all topics, so one event id resumes any set of topics: with Last-Event-ID (what EventSource sends on reconnecting) or after=, the stored messages after it come first, then live ones, with no gap and no repeat (replay's Clone pattern). Without either, the stream starts live. A quiet stream gets a ': keep-alive' comment every --http-stream-keepalive-seconds. A client more than --http-stream-buffer events behind is cut off: its last event is 'event: closing' (StreamClosing) and it resumes by reconnecting; ingestion never waits for a client.",
        "parameters": [
          {
            "name": "topic",
            "in": "query",
            "required": false,
            "description": "A topic id to follow, matched exactly; repeat for several; none for all",
            "schema": {
              "type": "array",
              "items": {
                "type": "string"
              }
            },
            "style": "form",
            "explode": true
          },
          {
            "name": "after",
            "in": "query",
            "required": false,
            "description": "Resume after this event id (sequence; 0 for everything stored)",
            "schema": {
              "type": "integer",
              "minimum": 0
            }
          },
          {
            "name": "Last-Event-ID",
            "in": "header",
            "required": false,
            "description": "Resume after this event id; wins over after",
            "schema": {
              "type": "integer",
              "minimum": 0
            }
          }
        ],
        "responses": {
          "200": {
            "description": "An endless text/event-stream",
            "content": {
              "text/event-stream": {
                "schema": {
                  "type": "string"
                },
                "x-event-data": {
                  "message": {
                    "$ref": "#/components/schemas/StreamEvent"
                  },
                  "closing": {
                    "$ref": "#/components/schemas/StreamClosing"
                  }
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/Error"
          },
          "401": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/openapi.json": {
      "get": {
        "summary": "This document",
        "responses": {
          "200": {
            "description": "OpenAPI 3.1",
            "content": {
              "application/json": {}
            }
          }
        }
      }
    },
    "/healthz": {
      "get": {
        "summary": "200 ok while the process runs (never needs the token)",
        "security": [
          {}
        ],
        "responses": {
          "200": {
            "description": "ok",
            "content": {
              "text/plain": {}
            }
          }
        }
      }
    },
    "/readyz": {
      "get": {
        "summary": "200 once sockets are bound and the database is open, else 503",
        "responses": {
          "200": {
            "description": "ready"
          },
          "503": {
            "description": "not ready"
          }
        }
      }
    },
    "/status": {
      "get": {
        "summary": "The service's status document (see README, Observing)",
        "responses": {
          "200": {
            "description": "status",
            "content": {
              "application/json": {}
            }
          },
          "503": {
            "description": "not ready"
          }
        }
      }
    },
    "/metrics": {
      "get": {
        "summary": "Prometheus text format",
        "responses": {
          "200": {
            "description": "metrics",
            "content": {
              "text/plain": {}
            }
          }
        }
      }
    },
    "/": {
      "get": {
        "summary": "The web page: topics with live counts, articles per topic over time, a live feed per topic",
        "parameters": [
          {
            "name": "bucket",
            "in": "query",
            "required": false,
            "description": "hour (default) or day: the chart's buckets",
            "schema": {
              "type": "string",
              "enum": [
                "hour",
                "day"
              ]
            }
          }
        ],
        "responses": {
          "200": {
            "description": "HTML",
            "content": {
              "text/html": {}
            }
          },
          "400": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/search": {
      "get": {
        "summary": "The web page's search results, matched words marked",
        "parameters": [
          {
            "name": "q",
            "in": "query",
            "required": false,
            "description": "An FTS5 query, as for /api/v1/articles",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "topic",
            "in": "query",
            "required": false,
            "description": "Only this topic id",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "cursor",
            "in": "query",
            "required": false,
            "description": "From the More link",
            "schema": {
              "type": "string"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "HTML",
            "content": {
              "text/html": {}
            }
          },
          "400": {
            "description": "The query cannot run; the page says why",
            "content": {
              "text/html": {}
            }
          }
        }
      }
    },
    "/articles/{id}": {
      "get": {
        "summary": "The web page of one article, the phrases behind each topic marked",
        "parameters": [
          {
            "name": "id",
            "in": "path",
            "required": true,
            "schema": {
              "type": "string"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "HTML",
            "content": {
              "text/html": {}
            }
          },
          "404": {
            "description": "No such article",
            "content": {
              "text/html": {}
            }
          }
        }
      }
    }
  }
}
"""#
}
