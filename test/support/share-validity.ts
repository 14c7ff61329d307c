import twitterText from 'twitter-text';

/**
 * What each network's composer would say about a share URL built by this service, counted with the
 * network's own rules, independently of the code under test: X by twitter-text's parseTweet over the
 * post its intent composes; Bluesky by graphemes (Intl.Segmenter) and UTF-8 bytes; Mastodon and
 * Threads by code points. Returns the problems found (empty: valid).
 */
export function shareProblems(network: string, shareUrl: string): string[] {
  const problems: string[] = [];
  if (!/^[\x21-\x7E]+$/.test(shareUrl)) problems.push(`${network}: the URL is not plain percent-encoded ASCII`);
  if (network === 'email' || network === 'copy' || network === 'mastodon') return problems;
  const p = new URL(shareUrl).searchParams;
  const graphemes = (s: string) => [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(s)].length;
  const codePoints = (s: string) => [...s].length;
  switch (network) {
    case 'x': {
      const hashtags = p.get('hashtags')?.split(',').map((h) => `#${h}`) ?? [];
      const via = p.get('via');
      const post = [p.get('text') ?? '', p.get('url') ?? '', ...hashtags, ...(via ? [`via @${via}`] : [])].filter(Boolean).join(' ');
      const parsed = twitterText.parseTweet(post);
      if (!parsed.valid) problems.push(`x: twitter-text refuses the post (weighted length ${parsed.weightedLength}): ${post}`);
      break;
    }
    case 'bluesky': {
      const text = p.get('text') ?? '';
      if (graphemes(text) > 300) problems.push(`bluesky: ${graphemes(text)} graphemes`);
      if (new TextEncoder().encode(text).byteLength > 3000) problems.push('bluesky: over 3000 UTF-8 bytes');
      break;
    }
    case 'threads': {
      const n = codePoints(`${p.get('text') ?? ''} ${p.get('url') ?? ''}`);
      if (n > 500) problems.push(`threads: ${n} code points`);
      break;
    }
    case 'reddit':
      if ((p.get('title') ?? '').length > 300) problems.push('reddit: title over 300');
      break;
    case 'pinterest':
      if ((p.get('description') ?? '').length > 500) problems.push('pinterest: description over 500');
      break;
  }
  return problems;
}

/** The same for the text of a Mastodon composer URL (`https://<server>/share?text=`): 500 code points. */
export function mastodonProblems(shareUrl: string): string[] {
  const text = new URL(shareUrl).searchParams.get('text') ?? '';
  return [...text].length > 500 ? [`mastodon: ${[...text].length} code points`] : [];
}
