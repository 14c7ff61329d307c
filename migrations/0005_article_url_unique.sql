-- One CMS article per canonical URL: oEmbed and edge mode look articles up by URL. A unique index would
-- fail on databases that already hold duplicates, so a trigger refuses any write that would give a
-- CMS article a URL another CMS article has (the API checks first and answers 409; this closes the race
-- between two concurrent writes). Existing duplicates stay readable until the CMS fixes one of them.
-- Extracted articles (edge mode) are not counted: a CMS push replaces them.
CREATE TRIGGER articles_url_unique_insert BEFORE INSERT ON articles
WHEN NEW.source = 'cms' AND EXISTS (SELECT 1 FROM articles WHERE url_key = NEW.url_key AND source = 'cms' AND id <> NEW.id)
BEGIN
  SELECT RAISE(ABORT, 'article-url-conflict');
END;

CREATE TRIGGER articles_url_unique_update BEFORE UPDATE OF url_key, source ON articles
WHEN NEW.source = 'cms' AND EXISTS (SELECT 1 FROM articles WHERE url_key = NEW.url_key AND source = 'cms' AND id <> NEW.id)
BEGIN
  SELECT RAISE(ABORT, 'article-url-conflict');
END;
