/**
 * The catalogues kept in step, in the manner of fastify's test/internals/errors.test.js: the error
 * catalogue (packages/platform/src/errors.ts), the messages the console shows for it in each
 * language, the lifecycle's commands and their labels, the evaluation indicators (packages/domain)
 * and the API contract the console is built from. A code, a message or an indicator added on one side and forgotten on another fails here.
 */
import { readFile } from 'node:fs/promises';
import {
  caseCommands,
  defaultEvaluationConfig,
  evaluationConfigSchema,
  indicatorsOfSubject,
  scoredIndicators,
  subjectKinds,
} from '@urbangrid/domain';
import { engineErrorCodes } from '@urbangrid/engine';
import { errorCatalogue } from '@urbangrid/platform';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';

// The console's own files, as its build reads them (they are the console project's, not this one's).
const consoleFile = (path: string) => new URL(`../../services/console/src/${path}`, import.meta.url);
type MessageTree = { [key: string]: string | MessageTree };
interface ConsoleMessages extends MessageTree {
  errors: Record<string, string>;
}
const zhCN = ((await import(consoleFile('i18n/zh-CN/index.ts').href)) as { default: ConsoleMessages })
  .default;
const en = ((await import(consoleFile('i18n/en/index.ts').href)) as { default: ConsoleMessages }).default;
const { clientProblemCodes, serverProblemCodes } = (await import(consoleFile('api/http.ts').href)) as {
  clientProblemCodes: readonly string[];
  serverProblemCodes: readonly string[];
};
const openapi = z
  .object({
    components: z.object({
      schemas: z.object({
        IndicatorValues: z.object({ properties: z.record(z.string(), z.unknown()) }),
        IndicatorColumn: z.object({
          properties: z.object({ key: z.object({ enum: z.array(z.string()) }) }),
        }),
      }),
    }),
  })
  .parse(JSON.parse(await readFile(consoleFile('api/generated/openapi.json'), 'utf8')));

const languages = { 'zh-CN': zhCN, en } as const;
const serverCodes = Object.keys(errorCatalogue).sort();
const problemCodes = [...serverProblemCodes, ...clientProblemCodes];

/** Every leaf of a message tree as a dotted key. */
function keysOf(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null ? keysOf(value, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

describe('the error catalogue', () => {
  it('every code has a status in the 4xx or 5xx range and a title', () => {
    for (const [code, entry] of Object.entries(errorCatalogue)) {
      expect(code).toMatch(/^[A-Z][A-Z_]*[A-Z]$/);
      expect(entry.status, code).toBeGreaterThanOrEqual(400);
      expect(entry.status, code).toBeLessThan(600);
      expect(entry.title.trim(), code).not.toBe('');
    }
  });

  it('every code has its title in English and in zh-CN', () => {
    for (const [code, entry] of Object.entries(errorCatalogue)) {
      expect(entry.title, code).toMatch(/^[A-Z][a-z]/);
      expect(entry.titleZh, code).toMatch(/^\p{Script=Han}/u);
    }
  });

  it('every code the engine refuses with is one of the catalogue', () => {
    for (const code of engineErrorCodes) expect(serverCodes).toContain(code);
  });

  it('the console knows every code, and only those beside its own (no network, unknown)', () => {
    expect([...problemCodes].sort()).toEqual([...serverCodes, ...clientProblemCodes].sort());
  });

  it.each(Object.entries(languages))(
    'every code has a message in %s, and no message is for no code',
    (_, messages) => {
      const { code: _label, ...byCode } = messages.errors;
      expect(Object.keys(byCode).sort()).toEqual([...problemCodes].sort());
      for (const [code, text] of Object.entries(byCode)) expect(String(text).trim(), code).not.toBe('');
    },
  );
});

describe('the console messages', () => {
  it('every language has the same keys as zh-CN, none empty', () => {
    const reference = keysOf(zhCN).sort();
    expect(keysOf(en).sort()).toEqual(reference);
    for (const key of keysOf(en)) {
      const text = key
        .split('.')
        .reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], en);
      expect(String(text).trim(), key).not.toBe('');
    }
  });

  it('indicators are labelled by their definitions, not by the console', () => {
    expect(keysOf(zhCN).filter((key) => key.startsWith('indicators.'))).toEqual([]);
  });
});

describe('the evaluation indicators', () => {
  it('every indicator has a label in zh-CN and en; one key has one label whichever subject has it', () => {
    const labels = new Map<string, unknown>();
    for (const subject of subjectKinds) {
      for (const indicator of indicatorsOfSubject(subject)) {
        expect(indicator.label['zh-CN'].trim(), indicator.key).not.toBe('');
        expect(indicator.label.en.trim(), indicator.key).not.toBe('');
        if (labels.has(indicator.key))
          expect(indicator.label, indicator.key).toEqual(labels.get(indicator.key));
        labels.set(indicator.key, indicator.label);
      }
    }
  });

  it('a scored indicator has a direction and a weight, a shown one neither', () => {
    for (const subject of subjectKinds) {
      for (const indicator of indicatorsOfSubject(subject)) {
        expect(indicator.direction === null, indicator.key).toBe(indicator.defaultWeight === null);
      }
    }
  });

  it('the weights schema and the defaults name exactly the scored indicators, and the defaults pass', () => {
    expect(evaluationConfigSchema.parse(defaultEvaluationConfig)).toEqual(defaultEvaluationConfig);
    for (const subject of subjectKinds) {
      const scored = indicatorsOfSubject(subject).filter((indicator) => indicator.defaultWeight !== null);
      expect(Object.keys(scoredIndicators[subject]).sort()).toEqual(scored.map((i) => i.key).sort());
      expect(defaultEvaluationConfig.weights[subject]).toEqual(
        Object.fromEntries(scored.map((indicator) => [indicator.key, indicator.defaultWeight])),
      );
    }
  });

  it('the API contract the console is built from names every indicator and no other', () => {
    const defined = new Set(
      subjectKinds.flatMap((subject) => indicatorsOfSubject(subject).map((i) => i.key)),
    );
    const values = openapi.components.schemas.IndicatorValues.properties;
    expect(Object.keys(values).sort()).toEqual([...defined].sort());
    const column = openapi.components.schemas.IndicatorColumn.properties.key.enum;
    expect([...column].sort()).toEqual([...defined].sort());
  });
});

describe('the commands', () => {
  it('every command of the lifecycle table has its label (commands.<name>) in each language', () => {
    for (const [language, messages] of Object.entries(languages)) {
      const labels = messages.commands as Record<string, string>;
      for (const command of caseCommands)
        expect(labels[command]?.trim(), `${language} ${command}`).toBeTruthy();
    }
  });
});
