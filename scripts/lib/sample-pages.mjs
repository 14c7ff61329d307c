// Article pages of the sample publisher as its own CMS renders them, untouched by Presscard: one per
// language, for `npm start`'s local origin (sample-origin.mjs) and the unfurl tests. Each has a header
// menu with a skip link, a photo with caption and credit, a dateline, body, credit line and related
// links, JSON-LD NewsArticle as the site publishes it, and Open Graph tags that are incomplete or wrong.

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** `photos` is the origin serving /photos/ (this service, locally). */
export function samplePages(photos) {
  return [
    {
      path: '/english/articles/20261120/p2a/00m/0na/021000c',
      lang: 'en',
      section: 'Japan',
      headline: 'Tokyo trains to run all night on New Year\'s Eve for the first time since 2019',
      description: 'JR East and Tokyo Metro will run trains through the night of Dec. 31, reviving a tradition suspended during the pandemic.',
      dateline: 'TOKYO',
      author: 'Yuki Tanaka',
      credit: 'Japanese original by Yuki Tanaka, City News Department',
      published: '2026-11-20T18:30:00+09:00',
      photo: { file: 'tokyo-dusk.jpg', width: 1200, height: 800, alt: 'Tokyo\'s skyline at dusk', caption: 'Trains cross the city at dusk in Tokyo on Nov. 19, 2026.', credit: 'Mainichi/Yuki Tanaka' },
      body: [
        'Railway operators in the Tokyo area will run trains through the night on Dec. 31 for the first time in seven years, the companies announced on Nov. 20.',
        'Services on the Yamanote Line and eight Tokyo Metro lines will run every 20 to 30 minutes between midnight and 5 a.m. on Jan. 1.',
      ],
      related: ['Shrines prepare for first visits of the year', 'Record crowds expected at Narita over holidays'],
    },
    {
      path: '/english/articles/20261121/p2a/00m/0na/022000c',
      lang: 'ja',
      section: '社会',
      headline: '大みそかの終夜運転、７年ぶり復活へ　ＪＲ東日本と東京メトロ',
      description: 'ＪＲ東日本と東京メトロは２０日、大みそかから元日にかけての終夜運転を７年ぶりに実施すると発表した。',
      dateline: '東京',
      author: '田中由紀',
      credit: '社会部・田中由紀',
      published: '2026-11-21T07:00:00+09:00',
      photo: { file: 'tokyo-dusk.jpg', width: 1200, height: 800, alt: '夕暮れの東京の街並み', caption: '夕暮れの都心を走る電車＝東京都内で１９日', credit: '毎日新聞' },
      body: ['ＪＲ東日本と東京メトロは２０日、大みそかの終夜運転を７年ぶりに実施すると発表した。', '山手線などで２０～３０分間隔で運行する。'],
      related: ['初詣の準備進む', '年末年始の空港、混雑予想'],
    },
    {
      path: '/english/articles/20261122/p2a/00m/0na/023000c',
      lang: 'zh-Hans',
      section: '国际',
      headline: '上海外滩灯光秀将于元旦夜间延长至凌晨两点',
      description: '上海市有关部门宣布，元旦期间外滩灯光秀将延长开放时间。',
      dateline: '上海',
      author: '李明',
      published: '2026-11-22T10:00:00+08:00',
      photo: { file: 'shanghai-bund.jpg', width: 1000, height: 1000, alt: '傍晚的上海外滩天际线', caption: '傍晚的上海外滩。', credit: '每日新闻' },
      body: ['上海市有关部门２２日宣布，元旦期间外滩灯光秀将延长至凌晨两点。', '预计将有大量游客前往观看。'],
      related: ['上海地铁元旦加开夜班车'],
    },
    {
      path: '/english/articles/20261123/p2a/00m/0na/024000c',
      lang: 'ko',
      section: '국제',
      headline: '서울 한강 불꽃축제, 올해 처음으로 새해 첫날 열린다',
      description: '서울시는 새해 첫날 한강에서 불꽃축제를 연다고 23일 밝혔다.',
      dateline: '서울',
      author: '김민지',
      published: '2026-11-23T09:00:00+09:00',
      photo: { file: 'seoul-river.jpg', width: 1200, height: 675, alt: '맑은 하늘 아래 도시를 가로지르는 강', caption: '서울 한강의 모습.', credit: '마이니치신문' },
      body: ['서울시는 새해 첫날 한강에서 불꽃축제를 연다고 23일 밝혔다.', '축제는 오후 7시부터 한 시간 동안 열린다.'],
      related: ['서울 지하철, 새해 첫날 연장 운행'],
    },
    {
      path: '/english/articles/20261124/p2a/00m/0na/025000c',
      lang: 'zh-Hant',
      section: '國際',
      headline: '臺北跨年煙火延長至十分鐘　捷運通宵運行',
      description: '臺北市政府宣布，今年跨年夜臺北一〇一煙火將延長至十分鐘，捷運全線通宵運行。',
      dateline: '臺北',
      author: '陳志偉',
      published: '2026-11-24T11:00:00+08:00',
      photo: { file: 'festival-lanterns.jpg', width: 1200, height: 800, alt: '夜空下的燈籠與人群', caption: '跨年夜的臺北街頭。', credit: '每日新聞' },
      body: ['臺北市政府２４日宣布，今年跨年夜臺北一〇一煙火將延長至十分鐘。', '捷運全線將通宵運行，約每十五分鐘一班。'],
      related: ['跨年夜交通管制範圍公布'],
    },
  ].map((p) => ({ ...p, html: render(p, photos) }));
}

