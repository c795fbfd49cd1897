import type { Passage } from '../corpus/types';
import type { Mention } from '../match/types';
import type { Statement } from './types';

/** Third-person pronouns that can point at a person named before the statement. */
const PRONOUN = /\b(?:he|him|his|she|her)\b/i;

/** The spans of a statement's own words in its passage: the quotation's fragments, or the reported clause. */
function ownWords(s: Statement, text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  let from = s.start;
  for (const fragment of s.text.split(' … ')) {
    const at = text.indexOf(fragment, from);
    if (at < 0 || at > s.end) continue;
    spans.push([at, at + fragment.length]);
    from = at + fragment.length;
  }
  return spans.length ? spans : [[s.start, s.end]];
}

/**
 * The entities each statement is about: an entity its own words mention, or the one person an unambiguous
 * pronoun in them can refer to (the only person other than the speaker named before it in the passage).
 * Being named elsewhere in the passage ("After presenting the letter to Aliyev, Carpenter said …") is not enough,
 * and a statement is never about its own speaker.
 */
export function statementsAbout(
  statements: Statement[],
  passages: Map<string, Passage>,
  mentions: Map<string, Mention[]>,
  kindOf: (entity: string) => string | undefined,
): Map<string, string[]> {
  const about = new Map<string, string[]>();
  const add = (entity: string, s: Statement) => {
    if (entity === s.speaker.id) return;
    const list = about.get(entity) ?? [];
    if (!list.includes(s.id)) list.push(s.id);
    about.set(entity, list);
  };
  for (const s of statements) {
    const passage = passages.get(s.passage);
    if (!passage) continue;
    const ms = mentions.get(s.passage) ?? [];
    const spans = ownWords(s, passage.text);
    const inWords = ms.filter((m) => spans.some(([a, b]) => m.start >= a && m.end <= b));
    for (const m of inWords) add(m.entity, s);
    const words = spans.map(([a, b]) => passage.text.slice(a, b)).join(' ');
    if (PRONOUN.test(words) && !inWords.some((m) => kindOf(m.entity) === 'person')) {
      const people = new Set(
        ms.filter((m) => m.end <= spans[0]![0] && kindOf(m.entity) === 'person' && m.entity !== s.speaker.id).map((m) => m.entity),
      );
      if (people.size === 1) add([...people][0]!, s);
    }
  }
  return about;
}
