import { describe, expect, it } from 'vitest';
import { balanceBidi, overrideOffset, withoutOverrides } from './bidi-controls';
import { repairText, textIssue } from './text-hygiene';

const [LRE, RLE, PDF, RLO, LRI, RLI, FSI, PDI] = ['\u202a', '\u202b', '\u202c', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069'];

describe('bidi controls (UAX #9)', () => {
  it.each([
    ['balanced text is unchanged', `a ${RLE}שלום${PDF} b ${LRI}x${PDI}`, `a ${RLE}שלום${PDF} b ${LRI}x${PDI}`],
    ['an embedding left open is closed at the end', `a ${RLE}שלום`, `a ${RLE}שלום${PDF}`],
    ['isolates and embeddings left open close innermost first', `${RLI}a ${LRE}b ${FSI}c`, `${RLI}a ${LRE}b ${FSI}c${PDI}${PDF}${PDI}`],
    ['a stray PDI is dropped', `x${PDI}y`, 'xy'],
    ['a stray PDF is dropped', `x${PDF}y`, 'xy'],
    ['a PDF does not close an embedding outside an open isolate (X7)', `${RLE}a${LRI}b${PDF}c`, `${RLE}a${LRI}bc${PDI}${PDF}`],
    ['a PDI closes the embeddings inside its isolate (X6a)', `${RLI}a${RLE}b${PDI}c`, `${RLI}a${RLE}b${PDI}c`],
    ['a paragraph separator closes what is open before it (P1)', `${RLE}a\nb${PDF}`, `${RLE}a${PDF}\nb`],
  ])('%s', (_, input, expected) => {
    expect(balanceBidi(input)).toBe(expected);
  });

  it('overrides are found, and become embeddings of the same direction when repairing', () => {
    expect(overrideOffset(`ab${RLO}c`)).toBe(2);
    expect(overrideOffset('abc')).toBe(-1);
    expect(withoutOverrides(`\u202dx${PDF} ${RLO}y${PDF}`)).toBe(`${LRE}x${PDF} ${RLE}y${PDF}`);
  });

  it('ingest refuses an override with its offset; repair keeps the text without forcing its order', () => {
    expect(textIssue(`invoice ${RLO}fdp.exe`)).toMatch(/bidi override U\+202E at offset 8/);
    expect(textIssue(`name ${RLE}שלום`)).toBeUndefined();
    expect(repairText(`invoice ${RLO}fdp.exe`)).toBe(`invoice ${RLE}fdp.exe${PDF}`);
  });
});
