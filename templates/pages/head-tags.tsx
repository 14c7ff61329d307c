import { raw } from 'hono/html';
import type { FC } from 'hono/jsx';
import { jsonForScript, type HeadTag } from '../../src/domain/head';

/** Writes head tags as elements; hono/jsx escapes every attribute, JSON-LD goes through jsonForScript. */
export const HeadTags: FC<{ tags: HeadTag[] }> = ({ tags }) => (
  <>
    {tags.map((t) => (
      <>
        {'\n'}
        <HeadTagElement tag={t} />
      </>
    ))}
    {'\n'}
  </>
);

const HeadTagElement: FC<{ tag: HeadTag }> = ({ tag: t }) => {
      switch (t.tag) {
        case 'title':
          return <title>{t.text}</title>;
        case 'meta':
          return 'property' in t ? <meta property={t.property} content={t.content} /> : <meta name={t.name} content={t.content} />;
        case 'link':
          return <link rel={t.rel} href={t.href} type={t.type} title={t.title} />;
        case 'script':
          return <script type={t.type}>{raw(jsonForScript(t.json))}</script>;
      }
};

/** The fragment for a CMS template, one element per line. */
export function renderHeadTags(tags: HeadTag[]): string {
  return tags.map((t) => String(<HeadTagElement tag={t} />)).join('\n') + '\n';
}
