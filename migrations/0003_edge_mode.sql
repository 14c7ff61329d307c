-- Edge mode (docs/edge-mode.md): articles built from the publisher's own pages sit beside the ones the
-- CMS pushes. `source` says which; `provenance` (JSON, field -> where its value came from) is set for
-- extracted articles only. Extraction never overwrites a `cms` row, and a CMS push replaces it.
ALTER TABLE articles ADD COLUMN source TEXT NOT NULL DEFAULT 'cms' CHECK (source IN ('cms', 'extracted'));
ALTER TABLE articles ADD COLUMN provenance TEXT;

-- What edge mode remembers per canonical URL: the last outcome of reading origin's page (extracted,
-- or why not), origin's validators for conditional re-fetching, and when origin was last asked (ms).
CREATE TABLE edge_pages (
  url_key      TEXT PRIMARY KEY,
  outcome      TEXT NOT NULL,
  etag         TEXT,
  last_modified TEXT,
  checked_at   INTEGER NOT NULL
);
