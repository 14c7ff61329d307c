// Fixture photos: painted procedurally and encoded as JPEG, so the project ships no binary photos and
// everything works offline. Each scene is deterministic (seeded), so golden card images stay stable.
import jpeg from 'jpeg-js';

/** Photos the fixtures reference (served at /photos/<name>.jpg). */
export const PHOTOS = {
  'dandong-customs': { width: 1200, height: 800, seed: 7, sky: [[196, 214, 232], [238, 226, 205]], ground: [92, 88, 84], kind: 'city' },
  'tokyo-dusk': { width: 1200, height: 800, seed: 11, sky: [[38, 44, 92], [236, 142, 96]], ground: [28, 30, 44], kind: 'city' },
  'seoul-river': { width: 1200, height: 675, seed: 23, sky: [[120, 170, 220], [220, 236, 248]], ground: [60, 96, 120], kind: 'hills' },
  'shanghai-bund': { width: 1000, height: 1000, seed: 31, sky: [[250, 196, 140], [255, 236, 200]], ground: [70, 60, 64], kind: 'city' },
  'festival-lanterns': { width: 1200, height: 800, seed: 43, sky: [[22, 18, 48], [90, 40, 90]], ground: [30, 20, 30], kind: 'lanterns' },
  'portrait-tall': { width: 800, height: 1200, seed: 57, sky: [[180, 208, 190], [240, 240, 220]], ground: [70, 110, 80], kind: 'hills' },
};

function rng(seed) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

const mix = (a, b, t) => a.map((v, i) => Math.round(v + (b[i] - v) * t));

export function paintPhoto({ width, height, seed, sky, ground, kind }) {
  const rand = rng(seed);
  const data = Buffer.alloc(width * height * 4);
  const horizon = Math.round(height * 0.62);
  // Skyline: a height per column built from rectangles (city) or sine hills.
  const skyline = new Int32Array(width).fill(horizon);
  if (kind === 'city') {
    let x = 0;
    while (x < width) {
      const w = 30 + Math.floor(rand() * 90);
      const h = Math.round(height * (0.08 + rand() * 0.32));
      for (let i = x; i < Math.min(width, x + w); i++) skyline[i] = horizon - h;
      x += w + Math.floor(rand() * 8);
    }
  } else {
    const a = rand() * 6, b = rand() * 6;
    for (let i = 0; i < width; i++) {
      skyline[i] = horizon - Math.round(height * (0.12 + 0.06 * Math.sin(i / 140 + a) + 0.04 * Math.sin(i / 53 + b)));
    }
  }
  const sun = { x: width * (0.2 + rand() * 0.6), y: height * (0.18 + rand() * 0.2), r: Math.min(width, height) * 0.07 };
  const lanterns = kind === 'lanterns'
    ? Array.from({ length: 26 }, () => ({ x: rand() * width, y: rand() * height * 0.55, r: 10 + rand() * 22 }))
    : [];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let c;
      if (y >= skyline[x]) {
        const t = (y - skyline[x]) / (height - skyline[x] + 1);
        c = mix(ground, [ground[0] * 0.6, ground[1] * 0.6, ground[2] * 0.6], t);
        // Lit windows in the city.
        if (kind === 'city' && y < horizon && (x % 14 < 5) && (y % 18 < 7) && ((x * 7 + y * 13 + seed) % 5 === 0)) c = [250, 220, 150];
      } else {
        c = mix(sky[0], sky[1], y / horizon);
        const d = Math.hypot(x - sun.x, y - sun.y);
        if (d < sun.r) c = mix(c, [255, 244, 214], 0.9);
        else if (d < sun.r * 3) c = mix(c, [255, 236, 200], 0.25 * (1 - (d - sun.r) / (sun.r * 2)));
      }
      for (const l of lanterns) {
        const d = Math.hypot(x - l.x, y - l.y);
        if (d < l.r) c = mix([255, 120, 60], [255, 200, 120], d / l.r);
      }
      const o = (y * width + x) * 4;
      data[o] = c[0]; data[o + 1] = c[1]; data[o + 2] = c[2]; data[o + 3] = 255;
    }
  }
  return jpeg.encode({ data, width, height }, 82).data;
}
