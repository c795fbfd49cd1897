import { NOT_NAMES } from './languages';

/** A personal name found in text by its capitals, with the words before it that describe the person. */
export interface FoundName {
  name: string;
  start: number;
  end: number;
  words: number;
}

/** A capitalised word: an upper-case letter, then lower-case ones (Pachinian, Ալիևը, Əmirbəyov, O’Brien); no acronyms. */
const WORD = /\p{Lu}[\p{Ll}’'-]*\p{Ll}[\p{Ll}’'-]*/gu;

/**
 * Personal names in a phrase, in any script with capitals: runs of one to three capitalised words
 * that are no article, title or sentence opener. Acronyms (RİA, ՀՀ, TASS) end a run.
 */
export function namesIn(text: string): FoundName[] {
  const found: FoundName[] = [];
  let run = null as FoundName | null;
  for (const m of text.matchAll(WORD)) {
    // A case ending after an apostrophe is no part of the name (Aliyev’in, Pashinyan'a).
    const word = m[0].replace(/[’'][\p{Ll}]+$/u, '').replace(/[’'-]+$/, '');
    const start = m.index!;
    const before = text[start - 1];
    const glued = before !== undefined && /[\p{L}\p{N}.]/u.test(before);
    if (NOT_NAMES.has(word) || glued) {
      if (run) found.push(run);
      run = null;
      continue;
    }
    const current: FoundName | null = run;
    if (current && text.slice(current.end, start) === ' ' && current.words < 3) {
      run = { name: `${current.name} ${word}`, start: current.start, end: start + word.length, words: current.words + 1 };
    } else {
      if (run) found.push(run);
      run = { name: word, start, end: start + word.length, words: 1 };
    }
  }
  if (run) found.push(run);
  return found;
}

/** Words that mark a speaker phrase as a person's: titles and occupations in the sources' languages. */
const PERSON_NOUNS =
  /(?:minister|president|ambassador|analyst|adviser|advisor|secretary|senator|spokesperson|spokesman|spokeswoman|chairman|director|leader|official|expert|envoy|diplomat|premier|ministre|président|diplomate|porte-parole|министр|президент|премьер|посол|глава|эксперт|nazir|prezident|başçı|səfir|sədr|spiker|bakan|başkan|cumhurbaşkanı|büyükelçi|նախարար|նախագահ|վարչապետ|դեսպան|խոսնակ)/iu;

/** True when a phrase of at most five words has a person's title as a word of its own ("erməni nazir", not "Cumhurbaşkanlığından"). */
export function titledPerson(phrase: string): boolean {
  const words = phrase.trim().split(/\s+/);
  return words.length <= 5 && words.some((w) => new RegExp(`^${PERSON_NOUNS.source}(?:\\p{L}{0,3})$`, 'iu').test(w));
}

/** True when a speaker the knowledge base does not know reads as a person: a personal name or a person's title. */
export function personLike(phrase: string): boolean {
  return PERSON_NOUNS.test(phrase) || namesIn(phrase).some((n) => n.words >= 2);
}

/** Words a role cannot end with: articles, prepositions, conjunctions (of the sources' languages). */
const TRAILING =
  /(?:^|\s)(?:the|a|an|and|or|but|of|in|on|at|to|for|with|by|since|from|as|that|which|who|whose|than|и|в|на|с|по|для|de|du|des|le|la|les|et|à|en|au|aux|ve|ile|və|ilə|ու|և)$/iu;
/** Verbs that belong to another clause, not to a description of the speaker. */
const CLAUSE_VERB = /(?:^|\s)(?:met|meets|said|says|has|have|had|is|was|were|are|will|would|agreed|signed|told|visited|called)(?:\s|$)/i;

/** A title in the plural ("Armenian and Azerbaijani Foreign Ministers") describes several people, none of them alone. */
const PLURAL_TITLE =
  /(?:ministers|presidents|leaders|ambassadors|officials|ministres|présidents|dirigeants|министры|министров|лидеры|nazirləri|bakanları|նախարարներ\p{L}*)$/iu;

/** A role is what the text says about a person: no trailing function word, no verb of another clause, no dash or quote. */
export function validRole(role: string): boolean {
  const r = role.trim();
  return (
    r.length > 2 &&
    !TRAILING.test(r) &&
    !CLAUSE_VERB.test(r) &&
    !PLURAL_TITLE.test(r) &&
    !/[—–“”"«»]|\s-\s/.test(r) &&
    r.split(/\s+/).length <= 12
  );
}
