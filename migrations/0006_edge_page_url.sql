-- Edge mode (docs/edge-mode.md): the page an extracted article was read from, as path and query at
-- origin (`/a` or `/a/`). Variants of a URL share its canonical form (`url_key`) but not its page: only
-- origin's answers for this page may remove the article or mark the URL as not an article, and the
-- re-check asks for it. Rows from before have none; for them the canonical form itself counts.
ALTER TABLE edge_pages ADD COLUMN page_url TEXT;
