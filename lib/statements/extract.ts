import type { CorpusDoc, Passage, Sentence } from '../corpus/types';
import type { Mention } from '../match/types';
import { findStatedDate } from './dates';
import {
  ALL_ACCORDING_AFTER,
  ALL_ACCORDING_BEFORE,
  ALL_PRONOUN_ACCORDING,
  ALL_PRONOUN_VERBS,
  ALL_VERBS,
  ANAPHOR_RE,
  B,
  COMPLEMENTIZERS,
  E,
  LANGUAGES,
  NAME_AFTER_RE,
  NAME_BEFORE_RE,
  NOMINAL_VERBS,
  PARTICIPLE_SUBJECT_RE,
  REPORTING_VERBS,
  PRONOUN_RE,
  QUESTION_RE,
  STOP_RE,
  THIS_WAS_RE,
  VERBS_BEFORE_SPEAKER,
} from './languages';
import { namesIn, personLike, titledPerson, validRole } from './names';
import { findPartialQuotes, findQuotes, quoteWords, type QuoteSpan } from './quotes';
import type { QuotedTerm, Speaker, Statement } from './types';

/** What the extractor needs to know about entities: their kind, display name, and the date of a document or agreement. */
export interface EntityInfo {
  kind: string;
  name: string;
  /** When a document or agreement was adopted (YYYY, YYYY-MM or YYYY-MM-DD), where the knowledge base knows it. */
  date?: string;
}

/** Inputs for one document: its entity mentions per passage (offsets into passage text). */
export interface ExtractInput {
  doc: CorpusDoc;
  mentions: Map<string, Mention[]>;
  entities: Map<string, EntityInfo>;
}

