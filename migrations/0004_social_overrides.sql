-- The newsroom's social fields over an article (social headline and description, card template, label,
-- focal point, card alt text), kept apart from the CMS's document so a CMS PUT never wipes them.
-- `revision` is the optimistic-concurrency version named by If-Match; `updated_by` says who saved.
CREATE TABLE social_overrides (
  article_id TEXT PRIMARY KEY,
  overrides  TEXT NOT NULL,
  revision   INTEGER NOT NULL CHECK (revision >= 1),
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL
);