function render(p, photos) {
  const img = `${photos}/photos/${p.photo.file}`;
  const ld = {
    '@context': 'https://schema.org',
    '@graph': [
      { '@type': 'WebSite', name: 'The Mainichi', url: 'https://mainichi.jp/english/' },
      {
        '@type': 'NewsArticle', headline: p.headline, description: p.description, inLanguage: p.lang, articleSection: p.section,
        datePublished: p.published, author: [{ '@type': 'Person', name: p.author }],
        image: { '@type': 'ImageObject', url: img, width: p.photo.width, height: p.photo.height, caption: p.photo.alt },
        publisher: { '@type': 'NewsMediaOrganization', name: 'The Mainichi' },
      },
    ],
  };
  // The site's own tags: a generic title, a logo as image without size, an http URL, a stale description.
  return `<!doctype html>
<html lang="${p.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(p.headline)} - The Mainichi</title>
<meta name="description" content="The Mainichi: news from Japan">
<meta property="og:title" content="The Mainichi">
<meta property="og:type" content="article">
<meta property="og:url" content="http://mainichi.jp${p.path}">
<meta property="og:image" content="${photos}/brand/logo.svg">
<meta name="twitter:card" content="summary">
<script type="application/ld+json">${JSON.stringify(ld).replace(/</g, '\\u003c')}</script>
<style>body{font-family:Georgia,serif;max-width:46rem;margin:0 auto;padding:0 1rem;line-height:1.6}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem}header nav a{margin-right:1rem}
figure{margin:1rem 0}figure img{max-width:100%;height:auto}figcaption{font-size:.9rem;color:#555}.dateline{font-weight:bold}</style>
</head>
<body>
<a class="skip" href="#main">Skip to main content</a>
<header><strong>The Mainichi</strong>
<nav aria-label="Sections"><a href="/english/">Top</a><a href="/english/japan/">Japan</a><a href="/english/world/">World</a><a href="/english/business/">Business</a><a href="/english/opinion/">Opinion</a></nav></header>
<main id="main">
<article>
<p class="section">${esc(p.section)}</p>
<h1>${esc(p.headline)}</h1>
<p class="date"><time datetime="${p.published}">${p.published.slice(0, 10)}</time></p>
<figure><img src="${img}" alt="${esc(p.photo.alt)}" width="${p.photo.width}" height="${p.photo.height}">
<figcaption>${esc(p.photo.caption)} <span class="credit">(${esc(p.photo.credit)})</span></figcaption></figure>
${p.body.map((text, i) => `<p>${i === 0 ? `<span class="dateline">${esc(p.dateline)} --</span> ` : ''}${esc(text)}</p>`).join('\n')}
${p.credit ? `<p class="credit-line">(${esc(p.credit)})</p>` : ''}
</article>
<aside><h2>Related</h2><ul>${p.related.map((r, i) => `<li><a href="/english/articles/20261101/p2a/00m/0na/0${90 + i}000c">${esc(r)}</a></li>`).join('')}</ul></aside>
</main>
<footer><p>Copyright THE MAINICHI NEWSPAPERS. All rights reserved.</p></footer>
</body>
</html>
`;
}