/** English speech verbs, for the English-only forms (split quotes, reported speech). */
const SPEECH_VERBS = LANGUAGES.en.verbs.join('|');
/** Every language's speech verbs, for attributing quotations. */
const VERB_RE = new RegExp(`${B}(${ALL_VERBS})${E}`, 'gu');
const PRONOUNS = PRONOUN_RE;
/** A name right after a preposition is an object, not the one who acts. */
const OBJECT_BEFORE = /\b(?:to|with|for|by|from|of|at|on|about|against|and|met)\s+(?:\p{Lu}\p{Ll}+\s+)?$/u;
/** Kinds that speak but are no person: they never get a role. */
const NON_PERSON_KINDS = new Set(['document', 'agreement', 'country', 'place', 'route', 'event']);
/** "Secretary of State", "Minister of Foreign Affairs": the "of" of a title, not of an object. */
const TITLE_WITH_OF = /\b(?:Secretary|Minister|Head|Chairman|Director)\s+of\s+(?:State|Foreign Affairs|Defen[cs]e)\s+$/;
const PASSIVE_BEFORE = /\b(was|were|been|be|is|are)\s+(\w+ly\s+|then\s+)?$/i;
const SPEAKER_KIND_ORDER = ['person', 'organisation', 'document', 'agreement', 'country', 'place', 'route', 'event'];
/** A person mention is a sentence subject when a verb follows it (optionally after an appositive). */
const SUBJECT_AFTER =
  /^(?:,\s+(?:the|an?|who|whose|[A-Z][\w’']*)\b[^,]{0,120},)?,?\s+(?:(?:also|then|further|separately|again|repeatedly|has|have|had|is|was|will|would|previously)\s+)*(?!to\b|and\b|or\b|of\b|in\b|on\b|at\b|for\b|with\b|the\b|a\b)[a-z][a-z-]*(?:ed|s|id|ote|old|et|ent|ade|ook|ew|an|ld)\b/;

interface SentenceRef {
  passage: Passage;
  passageIndex: number;
  sentence: Sentence;
  sentenceIndex: number;
}

/** Extracts every direct quotation and reported statement from one document, and its quoted terms. */
export function extractStatements(input: ExtractInput): { statements: Statement[]; terms: QuotedTerm[] } {
  const { doc } = input;
  const statements: Statement[] = [];
  const terms: QuotedTerm[] = [];
  /** Speaker of the statements in each sentence, for pronouns that point back. */
  const sentenceSpeakers = new Map<string, Speaker>();
  const sentences: SentenceRef[] = [];
  doc.passages.forEach((passage, passageIndex) =>
    passage.sentences.forEach((sentence, sentenceIndex) => sentences.push({ passage, passageIndex, sentence, sentenceIndex })),
  );
  const key = (s: SentenceRef) => `${s.passage.id}#${s.sentenceIndex}`;
  const sentenceAt = (passage: Passage, offset: number) =>
    sentences.find((s) => s.passage === passage && offset >= s.sentence.start && offset < Math.max(s.sentence.end, s.sentence.start + 1)) ??
    sentences.filter((s) => s.passage === passage).at(-1)!;
  const ctx: Ctx = { input, sentences, sentenceSpeakers, key, statements };
  /** Quotations still open at their paragraph's end. */
  const openEnded = new Set<Statement>();
  /** The open quotation a paragraph without marks goes on with, by paragraph. */
  const carried = new Map<string, Statement>();

  doc.passages.forEach((passage, passageIndex) => {
    const paired = findQuotes(passage.text);
    const prevPassage = doc.passages[passageIndex - 1];
    /** The quotation the paragraph before left open: one this paragraph continues (its opening mark is there). */
    const opened =
      prevPassage?.kind === 'paragraph'
        ? (statements.find((st) => st.kind === 'direct' && st.passage === prevPassage.id && openEnded.has(st)) ??
          carried.get(prevPassage.id))
        : undefined;
    // A paragraph after one that ends in a colon opens with the quotation it introduces, even when the page lost the mark.
    const introduced = prevPassage?.kind === 'paragraph' && /:\s*$/.test(prevPassage.text);
    // A quotation the page left open (or whose opening mark it lost) is a quotation to its paragraph's edge.
    const partial: QuoteSpan[] =
      passage.kind === 'paragraph'
        ? findPartialQuotes(passage.text)
            .filter((p) => !paired.some((q) => p.open >= 0 && q.open === p.open))
            // A paragraph that closes a quotation opened earlier is its continuation, unless an attribution follows.
            .filter((p) => p.open >= 0 || introduced || /\p{L}/u.test(passage.text.slice(p.close + 1, p.close + 40)))
            .map((p) => ({ open: p.open, close: p.close, style: 'double' as const }))
        : [];
    const quotes = [...paired, ...partial].sort((a, b) => a.open - b.open);
    let counter = 0;
    const nextId = () => `${passage.id}-s${++counter}`;
    let previous: { statement: Statement; quote: QuoteSpan } | null = null;
    const quotedSentences = new Set<number>();
    for (const quote of quotes) {
      const inner = passage.text.slice(quote.open + 1, quote.close);
      const words = quoteWords(inner);
      const before = passage.text.slice(0, Math.max(0, quote.open));
      const after = passage.text.slice(quote.close + 1, quote.close + 60);
      // A quotation inside another is part of its words (a title, or speech reported by the speaker).
      const nested = quotes.some((q) => q !== quote && q.open < quote.open && q.close > quote.close);
      const attributedShort = ATTRIBUTED_AFTER.test(after);
      // A "title" that ends like a sentence is the lead quotation some outlets open with ("“…”. Bunu X deyib.").
      const sentenceLike = passage.kind === 'title' && /[.!?…։](?:["”»’]*)$|["”»’][.!?…։]$/u.test(passage.text.trim());
      const termReason: QuotedTerm['reason'] | null =
        passage.kind !== 'paragraph' && !sentenceLike
          ? 'heading'
          : nested
            ? 'nested'
            : (/\b(called|dubbed|known as|referred to as|so-called|termed|described as)\s*\(?\s*$/i.test(before) && words.length <= 4) ||
                (words.length <= 6 &&
                  !attributedShort &&
                  (NAME_BEFORE_RE.test(before) || NAME_AFTER_RE.test(passage.text.slice(quote.close + 1))))
              ? 'name'
              : words.length <= 2 || (words.length === 3 && !attributedShort)
                ? 'scare-quote'
                : null;
      if (termReason) {
        terms.push({ passage: passage.id, start: quote.open + 1, end: quote.close, text: inner, reason: termReason });
        continue;
      }
      const sref = sentenceAt(passage, Math.max(0, quote.open));
      quotedSentences.add(sref.sentenceIndex);
      // The second half of a split quote: “…,” she said, cannot be “…”.
      if (previous && previous.statement.passage === passage.id && quote.open >= 0) {
        const between = passage.text.slice(previous.quote.close + 1, quote.open);
        if (new RegExp(`^[,.]?\\s*(he|she|they|[A-Z][\\w’'-]+)\\s+(${SPEECH_VERBS})\\b,?\\s+[a-z][^“”"‘.]{0,40}$`).test(between)) {
          const s: Statement = previous.statement;
          s.text = `${s.text} … ${cleanQuoteText(inner)}`;
          s.end = quote.close + 1;
          previous = { statement: s, quote };
          continue;
        }
      }
      let attribution = attributeQuote(
        ctx,
        passage,
        sref,
        quote,
        previous,
        quotes.find((q) => q.open > quote.close),
      );
      // One quotation over two paragraphs has one speaker: the attribution after its end, else the one before its start.
      if (quote.open < 0 && opened) {
        if (attribution.speaker.name === 'unattributed' && VERB_ONLY_AFTER.test(passage.text.slice(quote.close + 1, quote.close + 60))) {
          const subject = subjectBefore(ctx, sentenceAt(prevPassage!, opened.start), opened.start);
          if (subject) attribution = { speaker: subject, confidence: 0.8 };
        }
        if (attribution.speaker.name === 'unattributed') attribution = { speaker: opened.speaker, confidence: opened.confidence };
        else if (opened.speaker.name === 'unattributed' || opened.confidence < attribution.confidence) {
          opened.speaker = attribution.speaker;
          opened.confidence = attribution.confidence;
        }
      }
      const statement: Statement = {
        id: nextId(),
        kind: 'direct',
        speaker: attribution.speaker,
        text: cleanQuoteText(inner),
        doc: doc.id,
        passage: passage.id,
        start: Math.max(0, quote.open),
        end: Math.min(passage.text.length, quote.close + 1),
        docDate: doc.provenance.date,
        dateSource: 'published',
        confidence: attribution.confidence,
      };
      statements.push(statement);
      if (quote.close >= passage.text.length) openEnded.add(statement);
      sentenceSpeakers.set(key(sref), statement.speaker);
      previous = { statement, quote };
    }
    if (passage.kind !== 'paragraph') return;
    // A paragraph with no marks between one that opens a quotation and one that closes it is inside the quotation.
    if (quotes.length === 0 && opened) {
      carried.set(passage.id, opened);
      return;
    }
    passage.sentences.forEach((sentence, sentenceIndex) => {
      if (quotedSentences.has(sentenceIndex)) return;
      const sref = sentences.find((s) => s.passage === passage && s.sentenceIndex === sentenceIndex)!;
      // A sentence inside a quotation that runs over several sentences is the quotation's, not the article's.
      if (statements.some((st) => st.kind === 'direct' && st.passage === passage.id && st.start < sentence.end && st.end > sentence.start))
        return;
      const reported: Reported | null = findReported(ctx, sref) ?? findReportedInLanguages(ctx, sref);
      if (!reported) return;
      // "… . Об этом заявил X": the statement is the sentence before, which may end the paragraph before.
      const over = reported.over ?? sref;
      if (statements.some((st) => st.passage === over.passage.id && st.start < over.sentence.end && st.end > over.sentence.start)) return;
      const statement: Statement = {
        id: nextId(),
        kind: 'reported',
        speaker: reported.speaker,
        text: reported.text,
        doc: doc.id,
        passage: over.passage.id,
        start: over.sentence.start,
        end: reported.over ? over.sentence.end : sentence.end,
        docDate: doc.provenance.date,
        dateSource: 'published',
        confidence: reported.confidence,
      };
      statements.push(statement);
      sentenceSpeakers.set(key(sref), statement.speaker);
    });
  });
  // A speaker's role, when the quoting sentence gives none, is the one the document gave at an earlier mention.
  for (const statement of statements) {
    if (!statement.speaker.id || statement.speaker.role) continue;
    if (NON_PERSON_KINDS.has(input.entities.get(statement.speaker.id)?.kind ?? '')) continue;
    const role = firstRoleInDoc(ctx, statement.speaker.id);
    if (role) statement.speaker = { ...statement.speaker, role };
  }
  for (const statement of statements) Object.assign(statement, datesFor(ctx, statement));
  statements.sort((a, b) => a.passage.localeCompare(b.passage, 'en', { numeric: true }) || a.start - b.start);
  return { statements, terms };
}

interface Ctx {
  input: ExtractInput;
  /** The statements found so far, for pronouns that point into a quotation. */
  statements: Statement[];
  /** Full names in the document by their last word, made on first use. */
  fullNames?: Map<string, string>;
  sentences: SentenceRef[];
  sentenceSpeakers: Map<string, Speaker>;
  key: (s: SentenceRef) => string;
}

function firstRoleInDoc(ctx: Ctx, entityId: string): string | undefined {
  for (const s of ctx.sentences) {
    for (const m of mentionsIn(ctx, s.passage, s.sentence.start, s.sentence.end)) {
      if (m.entity !== entityId) continue;
      const role = roleAround(s.passage.text, m, s.sentence.start, s.sentence.end);
      if (role) return role;
    }
  }
  return undefined;
}

function cleanQuoteText(inner: string): string {
  return inner.trim().replace(/[,]$/, '');
}

/**
 * The date the text gives for a statement, else the publication date, and which of the two it is.
 * A document or agreement speaks with the words it was adopted with: its own date, where the knowledge base knows it.
 * Otherwise the date stated in the statement's sentence or the one before it, or in an
 * earlier paragraph's sentence that names the same speaker ("In a letter hand-delivered on Monday, Biden …").
 */
function datesFor(ctx: Ctx, s: Statement): Pick<Statement, 'dateSource' | 'dateText' | 'statedOn'> {
  const stated = (found: { dateText: string; statedOn: string }) => ({ dateSource: 'stated' as const, ...found });
  const entity = s.speaker.id ? ctx.input.entities.get(s.speaker.id) : undefined;
  if (entity?.date && NON_PERSON_KINDS.has(entity.kind)) return stated({ dateText: entity.name, statedOn: entity.date });
  const index = ctx.sentences.findIndex((x) => x.passage.id === s.passage && s.start < Math.max(x.sentence.end, x.sentence.start + 1));
  const here = ctx.sentences[index];
  if (!here) return { dateSource: 'published' };
  const textOf = (x: SentenceRef) => x.passage.text.slice(x.sentence.start, x.sentence.end);
  const surname = s.speaker.name.split(/\s+/).at(-1)!;
  // The speaker acts in the sentence: "to Aliyev on Monday" dates the letter Aliyev received, not what he said.
  const actor = (x: SentenceRef, at: number) => !OBJECT_BEFORE.test(x.passage.text.slice(x.sentence.start, at).replace(TITLE_WITH_OF, ''));
  const names = (x: SentenceRef) =>
    s.speaker.id
      ? mentionsIn(ctx, x.passage, x.sentence.start, x.sentence.end).some((m) => m.entity === s.speaker.id && actor(x, m.start))
      : surname.length > 3 &&
        /^\p{Lu}/u.test(surname) &&
        textOf(x).includes(surname) &&
        actor(x, x.sentence.start + textOf(x).indexOf(surname));
  const own = findStatedDate(textOf(here), s.docDate, 'english');
  if (own) return stated(own);
  // The other languages' dates carry no "on": only one in the attribution dates the statement ("об этом 21 апреля он
  // заявил"); one in the reported or quoted words dates what they tell of ("заявил, что 8 августа …").
  const sentenceText = textOf(here);
  const attribution =
    s.kind === 'direct'
      ? [...sentenceText].map((ch, i) => (here.sentence.start + i >= s.start && here.sentence.start + i < s.end ? ' ' : ch)).join('')
      : sentenceText.replace(s.text, (m) => ' '.repeat(m.length));
  const inAttribution = findStatedDate(attribution, s.docDate, 'other');
  if (inAttribution) return stated(inAttribution);
  // The sentence before: its date, unless it is a month that dates that sentence's own event ("In July 2022, …")
  // rather than the speaker's.
  const prev = ctx.sentences[index - 1];
  const before = prev && prev.passage === here.passage ? findStatedDate(textOf(prev), s.docDate, 'english') : null;
  if (before && (!/^In\s/.test(before.dateText) || names(prev!))) return stated(before);
  for (let i = index - 1; i >= 0 && here.passageIndex - ctx.sentences[i]!.passageIndex <= 6; i--) {
    const x = ctx.sentences[i]!;
    if (x.passage === here.passage || x.passage.kind !== 'paragraph' || !names(x)) continue;
    const found = findStatedDate(textOf(x), s.docDate, 'english');
    if (found) return stated(found);
  }
  return { dateSource: 'published' };
}

/** Entity mentions in a passage between two offsets. */
function mentionsIn(ctx: Ctx, passage: Passage, from: number, to: number): Mention[] {
  return (ctx.input.mentions.get(passage.id) ?? []).filter((m) => m.start >= from && m.end <= to);
}

/** Picks the entity a speaker phrase names: a person first, then an organisation, and so on. */
function speakerFromPhrase(ctx: Ctx, passage: Passage, from: number, to: number, last = true): Speaker | null {
  const found = mentionsIn(ctx, passage, from, to);
  const kindOf = (m: Mention) => ctx.input.entities.get(m.entity)?.kind ?? '';
  // A person is the likeliest speaker; otherwise the nearest (or first) organisation, country, place or document.
  for (const group of [['person'], SPEAKER_KIND_ORDER.filter((k) => k !== 'person' && k !== 'event')]) {
    const ofKind = found.filter((m) => group.includes(kindOf(m)));
    const pick = last ? ofKind.at(-1) : ofKind[0];
    if (pick) {
      // Only a person has a role; a document, place, state, agreement or organisation speaks as itself.
      const role = kindOf(pick) === 'person' ? roleAround(passage.text, pick, from, to) : undefined;
      return { id: pick.entity, name: ctx.input.entities.get(pick.entity)!.name, ...(role ? { role } : {}) };
    }
  }
  return null;
}

/** The role a text gives a speaker, when it reads as one (see validRole). */
function roleAround(text: string, m: Mention, from: number, to: number): string | undefined {
  const role = roleWords(text, m, from, to);
  return role && validRole(role) ? role : undefined;
}

/** Words before the name ("Azerbaijani analyst") or an appositive after it. */
function roleWords(text: string, m: Mention, from: number, to: number): string | undefined {
  const after = /^,\s+((?:the|an?)\s+[^,.]{3,80}?)(?:,|\.|$)/.exec(text.slice(m.end, Math.max(to, m.end + 90)));
  if (after && !/\b(said|has|have|had|is|was)\b/.test(after[1]!)) return after[1]!.trim();
  const beforeText = text.slice(from, m.start);
  const apposBefore =
    /(?:^|[,;]\s+|\b(?:by|with|and|while|as|of)\s+)((?:[A-Z][\w’'-]*\s+)?(?:[a-z][\w’'-]*\s+){0,6}?(?:in\s+[A-Z][\w]+\s*)?),\s*$/.exec(
      beforeText,
    );
  if (
    apposBefore &&
    /\b(ambassador|minister|president|analyst|adviser|advisor|secretary|senator|spokesperson|chairman|director|leader|official|expert|envoy)\b/i.test(
      apposBefore[1]!,
    )
  )
    return apposBefore[1]!.trim();
  const before = /((?:[A-Z][\w’'.-]*\s+|[a-z][\w’'-]*\s+){1,6})$/.exec(beforeText);
  if (before) {
    const words = before[1]!.trim().split(/\s+/);
    // Keep the title-like words directly before the name ("US Secretary of State", "Azerbaijani analyst").
    const titleStart = words.findIndex((w) =>
      /^(US|U\.S\.|Azerbaijani|Armenian|Russian|Turkish|French|Iranian|Georgian|American|Senator|President|Prime|Foreign|Secretary|Deputy|Ambassador|analyst|Minister|Supreme|Senior|National)$/i.test(
        w,
      ),
    );
    if (titleStart >= 0) {
      const role = words
        .slice(titleStart)
        .join(' ')
        .replace(/^(the|a|an)\s+/i, '')
        // The given name and initials before a surname the knowledge base matched alone ("… of State Antony J. Blinken").
        .replace(/(?:\s+\p{Lu}\p{Ll}+)?(?:\s+\p{Lu}\.)+$/u, '');
      if (role.length > 2) return role;
    }
  }
  return undefined;
}

/** The sentence subject when it is a known entity: a person followed by a verb, else the first entity before a verb. */
function sentenceSubject(ctx: Ctx, sref: SentenceRef, upTo?: number): Speaker | null {
  const { passage, sentence } = sref;
  const end = upTo ?? sentence.end;
  for (const m of mentionsIn(ctx, passage, sentence.start, end)) {
    const info = ctx.input.entities.get(m.entity);
    if (!info || (info.kind !== 'person' && info.kind !== 'organisation')) continue;
    if (SUBJECT_AFTER.test(passage.text.slice(m.end, sentence.end))) {
      const role = info.kind === 'person' ? roleAround(passage.text, m, sentence.start, sentence.end) : undefined;
      return { id: m.entity, name: info.name, ...(role ? { role } : {}) };
    }
  }
  return null;
}

/** Resolves he/she/they: the subject earlier in the same sentence, else the last speaker or subject before. */
function resolvePronoun(ctx: Ctx, sref: SentenceRef, offset: number): Speaker | null {
  const same = sentenceSubject(ctx, sref, offset);
  if (same) return same;
  // "Никол Пашинян готов …, об этом он заявил": the person this sentence opened with (SUBJECT_AFTER reads only English).
  const opener = mentionsIn(ctx, sref.passage, sref.sentence.start, offset).find(
    (m) => ctx.input.entities.get(m.entity)?.kind === 'person',
  );
  if (
    opener &&
    !/[A-Za-z]/.test(sref.passage.text.slice(sref.sentence.start, opener.start)) &&
    !/^[\p{Script=Latin}\s\p{P}\d]*$/u.test(sref.passage.text.slice(sref.sentence.start, offset))
  )
    return { id: opener.entity, name: ctx.input.entities.get(opener.entity)!.name };
  const index = ctx.sentences.indexOf(sref);
  for (let i = index - 1; i >= Math.max(0, index - 4); i--) {
    const s = ctx.sentences[i]!;
    if (s.passage.kind !== 'paragraph') continue;
    // A sentence inside a quotation: its speaker, not the people the quotation names.
    const quoted = ctx.statements.find(
      (st) => st.kind === 'direct' && st.passage === s.passage.id && st.start <= s.sentence.start && st.end > s.sentence.start,
    );
    if (quoted && quoted.speaker.name !== 'unattributed') return quoted.speaker;
    // The people a quotation names are no antecedents of a pronoun outside it.
    if (quoted) continue;
    const spoke = ctx.sentenceSpeakers.get(ctx.key(s));
    if (spoke?.id && ctx.input.entities.get(spoke.id)?.kind === 'person') return spoke;
    const subject = sentenceSubject(ctx, s);
    if (subject) return subject;
    if (spoke && spoke.name !== 'unattributed' && personLike(spoke.name)) return spoke;
    const first = firstPersonIn(ctx, s);
    if (first) return first;
  }
  return null;
}

/**
 * The first person a sentence names, for languages whose subjects SUBJECT_AFTER does not read: a known person,
 * or a personal name by its capitals ("Nikol Pachinian", "Alen Simonyan"; a lone surname once the full name was given).
 */
function firstPersonIn(ctx: Ctx, s: SentenceRef): Speaker | null {
  const text = s.passage.text.slice(s.sentence.start, s.sentence.end);
  const known = mentionsIn(ctx, s.passage, s.sentence.start, s.sentence.end).find(
    (m) => ctx.input.entities.get(m.entity)?.kind === 'person',
  );
  // A full name nearest the sentence's speech verb (the speaker, not the places and agencies around it), else the first;
  // a lone surname only as the sentence's first word, where the subject stands.
  const all = namesIn(text);
  const verb = [...text.matchAll(VERB_RE)][0]?.index;
  const full = all.filter((n) => n.words >= 2);
  const nearest = verb === undefined ? full[0] : [...full].sort((a, b) => Math.abs(a.end - verb) - Math.abs(b.end - verb))[0];
  const named = all.find((n) => n.start === 0 && (n.words >= 2 || fullNameOf(ctx, n.name))) ?? nearest;
  if (named && (!known || s.sentence.start + named.start < known.start)) {
    const full = named.words >= 2 ? named.name : fullNameOf(ctx, named.name)!;
    const entity = mentionsIn(ctx, s.passage, s.sentence.start + named.start, s.sentence.start + named.end)[0];
    if (!entity) return { name: full };
  }
  if (known) return { id: known.entity, name: ctx.input.entities.get(known.entity)!.name };
  return null;
}

/** The full name a lone surname stands for: a name of two or three words earlier in the document ending with it. */
function fullNameOf(ctx: Ctx, surname: string): string | undefined {
  if (!ctx.fullNames) {
    ctx.fullNames = new Map();
    for (const s of ctx.sentences) {
      for (const n of namesIn(s.passage.text.slice(s.sentence.start, s.sentence.end))) {
        const last = n.name.split(' ').at(-1)!;
        if (n.words >= 2 && !ctx.fullNames.has(last)) ctx.fullNames.set(last, n.name);
      }
    }
  }
  // A case ending on the surname ("Միրզոյանն", "Միրզոյանին", "Пашиняна"): the same stem, at most three letters longer or shorter.
  return (
    ctx.fullNames.get(surname) ??
    [...ctx.fullNames].find(([last]) => {
      const stem = Math.min(last.length, surname.length) - 3;
      return stem >= 4 && Math.abs(last.length - surname.length) <= 3 && last.slice(0, stem) === surname.slice(0, stem);
    })?.[1]
  );
}

/** Resolves "this text", "the declaration": the nearest earlier phrase with that head noun. */
function resolveDescription(ctx: Ctx, sref: SentenceRef, phrase: string): Speaker | null {
  const head = /\b(this|the)\s+(?:\w+\s+)?(text|document|statement|declaration|strategy|agreement)\b/i.exec(phrase);
  if (!head) return null;
  const noun = head[2]!.toLowerCase();
  const nouns = noun === 'text' || noun === 'document' ? 'statement|declaration|document' : noun;
  const index = ctx.sentences.indexOf(sref);
  for (let i = index; i >= Math.max(0, index - 6); i--) {
    const s = ctx.sentences[i]!;
    const text = s.passage.text.slice(s.sentence.start, i === index ? phrase.length + s.sentence.start : s.sentence.end);
    const re = new RegExp(`\\b(?:an?|the)\\s+((?:[\\w-]+\\s+){0,4}?(?:${nouns})(?:\\s+of\\s+independence)?)\\b`, 'gi');
    const all = [...text.matchAll(re)].filter(
      (m) => i !== index || m.index! + s.sentence.start < s.sentence.start + phrase.length - head[0].length,
    );
    const last = all.at(-1);
    if (!last) continue;
    const from = s.sentence.start + last.index!;
    const entity = speakerFromPhrase(ctx, s.passage, from, from + last[0].length);
    if (entity) return entity;
    if (i !== index) {
      const words = last[1]!.replace(/^(this|that)\s+/i, '');
      return documentNamed(ctx, words) ?? { name: words };
    }
  }
  return null;
}

/**
 * The one document or agreement in the knowledge base whose name holds every word of a description
 * ("declaration of independence" → "Armenian Declaration of Independence (1990)"); none when several could be meant.
 */
function documentNamed(ctx: Ctx, description: string): Speaker | null {
  const words = description
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => w.length > 3);
  if (words.length < 2) return null;
  const fits = [...ctx.input.entities].filter(
    ([, e]) => (e.kind === 'document' || e.kind === 'agreement') && words.every((w) => e.name.toLowerCase().includes(w)),
  );
  return fits.length === 1 ? { id: fits[0]![0], name: fits[0]![1].name } : null;
}

/** A bare title, alone or with one word of description ("премьер", "erməni nazir", "the U.S. Secretary"). */
function anaphoric(phrase: string): boolean {
  const words = phrase.split(/\s+/);
  if (namesIn(phrase).some((n) => n.words >= 2)) return false;
  return (
    ANAPHOR_RE.test(phrase) ||
    (words.length >= 2 && /^\p{Ll}/u.test(words[0]!) && ANAPHOR_RE.test(words.slice(1).join(' '))) ||
    (words.length >= 3 && ANAPHOR_RE.test([words[0], ...words.slice(2)].join(' ')))
  );
}

/** Connectives before a speaker phrase ("При этом политик", "Ayrıca Paşinyan"). */
const CONNECTOR = /^(?:при этом|также|затем|кроме того|ayrıca|həmçinin|par ailleurs|en outre|also|then)\s+/iu;
/** Openers that address the reader, not a speaker ("Xatırladaq ki,", "Напомним,", "Rappelons que", "Նշենք, որ"). */
const READER_OPENER = /^(?:xatırladaq ki|qeyd edək ki|hatırlatalım ki|напомним|отметим|rappelons que|նշենք, որ|հիշեցնենք, որ)[,\s]+/iu;

/** Turns a speaker phrase into a speaker: an entity, a pronoun's referent, a described document, or the words. */
function speakerFromText(ctx: Ctx, sref: SentenceRef, from: number, to: number): { speaker: Speaker; confidence: number } | null {
  const { passage } = sref;
  const phrase = passage.text
    .slice(from, to)
    .trim()
    .replace(/^[-–—\s]+|[\s.:։,;]+$/gu, '')
    .replace(/^(and|while|but|as|when)\b\s*/i, '')
    // The quotative particle that joins a quotation to its verb ("“…”, – deyə dövlətimizin başçısı vurğulayıb").
    .replace(/^(?:deyə|diye)\s+/u, '')
    .replace(/\s+(also|further|then|again|has|have|had|separately)$/i, '')
    .trim();
  if (!phrase) return null;
  const lastWord = phrase.split(/\s+/).at(-1)!;
  if (PRONOUNS.test(lastWord) || (PRONOUNS.test(phrase.split(/\s+/)[0]!) && phrase.split(/\s+/).length <= 2)) {
    const resolved = resolvePronoun(ctx, sref, to);
    return resolved ? { speaker: resolved, confidence: 0.85 } : null;
  }
  // "пояснил премьер", "Политик отметил", "deyə dövlətimizin başçısı vurğulayıb": a bare title points back like a pronoun.
  if (anaphoric(phrase.replace(CONNECTOR, ''))) {
    const resolved = resolvePronoun(ctx, sref, from);
    if (resolved) return { speaker: resolved, confidence: 0.75 };
  }
  // "a statement from the Armenian Foreign Ministry": the one who issued it.
  const issued = /^(?:an?|the)\s+(?:\w+\s+)?(?:statement|report|readout|release|communiqué|message)\s+(?:from|by|of|issued by)\s+/i.exec(
    phrase,
  );
  if (issued) {
    const at = passage.text.indexOf(phrase, from) + issued[0].length;
    const r = speakerFromText(ctx, sref, at, at + phrase.length - issued[0].length);
    if (r) return r;
  }
  if (/^which$/i.test(phrase)) {
    // "…the latest U.S. National Security Strategy released in October 22, which asserts"
    const antecedent = /\bthe\s+(?:latest\s+|new\s+)?((?:[A-Z][\w.]*\s*)+)/.exec(passage.text.slice(sref.sentence.start, from));
    if (antecedent) return { speaker: { name: antecedent[1]!.trim() }, confidence: 0.7 };
  }
  const described = /^(this|the)\s/i.test(phrase) ? resolveDescription(ctx, sref, passage.text.slice(sref.sentence.start, to)) : null;
  if (described) return { speaker: described, confidence: 0.7 };
  // The speaker is in the phrase's first part: "Nikol Pachinian à Erevan, selon Tass" is Pachinian, not Yerevan.
  const cutAt = /[,(]|\s(?:à|в|dans|lors)\s/u.exec(passage.text.slice(from, to));
  const entity = (cutAt ? speakerFromPhrase(ctx, passage, from, from + cutAt.index) : null) ?? speakerFromPhrase(ctx, passage, from, to);
  // "Azerbaycan Cumhurbaşkanı", "the Armenian prime minister": a person's title, not the country it names.
  const titleOfPlace = entity && NON_PERSON_KINDS.has(ctx.input.entities.get(entity.id!)?.kind ?? '') && personLike(phrase);
  // "US State Department spokesman Matthew Miller": the person the organisation's title belongs to.
  const spokesperson =
    entity &&
    ctx.input.entities.get(entity.id!)?.kind !== 'person' &&
    namesIn(phrase.split(/[,(]/)[0]!).some((n) => n.words >= 2 && !entity.name.includes(n.name));
  // "Ալիևի հատուկ … ներկայացուցիչ Էլչին Ամիրբեկովը", "Aliyev's envoy Elchin Amirbekov": the person named last heads the phrase.
  const head = entity && !titleOfPlace && !spokesperson ? headNameAfter(ctx, passage, from, to, entity) : null;
  if (head) return { speaker: head, confidence: 0.8 };
  if (entity && !titleOfPlace && !spokesperson) return { speaker: entity, confidence: 0.95 };
  const unknown = unknownSpeaker(ctx, phrase);
  return unknown ? { speaker: unknown, confidence: 0.75 } : null;
}

/**
 * A full personal name after a known person in the same phrase, with no comma, conjunction or verb between: the
 * known person is a possessor ("Aliyev's special envoy Elchin Amirbekov"), the name the one who speaks.
 */
function headNameAfter(ctx: Ctx, passage: Passage, from: number, to: number, entity: Speaker): Speaker | null {
  const mention = mentionsIn(ctx, passage, from, to)
    .filter((m) => m.entity === entity.id)
    .at(-1);
  if (!mention) return null;
  const rest = passage.text.slice(mention.end, to);
  const name = namesIn(rest)
    .filter((n) => n.words >= 2)
    .at(-1);
  if (!name || mentionsIn(ctx, passage, mention.end + name.start, mention.end + name.end).length) return null;
  const between = rest.slice(0, name.start);
  if (/[,;:()]|\s(?:and|и|et|ve|və|ու|և)\s/u.test(between) || [...between.matchAll(VERB_RE)].length > 0 || between.split(/\s+/).length > 8)
    return null;
  return { name: name.name };
}

/**
 * A speaker the knowledge base does not know, in the text's own words: the phrase up to its first comma or
 * preposition; within it a personal name, with the words before it as the role when they describe a person.
 */
function unknownSpeaker(ctx: Ctx, phrase: string): Speaker | null {
  // The subject stands nearest the verb in verb-final languages: "…, Ankara Universitetinin professoru, siyasi şərhçi Toğrul İsmayıl".
  const segments = phrase.split(/[,(]/);
  const last = segments.at(-1)!.trim();
  const lastName = namesIn(last).at(-1);
  const firstHasName = namesIn(segments[0]!).some((n) => n.words >= 2);
  let cut = !firstHasName && lastName && lastName.words >= 2 && lastName.end === last.length ? last : segments[0]!.trim();
  const stop = STOP_RE.exec(cut);
  if (stop && stop.index > 0) cut = cut.slice(0, stop.index).trim();
  cut = cut.replace(/[«»“”"„]/g, '').trim();
  if (!cut) return null;
  const names = namesIn(cut);
  const name =
    names.filter((n) => n.words >= 2).at(-1) ??
    // A lone surname is a name only where the phrase ends with it ("a martelé Pachinian"), not "the Armenian prime minister".
    names.find((n) => n.end === cut.length && fullNameOf(ctx, n.name)) ??
    (cut.split(/\s+/).length <= 2 && names.length === 1 ? names[0] : undefined);
  if (name) {
    const role = cut
      .slice(0, name.start)
      .trim()
      .replace(/^(?:the|a|an|le|la|les|l’|l')\s*/i, '')
      .trim();
    const described = role && role.split(/\s+/).length <= 5 && personLike(role) && validRole(role);
    return { name: name.words >= 2 ? name.name : (fullNameOf(ctx, name.name) ?? name.name), ...(described ? { role } : {}) };
  }
  if (cut.split(/\s+/).length > 8) return null;
  return { name: cut.replace(/^(the|a|an)\s+/i, (m) => m.toLowerCase()) };
}

function noteSpeaker(ctx: Ctx, passage: Passage, offset: number): Speaker | null {
  const ref = passage.noteRefs.find((n) => n.offset >= offset && n.offset <= offset + 2);
  if (!ref) return null;
  const note = ctx.input.doc.notes[ref.note];
  if (!note) return null;
  const m = /^((?:[A-Z]\.){2,})\s*,?\s*(.*?)(?:,\s*[A-Z][a-z]+,\s*\w+\s+\d{4}\.?)?$/.exec(note);
  const role = (m ? m[2]! : note.replace(/,\s*[A-Z][a-z]+,\s*\w+\s+\d{4}\.?$/, '')).replace(/,\s*[A-Z][a-z]+$/, '').trim();
  return { name: m ? m[1]! : role, role, note: ref.note };
}

const LEAD = String.raw`^[\s,.]*[-–—]*\s*`;
/** A quotation followed at once by its attribution ("…” according to Brussels", "…», — заявил"). */
const ATTRIBUTED_AFTER = new RegExp(`${LEAD}(?:${ALL_VERBS}|${ALL_PRONOUN_VERBS}|${ALL_ACCORDING_BEFORE})${E}`, 'iu');
const PRONOUN_VERB_AFTER = new RegExp(`${LEAD}(?:${ALL_PRONOUN_VERBS})${E}`, 'iu');
const ACCORDING_AFTER_QUOTE = new RegExp(`${LEAD}(?:${ALL_ACCORDING_BEFORE})${E}\\s*([^,.;]+)`, 'iu');
const POST = new RegExp(
  `${LEAD}(?:(${VERBS_BEFORE_SPEAKER})${E}\\s+(.{2,120}?)(?:[:։;]|\\.\\s|[.]?$)|(.{1,80}?)\\s+(${ALL_VERBS})${E})`,
  'u',
);
const POST_TO_COMMA = new RegExp(`${LEAD}(${VERBS_BEFORE_SPEAKER})${E}\\s+([^,;:]{2,80}?),`, 'u');
const VERB_ONLY_AFTER = new RegExp(`${LEAD}(?:${ALL_VERBS})${E}`, 'iu');
/** "…,” TASS quoted Nikol Pashinyan": the quoted person speaks, not the agency. */
const QUOTED_BY = /^[\s,.]*[^,.;“”"]{0,40}?\bquoted\s+([^,.;]+)/;
/** "…,” read a statement by Michel". */
const STATEMENT_BY = /^[\s,.]*(?:read|reads)\s+(?:a|the)\s+statement\s+(?:by|from)\s+([^,.;]+)/;
const ACCORDING_BEFORE_QUOTE = new RegExp(`${B}(?:${ALL_ACCORDING_BEFORE})\\s+([^,]+?),?\\s*$`, 'iu');
const PRONOUN_ACCORDING = new RegExp(`${B}(?:${ALL_PRONOUN_ACCORDING})${E}`, 'iu');
const ACCORDING_AFTER_SPEAKER = new RegExp(`(\\S+(?:\\s+\\S+){0,3}?)\\s+(?:${ALL_ACCORDING_AFTER})[\\s,՝:]*$`, 'u');
/** "Politoloqun sözlərinə görə, …": an "according to" that opens the sentence covers every clause of it. */
const ACCORDING_AFTER_AT_START = new RegExp(`^\\s*(\\S+(?:\\s+\\S+){0,3}?)\\s+(?:${ALL_ACCORDING_AFTER})${E}[\\s,՝:]`, 'u');
const ENDS_INTRO = new RegExp(`(?:[:]|(?:${ALL_VERBS})[.:։])\\s*$`, 'u');

/** Attributes one direct quotation. */
function attributeQuote(
  ctx: Ctx,
  passage: Passage,
  sref: SentenceRef,
  quote: QuoteSpan,
  previous: { statement: Statement; quote: QuoteSpan } | null,
  nextQuote: QuoteSpan | undefined,
): { speaker: Speaker; confidence: number } {
  const text = passage.text;
  const openAt = Math.max(0, quote.open);
  const closing = ctx.sentences.find((s) => s.passage === passage && quote.close >= s.sentence.start && quote.close < s.sentence.end);
  let sentenceEnd = Math.max(closing?.sentence.end ?? sref.sentence.end, quote.close + 1);
  // The segmenter ends a sentence at "?”" even when it goes on in lower case ("…?” dedi", "…?” he asked").
  for (const next of ctx.sentences.filter((s) => s.passage === passage && s.sentence.start >= sentenceEnd)) {
    if (
      /\S/.test(text.slice(sentenceEnd, next.sentence.start)) ||
      !/^[\s,]*\p{Ll}/u.test(text.slice(next.sentence.start, next.sentence.end))
    )
      break;
    sentenceEnd = next.sentence.end;
  }
  const afterEnd = Math.min(sentenceEnd, nextQuote ? nextQuote.open : sentenceEnd);
  const after = text.slice(quote.close + 1, afterEnd);
  const withNote = (result: { speaker: Speaker; confidence: number }, at: number) => {
    const note = noteSpeaker(ctx, passage, at);
    return note ? { speaker: { ...note, role: note.role || result.speaker.role }, confidence: Math.max(result.confidence, 0.85) } : result;
  };
  const unattributed = { speaker: { name: 'unattributed' }, confidence: 0.2 };
  // A question put to the speaker ("'…?' sorusuna") is not the speaker's words.
  if (QUESTION_RE.test(after)) return unattributed;
  // After the quote: ", he said", ", said Hasmik Tolmajyan, the …", "», — заявил Пашинян", "», a-t-il déclaré", "according to …".
  const afterStart = quote.close + 1;
  /** The speaker in a pattern's group, with a note reference right after it ("according to an expert.2"). */
  const group = (re: RegExp) => {
    const m = re.exec(after);
    if (!m) return null;
    const from = afterStart + after.indexOf(m[1]!, m[0].length - m[1]!.length);
    const r = speakerFromText(ctx, sref, from, from + m[1]!.length);
    return r ? withNote(r, from + m[1]!.length) : null;
  };
  if (PRONOUN_VERB_AFTER.test(after)) {
    const p = resolvePronoun(ctx, sref, openAt);
    if (p) return withNote({ speaker: p, confidence: 0.85 }, afterStart);
  }
  for (const re of [ACCORDING_AFTER_QUOTE, QUOTED_BY, STATEMENT_BY]) {
    const r = group(re);
    if (r) return r;
  }
  // A long sentence goes on after the speaker ("…», communique le ministère …, déclaration reprise …"): the speaker ends at a comma.
  const post = POST.exec(after) ?? POST_TO_COMMA.exec(after);
  if (post) {
    const lead = after.length - after.trimStart().length;
    if (post[1]) {
      const from = afterStart + after.indexOf(post[2]!, lead);
      const r = speakerFromText(ctx, sref, from, from + post[2]!.length);
      if (r) return withNote(r, afterStart);
    }
    // "…», – Ժնեւում լրագրողներին ասել է նա": a pronoun after the verb is its subject, the words before are adverbials.
    const verbEnd = post[3] && !post[1] ? after.indexOf(post[4]!, after.indexOf(post[3])) + post[4]!.length : -1;
    const inverted = verbEnd >= 0 ? /^\s+(\p{L}+)\s*[:։.,]?\s*$/u.exec(after.slice(verbEnd)) : null;
    if (inverted && PRONOUNS.test(inverted[1]!)) {
      const p = resolvePronoun(ctx, sref, openAt);
      if (p) return withNote({ speaker: p, confidence: 0.85 }, afterStart);
    }
    if (
      !post[1] &&
      post[3] &&
      (/\p{Lu}/u.test(post[3]) || PRONOUNS.test(post[3].trim().replace(/^[-–—\s]+/u, '')) || personLike(post[3])) &&
      !/[“”"‘«»,]|\baccording\b/u.test(post[3]) &&
      !/^(while|and|but|as|when|although|because|whereas|if)\b/i.test(post[3])
    ) {
      const from = afterStart + after.indexOf(post[3]!);
      const r = speakerFromText(ctx, sref, from, from + post[3]!.length);
      if (r) return withNote(r, afterStart);
    }
  }
  // Before the quote, in the same sentence: "Bayramov also claimed that ‘", "an expert stated: “", "calling it a ‘".
  const clauseStart = previous && previous.quote.close > sref.sentence.start ? previous.quote.close + 1 : sref.sentence.start;
  const before = text.slice(clauseStart, openAt);
  // "Sözlərinə davam edən Hacıyev, “…”": a speech verb's participle before its subject, and nothing after the quotation.
  const participle = /^[\s.,]*$/.test(after) ? PARTICIPLE_SUBJECT_RE.exec(before) : null;
  if (participle) {
    const from = clauseStart + participle.index + participle[0].indexOf(participle[1]!);
    const r = speakerFromText(ctx, sref, from, from + participle[1]!.length);
    if (r) return withNote({ speaker: r.speaker, confidence: Math.min(r.confidence, 0.8) }, afterStart);
  }
  // The verb after the quote and the speaker before it ("Aliyev, “…” dedi", "Azerbaycan Cumhurbaşkanı, “…” ifadelerini kullandı").
  if (VERB_ONLY_AFTER.test(after)) {
    const subject =
      subjectBefore(ctx, sref, openAt) ?? (previous && previous.quote.close > sref.sentence.start ? previous.statement.speaker : null);
    if (subject) return withNote({ speaker: subject, confidence: 0.8 }, afterStart);
  }
  if (/\bcalling\s+(it|them)\b[^,]*$/.test(before)) {
    const subject = sentenceSubject(ctx, sref) ?? resolveLeadingPronoun(ctx, sref);
    if (subject) return withNote({ speaker: subject, confidence: 0.85 }, quote.close + 1);
  }
  // "According to the Armenian Prime Minister, “…”", "По его словам, …«…»", "Նրա խոսքով ՝ "…"".
  if (PRONOUN_ACCORDING.test(before)) {
    const p = resolvePronoun(ctx, sref, clauseStart);
    if (p) return { speaker: p, confidence: 0.8 };
  }
  const accordingBefore =
    ACCORDING_BEFORE_QUOTE.exec(before) ?? ACCORDING_AFTER_SPEAKER.exec(before) ?? ACCORDING_AFTER_AT_START.exec(before);
  if (accordingBefore) {
    const from = clauseStart + accordingBefore.index + accordingBefore[0].indexOf(accordingBefore[1]!);
    const r = speakerFromText(ctx, sref, from, from + accordingBefore[1]!.length);
    if (r) return { speaker: r.speaker, confidence: Math.min(r.confidence, 0.85) };
  }
  const verbs = [...before.matchAll(VERB_RE)].filter((v) => !PASSIVE_BEFORE.test(before.slice(0, v.index)));
  const verb = verbs.at(-1);
  if (verb) {
    const verbAt = clauseStart + verb.index!;
    const head = text.slice(clauseStart, verbAt);
    const boundary = Math.max(head.lastIndexOf(','), head.lastIndexOf(';'), head.lastIndexOf('—'));
    const from = clauseStart + (boundary >= 0 ? boundary + 1 : 0);
    let r = speakerFromText(ctx, sref, from, verbAt);
    if (!r || !r.speaker.id) {
      const wider = speakerFromPhrase(ctx, passage, clauseStart, verbAt, false);
      if (wider && !r) r = { speaker: wider, confidence: 0.8 };
    }
    if (!r && boundary >= 0) {
      const coordinated = previous && previous.quote.close > sref.sentence.start ? previous.statement.speaker : null;
      if (coordinated) r = { speaker: coordinated, confidence: 0.85 };
    }
    if (r) return withNote(r, quote.close + 1);
  }
  const fromNote = noteSpeaker(ctx, passage, quote.close + 1);
  if (fromNote) return { speaker: fromNote, confidence: 0.8 };
  const fromNeighbour = /^[\s.,:;]*$/.test(after)
    ? (speakerNamedNext(ctx, sref, closing) ?? speakerIntroduced(ctx, sref, text.slice(sref.sentence.start, openAt)))
    : null;
  if (fromNeighbour) return { speaker: fromNeighbour, confidence: 0.75 };
  // A quotation that opens its paragraph after a paragraph of reported speech ("O bildirib ki, …" / "“…”") goes on with its speaker.
  if (openAt === 0 && /^[\s.,:;]*$/.test(after)) {
    const index = ctx.sentences.indexOf(sref);
    const prev = ctx.sentences[index - 1];
    const reported =
      prev &&
      prev.passage !== passage &&
      ctx.statements.find((st) => st.kind === 'reported' && st.passage === prev.passage.id && st.end >= prev.sentence.end);
    if (reported) return { speaker: reported.speaker, confidence: 0.6 };
  }
  // No speech verb: the sentence subject (a person, or a described document such as "The declaration").
  const subject = sentenceSubject(ctx, sref) ?? resolveLeadingPronoun(ctx, sref);
  if (subject) return { speaker: subject, confidence: 0.6 };
  const np = leadingNounPhrase(text.slice(sref.sentence.start, openAt));
  if (np) {
    const from = sref.sentence.start + np.offset;
    const r = speakerFromText(ctx, sref, from, from + np.text.length);
    if (r) return { speaker: r.speaker, confidence: 0.5 };
  }
  return unattributed;
}

/** The speaker before a quotation whose verb follows it: the last person named, a pronoun, or the phrase before the comma. */
function subjectBefore(ctx: Ctx, sref: SentenceRef, openAt: number): Speaker | null {
  const { passage } = sref;
  let sentence = sref.sentence;
  let base = sref;
  // A sentence the segmenter began in lower case (" sorusuna, '…'") goes on from the one before.
  const index = ctx.sentences.indexOf(sref);
  const prev = ctx.sentences[index - 1];
  if (prev && prev.passage === passage && /^[\s,]*\p{Ll}/u.test(passage.text.slice(sentence.start, openAt))) {
    sentence = { start: prev.sentence.start, end: sentence.end };
    base = prev;
  }
  const person = mentionsIn(ctx, passage, sentence.start, openAt)
    .filter((m) => ctx.input.entities.get(m.entity)?.kind === 'person')
    .at(-1);
  if (person) {
    const role = roleAround(passage.text, person, sentence.start, openAt);
    return { id: person.entity, name: ctx.input.entities.get(person.entity)!.name, ...(role ? { role } : {}) };
  }
  const before = passage.text.slice(sentence.start, openAt);
  // The subject opens the sentence ("O, jurnalistin sualına toxunaraq, “…” deyib"): a pronoun there points back.
  const opening = /^\s*(\p{L}+)\s*,/u.exec(before);
  if (opening && PRONOUNS.test(opening[1]!)) return resolvePronoun(ctx, base, sentence.start);
  const clause = /([^,.;:«»“”"]+?)[,\s]*$/u.exec(before);
  if (!clause) return null;
  const from = sentence.start + clause.index;
  return speakerFromText(ctx, sref, from, from + clause[1]!.length)?.speaker ?? null;
}

/** "“…”. Bunu X deyib." / "«…». Об этом заявил X.": the next sentence names the speaker of the quotation. */
function speakerNamedNext(ctx: Ctx, sref: SentenceRef, closing: SentenceRef | undefined): Speaker | null {
  const index = ctx.sentences.indexOf(closing ?? sref);
  const next = ctx.sentences[index + 1];
  // The next sentence of the paragraph, or the next paragraph's first when the quotation ends its own.
  if (!next || (next.passage !== sref.passage && next.sentenceIndex !== 0)) return null;
  const text = next.passage.text.slice(next.sentence.start, next.sentence.end);
  // A line of its own under a pulled quotation: "– Арарат Мирзоян".
  const byline = /^[–—-]\s*([^.,;:]{2,60})$/u.exec(text.trim());
  if (byline && next.passage !== sref.passage) return unknownSpeaker(ctx, byline[1]!);
  if (next.passage !== sref.passage && next.passage.kind !== 'paragraph') return null;
  const m = THIS_WAS_RE.exec(text);
  if (!m || m.index > 60) return null;
  const rest = text.slice(m.index + m[0].length);
  const verbs = [...rest.matchAll(VERB_RE)];
  const from = next.sentence.start + m.index + m[0].length;
  const to = verbs.length ? from + verbs.at(-1)!.index! : next.sentence.end;
  return speakerFromText(ctx, next, from, to)?.speaker ?? null;
}

/**
 * A quotation that opens its sentence after one that introduces it ("O, qeyd edib:", "…şu sözleri aktardı:",
 * "«Հրապարակ» թերթը գրում է."): the speaker of that sentence, in this paragraph or at the end of the one before.
 */
function speakerIntroduced(ctx: Ctx, sref: SentenceRef, lead: string): Speaker | null {
  if (lead.trim() !== '') return null;
  const index = ctx.sentences.indexOf(sref);
  const prev = ctx.sentences[index - 1];
  if (!prev || prev.passage.kind !== 'paragraph') return null;
  if (prev.passage !== sref.passage && sref.sentence.start !== 0) return null;
  const text = prev.passage.text.slice(prev.sentence.start, prev.sentence.end);
  if (!ENDS_INTRO.test(text)) return null;
  // The introducing sentence may have been cut short by the segmenter ("…50. Uluslararası …"): look one further back.
  const before = ctx.sentences[index - 2];
  const scope = before && before.passage === prev.passage ? before.sentence.start : prev.sentence.start;
  const person = mentionsIn(ctx, prev.passage, scope, prev.sentence.end)
    .filter((m) => ctx.input.entities.get(m.entity)?.kind === 'person')
    .at(-1);
  if (person) return { id: person.entity, name: ctx.input.entities.get(person.entity)!.name };
  const first = text.split(/[\s,]+/)[0] ?? '';
  if (PRONOUNS.test(first)) return resolvePronoun(ctx, prev, prev.sentence.start);
  const verbs = [...text.matchAll(VERB_RE)];
  const to = prev.sentence.start + (verbs.length ? verbs.at(-1)!.index! : text.length);
  return speakerFromText(ctx, prev, prev.sentence.start, to)?.speaker ?? null;
}

/** "He also referenced …": a sentence that opens with a pronoun points back. */
function resolveLeadingPronoun(ctx: Ctx, sref: SentenceRef): Speaker | null {
  const opening = /^(He|She|They)\b/.exec(sref.passage.text.slice(sref.sentence.start, sref.sentence.end));
  return opening ? resolvePronoun(ctx, sref, sref.sentence.start) : null;
}

/** The subject noun phrase at the start of a clause, skipping an introductory phrase ("In line with X, the EU Council"). */
function leadingNounPhrase(clause: string): { text: string; offset: number } | null {
  let offset = 0;
  const intro = /^(?:(?:In|On|At|After|Following|Since|During|Through|Despite|Before|Previously|Meanwhile|However)\b[^,]{0,80},\s*)/.exec(
    clause,
  );
  if (intro) offset = intro[0].length;
  const rest = clause.slice(offset);
  const np =
    /^((?:the|a|an|some|both|this|these)\s+)?(?:[\w’'.-]+\s+){0,4}?(?=(?:has|have|had|is|are|was|were|will|would|also|itself|includes|include|agreed|deployed|[a-z]+ed)\b)/i.exec(
      rest,
    );
  if (!np || np[0].trim() === '') return null;
  return { text: np[0].trim().replace(/\s+itself$/, ''), offset };
}

/** Reported speech in one sentence: "X said/claimed/stated … that …", "according to X, …", "…, according to X". */
function findReported(ctx: Ctx, sref: SentenceRef): { speaker: Speaker; text: string; confidence: number } | null {
  const { passage, sentence } = sref;
  const s = passage.text.slice(sentence.start, sentence.end);
  const accordingFirst = /^According to ([^,]+),\s+(.+)$/.exec(s);
  if (accordingFirst) {
    const from = sentence.start + 'According to '.length;
    const r = speakerFromText(ctx, sref, from, from + accordingFirst[1]!.length);
    if (r) return { speaker: r.speaker, text: accordingFirst[2]!.replace(/\.$/, ''), confidence: Math.min(r.confidence, 0.8) };
  }
  const accordingLast = /^(.+),\s+according to ([^,]+?)\.?$/.exec(s);
  if (accordingLast) {
    const from = sentence.start + s.lastIndexOf(accordingLast[2]!);
    const r = speakerFromText(ctx, sref, from, from + accordingLast[2]!.length);
    if (r) return { speaker: r.speaker, text: accordingLast[1]!, confidence: Math.min(r.confidence, 0.8) };
  }
  const re = new RegExp(
    `\\b(${SPEECH_VERBS})\\b((?:\\s+(?:on\\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|[A-Z][a-z]+ \\d{1,2}))?(?:\\s+\\w+){0,2}?(?:\\s+that\\b|:)|\\s+(?=(?:they|he|she|it|we)\\s)|(?<=\\b(?:said|says|doubted|insist|insists|insisted|warned|claimed|argued)\\b)\\s+(?=(?:a|an|the)\\s)|(?<=\\bsaying\\b)\\s+)`,
  );
  const m = re.exec(s);
  if (!m) return null;
  const verb = m[1]!;
  const head = s.slice(0, m.index);
  if (PASSIVE_BEFORE.test(head) || /\b(It|it)\s+(was\s+)?(then\s+)?$/.test(head)) return null;
  const content = s
    .slice(m.index + m[0].length)
    .trim()
    .replace(/\.$/, '');
  if (content.split(/\s+/).length < 3) return null;
  let result: { speaker: Speaker; confidence: number } | null = null;
  if (/ing$/.test(verb)) {
    // "…, saying that …" and "…, affirming that …": the speaker is the main clause's subject.
    const subject = sentenceSubject(ctx, sref) ?? resolveLeadingPronoun(ctx, sref);
    if (subject) result = { speaker: subject, confidence: 0.75 };
    else {
      const np = leadingNounPhrase(head);
      if (np) result = { speaker: { name: np.text }, confidence: 0.65 };
    }
  } else {
    const introEnd = /^(?:(?:In|On|After|Following|Since|During|Meanwhile|However|Previously)\b[^,]{0,80},\s*)/.exec(head)?.[0].length ?? 0;
    const from = sentence.start + introEnd;
    const to = sentence.start + m.index;
    const phrase = passage.text.slice(from, to).trim();
    const lastWord = phrase.split(/\s+/).at(-1) ?? '';
    if (PRONOUNS.test(lastWord) || /^(He|She|They)\b/.test(phrase)) {
      const p = resolvePronoun(ctx, sref, from);
      if (p) result = { speaker: p, confidence: 0.8 };
    } else {
      const found = speakerFromPhrase(ctx, passage, from, to, false);
      // "The U.S. Secretary declared that": a title that points back, not the country it names.
      const titled =
        found && NON_PERSON_KINDS.has(ctx.input.entities.get(found.id!)?.kind ?? '') && anaphoric(phrase)
          ? resolvePronoun(ctx, sref, from)
          : null;
      const entity = titled ?? found;
      if (entity) result = { speaker: entity, confidence: 0.8 };
      else {
        const np = leadingNounPhrase(phrase + ' has') ?? { text: phrase, offset: 0 };
        if (np.text.split(/\s+/).length <= 8) result = { speaker: { name: np.text }, confidence: 0.65 };
      }
    }
  }
  return result ? { speaker: result.speaker, text: content, confidence: result.confidence } : null;
}

/** Reported speech found by the rules of every language, with the sentence it covers when that is another one. */
interface Reported {
  speaker: Speaker;
  text: string;
  confidence: number;
  /** The sentence that holds the reported words ("… . Об этом заявил X": the one before). */
  over?: SentenceRef;
}

/** "X заявил, что …", "X a déclaré que …", "X bildirib ki, …", "X-ը նշել է, որ …". */
const COMPLEMENT_RE = new RegExp(`${B}(${REPORTING_VERBS})${E}([^.!?;:«»“”"]{0,60}?)[,\\s]\\s*(?:${COMPLEMENTIZERS})[\\s,]*(.+)$`, 'u');
/** "…olduğunu söyledi", "…olduğunu da vurğulayıb": a nominalised clause (-DIğInI, -AcAğInI) before the verb at the end. */
const NOMINAL_RE = new RegExp(
  `${B}\\p{L}+(?:[dt][ıiuü][ğy][ıiuü]|[ae]c[ae][ğy][ıi]|əcəyi|[dt][ıiuü][kq]l[ae]r[ıi]|[ae]c[ae]kl[ae]r[ıi])n[ıiuü](?:\\s+(?:da|de|də))?\\s+(?:${NOMINAL_VERBS})[.!]?$`,
  'u',
);
const NOMINAL_VERB_END = new RegExp(`\\s+(?:${NOMINAL_VERBS})[.!:]?$`, 'u');
/** "По словам X, …", "Selon X, …", "Ըստ X-ի, …". */
const ACCORDING_FIRST_RE = new RegExp(`^(?:${ALL_ACCORDING_BEFORE})\\s+([^,՝]{2,60}?)\\s*[,՝]\\s*(.+)$`, 'iu');
/** "По его словам, …", "D’après lui, …", "Onun sözlərinə görə, …", "Նրա խոսքով՝ …". */
const PRONOUN_ACCORDING_FIRST_RE = new RegExp(`^(?:${ALL_PRONOUN_ACCORDING})${E}[\\s,՝:]+(.+)$`, 'iu');
/** "X-in sözlərinə görə, …", "X’e göre, …". */
const ACCORDING_AFTER_FIRST_RE = new RegExp(`^(\\S+(?:\\s+\\S+){0,3}?)\\s+(?:${ALL_ACCORDING_AFTER})${E}[\\s,՝:]+(.+)$`, 'u');
/** "…, об этом 21 апреля он заявил, …": the words before are what was said. */
const THIS_WAS_INSIDE_RE = new RegExp(`^(.{20,}?),\\s*(?:${alternationOf(LANGUAGES.ru.thisWas)})\\s+(.+)$`, 'iu');
/** Adverbials of place, time and recipient at the end of a verb-final speaker phrase ("parlamentdə çıxışı zamanı", "jurnalistlərə"). */
const TRAILING_ADVERBIAL =
  /(?:\s+(?:\p{L}+(?:da|də|de|ta|te|dan|dən|den|ten|tan|a|ə|ya|yə|na|nə|ye|e)|\p{L}+\s+(?:zamanı|zamanında|sırasında|əsnasında|sonra|əvvəl|öncə|önce|üçün|için)))+$/u;

function alternationOf(items: string[]): string {
  return [...items].sort((a, b) => b.length - a.length).join('|');
}

/** A speaker that may be given reported words: a person (known or named), a known organisation or document, a resolved pronoun. */
function canReport(ctx: Ctx, r: { speaker: Speaker } | null): r is { speaker: Speaker; confidence: number } {
  if (!r || r.speaker.name === 'unattributed') return false;
  const kind = r.speaker.id ? ctx.input.entities.get(r.speaker.id)?.kind : undefined;
  if (kind) return kind === 'person' || kind === 'organisation' || kind === 'document' || kind === 'agreement';
  // A speaker the knowledge base does not know: a personal name, or a short phrase with a person's title.
  return namesIn(r.speaker.name).some((n) => n.words >= 2) || titledPerson(r.speaker.name);
}

/** Reported speech in the other languages' constructions, precision first: only a speaker that can speak gets one. */
function findReportedInLanguages(ctx: Ctx, sref: SentenceRef): Reported | null {
  const { passage, sentence } = sref;
  const raw = passage.text.slice(sentence.start, sentence.end);
  const s = raw.replace(READER_OPENER, '');
  const at = (part: string, from = 0) => sentence.start + raw.indexOf(part, from);
  const make = (r: { speaker: Speaker; confidence: number } | null, text: string, over?: SentenceRef): Reported | null =>
    canReport(ctx, r) && text.split(/\s+/).length >= 3
      ? {
          speaker: r.speaker,
          text: text.trim().replace(/[.։:]$/u, ''),
          confidence: Math.min(r.confidence, 0.75),
          ...(over ? { over } : {}),
        }
      : null;
  // "По его словам, …", "Նրա խոսքով՝ …".
  const pronounFirst = PRONOUN_ACCORDING_FIRST_RE.exec(s);
  if (pronounFirst) {
    const p = resolvePronoun(ctx, sref, sentence.start);
    return make(p ? { speaker: p, confidence: 0.7 } : null, pronounFirst[1]!);
  }
  const accordingFirst = ACCORDING_FIRST_RE.exec(s) ?? ACCORDING_AFTER_FIRST_RE.exec(s);
  if (accordingFirst) {
    const from = at(accordingFirst[1]!);
    const found = make(speakerFromText(ctx, sref, from, from + accordingFirst[1]!.length), accordingFirst[2]!);
    if (found) return found;
  }
  // "…, заявил армянский премьер Никол Пашинян", "…, a insisté jeudi le Premier ministre Nikol Pachinian", "…, X said.".
  const inverted = INVERTED_RE.exec(s) ?? INVERTED_EN_RE.exec(s);
  if (inverted) {
    const from = at(inverted[2]!, at(inverted[1]!) - sentence.start + inverted[1]!.length);
    const found = make(speakerFromText(ctx, sref, from, from + inverted[2]!.length), inverted[1]!);
    if (found) return found;
  }
  // "… . Об этом заявил X", "Bu barədə X deyib", "Այս մասին … ասել է X", "Նման հայտարարություն է արել X": the sentence before.
  const complementFirst = COMPLEMENT_RE.exec(s);
  const thisWas = complementFirst && !THIS_WAS_RE.test(complementFirst[3]!.slice(0, 12)) ? null : THIS_WAS_RE.exec(s);
  if (thisWas && thisWas.index <= 60) {
    const index = ctx.sentences.indexOf(sref);
    const prev = ctx.sentences[index - 1];
    const rest = s.slice(thisWas.index + thisWas[0].length);
    const verbs = [...rest.matchAll(VERB_RE)];
    if (prev && prev.passage.kind === 'paragraph' && (prev.passage === passage || sentence.start === 0)) {
      const from = sentence.start + thisWas.index + thisWas[0].length;
      // "Նման հայտարարություն է արել X": the phrase holds its verb, the speaker follows.
      const last = verbs.at(-1) ?? ({ index: 0, 0: '' } as unknown as RegExpExecArray);
      // The speaker stands before the verb (Azerbaijani, Russian "Об этом X заявил") or after it (Armenian, Russian "заявил X").
      // The speaker after the verb (Armenian, "Об этом заявил X") if one stands there, else before it ("Bu barədə X deyib").
      const afterVerb = speakerFromText(
        ctx,
        sref,
        from + last.index! + last[0].length,
        sentence.start + raw.replace(/[\s.։:․]+$/u, '').length,
      );
      const beforeVerb = stripAdverbials(rest.slice(0, last.index!));
      const r = canReport(ctx, afterVerb)
        ? afterVerb
        : beforeVerb
          ? speakerFromText(ctx, sref, from + rest.indexOf(beforeVerb), from + rest.indexOf(beforeVerb) + beforeVerb.length)
          : null;
      const words = prev.passage.text.slice(prev.sentence.start, prev.sentence.end);
      const found = make(r, words, prev);
      if (found) return found;
    }
  }
  // "…, об этом 21 апреля он заявил, обращаясь …".
  const inside = THIS_WAS_INSIDE_RE.exec(s);
  const insideVerb = inside ? [...inside[2]!.matchAll(VERB_RE)][0] : undefined;
  if (inside && insideVerb) {
    const verb = insideVerb;
    const from = at(inside[2]!);
    return make(speakerFromText(ctx, sref, from, from + verb.index!), inside[1]!);
  }
  const complement = COMPLEMENT_RE.exec(s);
  if (complement) {
    const content = complement[3]!;
    if (THIS_WAS_RE.test(content.slice(0, 12))) return null;
    const verbAt = complement.index;
    const head = s.slice(0, verbAt);
    // A participle ("affirmant que") reports for the clause's subject; a finite verb for the words before it.
    if (/(?:ant|ով)$/u.test(complement[1]!)) {
      const first = subjectOf(ctx, sref);
      if (first) return make({ speaker: first, confidence: 0.7 }, content);
      const subject = leadingNounPhrase(head) ?? { text: head.split(/\s+(?:a|ont|est|sont)\s/u)[0]!, offset: 0 };
      const from = at(subject.text);
      return make(speakerFromText(ctx, sref, from, from + subject.text.length), content);
    }
    const comma = head.lastIndexOf(',');
    const base = at(head);
    const from = base + (comma >= 0 && namesOrTitle(head.slice(comma + 1)) ? comma + 1 : 0);
    const phraseEnd = base + head.replace(TRAILING_ADVERBIAL, '').length;
    return make(speakerFromText(ctx, sref, from, Math.max(from, phraseEnd)), content);
  }
  const nominal = NOMINAL_RE.exec(s);
  if (nominal) {
    const body = s.slice(0, nominal.index + nominal[0].length);
    // "… belirten Paşinyan, …", else the subject that opens the sentence ("Ayrıca Paşinyan, …", "Mirzoyan …").
    const participle = new RegExp(
      `${B}(?:${alternationOf([...LANGUAGES.tr.participles, ...LANGUAGES.az.participles])})\\s+([^,]{2,60}?),`,
      'u',
    ).exec(body);
    const subject = participle?.[1] ?? /^(?:(?:Ayrıca|Ancak|Həmçinin|Bundan əlavə)\s+)?([^,]{2,60}?),/u.exec(body)?.[1];
    const named = subject ? speakerFromText(ctx, sref, at(subject), at(subject) + subject.length) : null;
    const first = canReport(ctx, named) ? null : subjectOf(ctx, sref);
    const r = first ? { speaker: first, confidence: 0.65 } : named;
    const verb = NOMINAL_VERB_END.exec(nominal[0])!;
    return make(r, s.slice(0, nominal.index + verb.index).replace(/\s+(?:da|de|də)\s*$/u, ''));
  }
  return null;
}

/** Speech verbs that stand after the words they report, before their speaker ("…, заявил X", "…, a insisté X", "…, indique X"). */
const INVERTED_RE = new RegExp(
  `^(.{20,}?),\\s*(?:[-–—]\\s*)?(?:${VERBS_BEFORE_SPEAKER})${E}\\s+(?:(?:jeudi|vendredi|samedi|dimanche|lundi|mardi|mercredi|hier|ce jour|накануне|вчера|сегодня)\\s+)?([^,]{2,80}?)(?:,\\s*(?:сообщает|передает|передаёт|cité|citée|rapporte|selon|пишет)[^,]*)?[.։]?$`,
  'iu',
);
/** "…, Azerbaijani President Ilham Aliyev said.", "…, X said in an interview with …, News.Az reports." */
const INVERTED_EN_RE =
  /^(.{20,}?),\s+((?:[A-Z][\w.’'-]*\s+|[a-z]+\s+){0,6}?[A-Z][\w’'-]+)\s+(?:said|says|added|noted|stressed|told reporters)\b[^,]*(?:,\s*[^,]*\b(?:reports|reported)\b[^,]*)?\.?$/;

/** Leading adverbials of a speaker phrase: case-marked place and time words, and Russian prepositional phrases. */
function stripAdverbials(phrase: string): string {
  return phrase
    .trim()
    .replace(TRAILING_ADVERBIAL, '')
    .replace(/(?:^|\s+)\p{L}+(?:ում|ին|ից|ով)$/u, '')
    .replace(/(?:^|\s+)(?:в|во|на|с|со|по|перед|после|у)\s.*$/u, '')
    .trim();
}

/**
 * The person a sentence opens with, for languages whose subject comes first (Turkish, Azerbaijani, Armenian): the first
 * known person or full personal name, passing over names in the genitive ("Şurasının", "Fidanın") that own another noun.
 */
function subjectOf(ctx: Ctx, sref: SentenceRef): Speaker | null {
  const { passage, sentence } = sref;
  const text = passage.text.slice(sentence.start, sentence.end);
  const known = mentionsIn(ctx, passage, sentence.start, sentence.end)
    .filter((m) => ctx.input.entities.get(m.entity)?.kind === 'person')
    .map((m) => ({
      at: m.start - sentence.start,
      speaker: { id: m.entity, name: ctx.input.entities.get(m.entity)!.name } as Speaker,
      end: m.end - sentence.start,
    }));
  const named = namesIn(text)
    .filter((n) => n.words >= 2 && !mentionsIn(ctx, passage, sentence.start + n.start, sentence.start + n.end).length)
    .map((n) => ({ at: n.start, speaker: { name: n.name } as Speaker, end: n.end }));
  const genitive = /^(?:[’']?n?[ıiuü]n|ի|ու)(?![\p{L}])/u;
  const first = [...known, ...named]
    .sort((a, b) => a.at - b.at)
    .find((c) => !genitive.test(text.slice(c.end)) && !/(?:ının|inin|unun|ünün|nın|nin|ի)$/u.test(c.speaker.name));
  return first?.speaker ?? null;
}

/** True when a phrase names someone: a personal name, a pronoun, or a person's title. */
function namesOrTitle(phrase: string): boolean {
  return personLike(phrase) || PRONOUNS.test(phrase.trim().split(/\s+/)[0] ?? '') || namesIn(phrase).length > 0;
}
