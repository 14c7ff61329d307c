import { describe, expect, it } from 'vitest';
import { fixtureById, SEED_ID } from '../fixtures';
import { authed, putArticle } from './helpers';

const doc = (id: string, headline: string) => ({ ...fixtureById(SEED_ID), id, url: `https://mainichi.jp/english/articles/${id}`, headline });

interface Answer { status: number; revision: number; headline: string }
async function pushAll(id: string, headlines: string[]): Promise<Answer[]> {
  return Promise.all(
    headlines.map(async (h) => {
      const res = await putArticle(doc(id, h));
      const body = (await res.json()) as { revision: number; headline: string };
      return { status: res.status, revision: body.revision, headline: body.headline };
    }),
  );
}

describe('concurrent pushes of one article', () => {
  it('give one 201 and distinct, increasing revisions; the stored document is the last revision\'s', async () => {
    const id = 'race-new';
    const answers = await pushAll(id, Array.from({ length: 10 }, (_, i) => `Race ${i}`));
    expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
    expect(answers.filter((a) => a.status === 200)).toHaveLength(9);
    expect(answers.map((a) => a.revision).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const last = answers.find((a) => a.revision === 10)!;
    const stored = (await (await authed(`/api/articles/${id}`)).json()) as { revision: number; headline: string };
    expect(stored).toMatchObject({ revision: 10, headline: last.headline });

    const updates = await pushAll(id, Array.from({ length: 5 }, (_, i) => `Update ${i}`));
    expect(updates.every((a) => a.status === 200)).toBe(true);
    expect(updates.map((a) => a.revision).sort((a, b) => a - b)).toEqual([11, 12, 13, 14, 15]);
  });

  it('write an identical document once: the others are told the stored revision, unchanged', async () => {
    const answers = await pushAll('race-same', Array.from({ length: 6 }, () => 'Same headline'));
    expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
    expect(answers.map((a) => a.revision)).toEqual([1, 1, 1, 1, 1, 1]);
    expect(((await (await authed('/api/articles/race-same')).json()) as { revision: number }).revision).toBe(1);
  });
});
