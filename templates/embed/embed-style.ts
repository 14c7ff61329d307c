import { EMBED_BORDER, EMBED_TIERS, PHOTO_RATIO, type EmbedTier } from '../../src/domain/embed';

const tierVars = (t: EmbedTier) =>
  [
    `--pad:${t.pad}px`, `--gap:${t.gap}px`,
    `--kicker-font:${t.kicker.font}px`, `--kicker-line:${t.kicker.line}px`,
    `--headline-font:${t.headline.font}px`, `--headline-line:${t.headline.line}px`, `--headline-lines:${t.headline.lines}`,
    `--desc-font:${t.description.font}px`, `--desc-line:${t.description.line}px`, `--desc-lines:${t.description.lines}`,
    `--meta-font:${t.meta.font}px`, `--meta-line:${t.meta.line}px`,
    `--brand-font:${t.brand.font}px`, `--brand-line:${t.brand.line}px`, `--logo:${t.brand.logo}px`, `--brand-pad:${t.brand.padY}px`,
  ].join(';');

const tiers = EMBED_TIERS.map((t) => {
  const vars = `:root{${tierVars(t)}}`;
  const meta = t.meta.rows === 2
    ? '.meta{flex-direction:column}.meta .sep{display:none}'
    : '.meta{flex-direction:row}.meta .sep{display:inline}';
  return t.minWidth === 0 ? vars + meta : `@media (min-width:${t.minWidth}px){${vars}${meta}}`;
}).join('\n');

const LIGHT = '--ink:#1b1b1f;--muted:#5b5e66;--rule:#d9dbe0;--paper:#fff;--photo:#e4e6ea;--link:#0b3d91';
const DARK = '--ink:#eceef2;--muted:#a4a8b3;--rule:#3a3d45;--paper:#15161a;--photo:#24262c;--link:#8fb4ff';

/**
 * The card's whole stylesheet, inlined in the page (no request: the card runs in an opaque origin).
 * Heights are fixed per tier (src/domain/embed-card-layout.ts) so the oEmbed height matches the layout.
 * No `color-scheme`: a scheme differing from the host's would give the frame an opaque backdrop.
 */
export function embedCss(themeColor: string, focalPoint?: { x: number; y: number }): string {
  const focus = focalPoint ? `${(focalPoint.x * 100).toFixed(1)}% ${(focalPoint.y * 100).toFixed(1)}%` : '50% 50%';
  return `
:root{${LIGHT}}
@media (prefers-color-scheme:dark){:root:not([data-theme=light]){${DARK}}}
:root[data-theme=dark]{${DARK}}
${tiers}
*{box-sizing:border-box}
html,body{margin:0;padding:0;background:transparent}
.framed,.framed body{overflow:hidden}
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Helvetica Neue",Arial,sans-serif;color:var(--ink);-webkit-text-size-adjust:100%;text-size-adjust:100%;overflow-wrap:anywhere}
.card{position:relative;display:flex;flex-direction:column;width:100%;min-width:0;overflow:hidden;background:var(--paper);border:${EMBED_BORDER.side}px solid var(--rule);border-top:${EMBED_BORDER.top}px solid ${themeColor};border-bottom-width:${EMBED_BORDER.bottom}px;border-radius:4px}
.photo{margin:0;aspect-ratio:${1 / PHOTO_RATIO};width:100%;background:var(--photo);overflow:hidden}
.photo img{display:block;width:100%;height:100%;object-fit:cover;object-position:${focus}}
.text{display:flex;flex-direction:column;gap:var(--gap);padding:var(--pad);min-width:0}
.text>*{margin:0;min-width:0}
.kicker{display:flex;gap:6px;font-size:var(--kicker-font);line-height:var(--kicker-line);height:var(--kicker-line);font-weight:600;letter-spacing:.05em;text-transform:uppercase;color:var(--muted);white-space:nowrap;overflow:hidden}
.kicker span{overflow:hidden;text-overflow:ellipsis}
.label{flex:none;background:#c8102e;color:#fff;padding:0 5px;border-radius:2px}
.headline,.description{display:-webkit-box;-webkit-box-orient:vertical;overflow:hidden;overflow-wrap:anywhere}
.headline{font-family:Georgia,"Noto Serif","DejaVu Serif","Times New Roman",serif;font-size:var(--headline-font);line-height:var(--headline-line);font-weight:700;-webkit-line-clamp:var(--headline-lines);line-clamp:var(--headline-lines);max-height:calc(var(--headline-line)*var(--headline-lines))}
.headline a{color:inherit;text-decoration:none}
.headline a::after{content:"";position:absolute;inset:0}
.headline a:hover,.headline a:focus-visible{text-decoration:underline;text-decoration-thickness:1px;text-underline-offset:2px}
.headline a:focus-visible{outline:none}
.card:focus-within{box-shadow:inset 0 0 0 2px var(--link)}
.description{font-size:var(--desc-font);line-height:var(--desc-line);color:var(--muted);-webkit-line-clamp:var(--desc-lines);line-clamp:var(--desc-lines);max-height:calc(var(--desc-line)*var(--desc-lines))}
.meta{display:flex;gap:0 6px;font-size:var(--meta-font);line-height:var(--meta-line);color:var(--muted);white-space:nowrap}
.meta>*{overflow:hidden;text-overflow:ellipsis}
.meta .byline{flex:0 1 auto}
.meta time,.meta .sep{flex:none}
.brand{display:flex;align-items:center;gap:8px;padding:var(--brand-pad) var(--pad);border-top:1px solid var(--rule);font-size:var(--brand-font);line-height:var(--brand-line);min-height:calc(var(--logo) + 2*var(--brand-pad) + 1px);font-weight:600;color:var(--ink)}
.brand .logo{flex:none;display:block;width:var(--logo);height:var(--logo);border-radius:3px}
.brand .site{flex:1 1 auto;min-width:0;overflow:hidden;white-space:nowrap;text-overflow:ellipsis}
.brand .open{flex:none;width:14px;height:14px;color:var(--muted)}
.unavailable .text{padding-block:calc(var(--pad)*1.5)}
`.trim();
}
