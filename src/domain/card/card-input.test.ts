import { describe, expect, it } from 'vitest';
import { fixtureById, SEED_ID } from '../../../fixtures';
import { articleSchema } from '../article';
import { buildCardInput, chooseCardTemplate, labelTone, withoutPhoto } from './card-input';
import { parseSiteConfig } from '../site';

const config = parseSiteConfig({});
const article = (id: string) => articleSchema.parse(fixtureById(id));

describe('buildCardInput', () => {
  it('lists what the photo template draws for the seed article', () => {
    const input = buildCardInput(article(SEED_ID), config, 'og');
    expect(input).toEqual({
      template: 'photo',
      variant: 'og',
      lang: 'en',
      headline: 'N. Korean laborers begin flowing back into China after Trump-Kim summit',
      description: expect.stringMatching(/^North Korean laborers are crossing back/),
      section: 'World',
      byline: 'Akira Kudo, Keisuke Kawazu',
      date: 'June 14, 2018',
      site: { name: 'The Mainichi', themeColor: '#0b3d91', logoPath: '/brand/logo.svg' },
      photo: {
        url: 'http://localhost:8787/photos/dandong-customs.jpg',
        width: 1200,
        height: 800,
        focalPoint: { x: 0.5, y: 0.55 },
        credit: 'Photo courtesy of the Dandong City Government',
      },
    });
  });

  it('uses the social headline and the label with its tone', () => {
    const input = buildCardInput(article('20260501-kyoto-golden-week'), config, 'square');
    expect(input.headline).toBe("🎏 Kyoto's Golden Week crowds are back 🎉");
    expect(input.label).toEqual({ text: 'LIVE', tone: 'alert' });
    expect(input.variant).toBe('square');
  });

  it('draws a text card for an article without a photo, whatever template is asked for', () => {
    const editorial = article('20260701-editorial-press-freedom');
    expect(chooseCardTemplate(editorial)).toBe('text');
    const input = buildCardInput(editorial, config, 'og', 'photo');
    expect(input.template).toBe('text');
    expect(input.photo).toBeUndefined();
    expect(input.label).toEqual({ text: 'OPINION', tone: 'opinion' });
  });

  it('honours the article\'s cardTemplate and a template override', () => {
    const seed = article(SEED_ID);
    expect(chooseCardTemplate({ ...seed, cardTemplate: 'text' })).toBe('text');
    expect(buildCardInput(seed, config, 'og', 'text').photo).toBeUndefined();
    const stripped = withoutPhoto(buildCardInput(seed, config, 'og'));
    expect(stripped.template).toBe('text');
    expect(stripped).not.toHaveProperty('photo');
  });

  it('writes the date as readers of the article\'s language do, in the newsroom\'s zone', () => {
    expect(buildCardInput(article('20260320-ja-sakura-forecast'), config, 'og').date).toBe('2026年3月20日');
  });
});

describe('labelTone', () => {
  it('knows urgent and opinion labels', () => {
    expect(['BREAKING', 'OPINION', 'EXCLUSIVE', '速報'].map(labelTone)).toEqual(['alert', 'opinion', 'standard', 'alert']);
  });
});
