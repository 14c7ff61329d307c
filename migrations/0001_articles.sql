-- Articles as the CMS sends them. The document is the validated JSON; the columns beside it are what
-- routes query by. `url_key` is the canonical URL in normalised form (https, no query, fragment or
-- trailing slash) so oEmbed can look an article up by any spelling of its URL.
CREATE TABLE articles (
  id          TEXT PRIMARY KEY,
  url_key     TEXT NOT NULL,
  status      TEXT NOT NULL CHECK (status IN ('published', 'draft')),
  published_at TEXT NOT NULL,
  doc         TEXT NOT NULL,
  revision    INTEGER NOT NULL DEFAULT 1,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
);

CREATE INDEX articles_url_key ON articles (url_key);
CREATE INDEX articles_published ON articles (status, published_at DESC, id DESC);
