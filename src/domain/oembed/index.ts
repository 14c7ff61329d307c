export * from './oembed';
export * from './oembed-xml';
