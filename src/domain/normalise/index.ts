// Normal forms of text and URLs: what ingest refuses, how stored text is repaired, one URI per URL.
export * from './text-hygiene';
export * from './uri';
export * from './bidi-controls';
