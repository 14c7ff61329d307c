-- Share-link clicks, counted per article, network and UTC day by GET /s/:network/:id. A row is a
-- counter and nothing else: no cookie, IP address, user agent or time of day is stored, so a click
-- cannot be traced back to a reader.
CREATE TABLE share_clicks (
  article_id TEXT NOT NULL,
  network    TEXT NOT NULL,
  day        TEXT NOT NULL, -- YYYY-MM-DD, UTC
  clicks     INTEGER NOT NULL DEFAULT 0 CHECK (clicks >= 0),
  PRIMARY KEY (article_id, day, network)
) WITHOUT ROWID;
