// The layering rules of docs/architecture.md, checked on the source text (Node: workerd has no file
// system). Each rule names the files that break it.
import { existsSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const tracked = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', 'src', 'templates'], { cwd: root, encoding: 'utf8' })
  .split('\n')
  .filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.d.ts'));
const sources = tracked.filter((f) => !/\.test\.tsx?$/.test(f));
const read = (f: string) => readFileSync(join(root, f), 'utf8');

/** Every module specifier a file imports or re-exports, with the file it resolves to when relative. */
function importsOf(file: string): { spec: string; target?: string }[] {
  const specs = [...read(file).matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1] ?? m[2]!);
  return specs.map((spec) => (spec.startsWith('.') ? { spec, target: relative(root, resolve(root, dirname(file), spec)) } : { spec }));
}

describe('architecture', () => {
  it('keeps every source file under 300 lines', () => {
    const long = sources.filter((f) => read(f).split('\n').length > 300);
    expect(long).toEqual([]);
  });

  it('imports routes only from src/app.ts', () => {
    const offenders = tracked.flatMap((f) =>
      f === 'src/app.ts' || f.startsWith('src/routes/') ? [] : importsOf(f).filter((i) => i.target?.startsWith('src/routes/')).map((i) => `${f} -> ${i.spec}`),
    );
    const crossRoute = tracked.filter((f) => f.startsWith('src/routes/')).flatMap((f) =>
      importsOf(f).filter((i) => i.target?.startsWith('src/routes/')).map((i) => `${f} -> ${i.spec}`),
    );
    expect([...offenders, ...crossRoute]).toEqual([]);
  });

  // Libraries without I/O or platform APIs the domain may use: schemas, X's own text counter, and the
  // Unicode algorithms typography needs (UAX #14, UAX #9, Arabic joining; docs/text-rendering.md).
  const PURE_PACKAGES = new Set(['zod', 'twitter-text', 'linebreak', 'bidi-js', 'arabic-persian-reshaper']);

  it('keeps the domain pure: it imports only the domain and pure libraries', () => {
    const offenders = sources.filter((f) => f.startsWith('src/domain/')).flatMap((f) =>
      importsOf(f)
        .filter((i) => (i.target ? !i.target.startsWith(`src${sep}domain`) && !i.target.startsWith('src/domain') : !PURE_PACKAGES.has(i.spec)))
        .map((i) => `${f} -> ${i.spec}`),
    );
    expect(offenders).toEqual([]);
  });

  it('reaches a domain feature from outside only through its index.ts', () => {
    const offenders = tracked.flatMap((f) =>
      importsOf(f)
        .filter((i) => {
          const m = i.target && /^src\/domain\/([^/]+)\/[^/]+$/.exec(i.target);
          return m && !f.startsWith(`src/domain/${m[1]}/`);
        })
        .map((i) => `${f} -> ${i.spec}`),
    );
    expect(offenders).toEqual([]);
  });

  it('touches bindings only in adapters, the composition root and the entry points', () => {
    // A binding is reached through `env.`/`c.env.`; routes may read secrets for access checks only.
    const allowed = (f: string) => f.startsWith('src/adapters/') || f === 'src/services/index.ts' || f === 'src/index.ts' || f === 'src/app.ts' || f.startsWith('src/queue/') || f.startsWith('src/http/');
    const offenders = sources.filter((f) => !allowed(f) && /\b(?:c\.)?env\.(DB|ASSETS|IMAGES|CARDS|RENDER_QUEUE|ANALYTICS|\w+_LIMITER)\b/.test(read(f)));
    expect(offenders).toEqual([]);
  });

  it('cites only the specs and the project docs, never a document outside the repository', () => {
    const outside = tracked.filter((f) => /design\.md|shared\/docs|\.\.\/shared/.test(read(f)));
    const missing = tracked.flatMap((f) =>
      [...read(f).matchAll(/\bdocs\/([\w.-]+\.md)/g)].filter((m) => !existsSync(join(root, 'docs', m[1]!))).map((m) => `${f} -> docs/${m[1]}`),
    );
    expect([...outside, ...missing]).toEqual([]);
  });
});
