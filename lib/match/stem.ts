import { foldPattern } from './fold';
import type { GrammarName } from './grammar';

/**
 * Build-time side of the suffix grammars (grammar.ts): splits an alias into a stem per word and
 * the grammar of what may follow each stem. Runs in Node only; the content script gets the result.
 */

/** An alias as the matcher looks for it: folded stems, and after which folded offsets a suffix may stand. */
export interface InflectedForm {
  folded: string;
  slots: Array<[number, GrammarName]>;
}

/** The press languages whose words inflect, by the alias's language or, without one, its script. */
export function grammarLanguage(text: string, lang: string | undefined): string | undefined {
  if (lang) return lang;
  if (/[\u0400-\u04ff]/.test(text)) return 'ru';
  if (/[\u0531-\u058f]/.test(text)) return 'hy';
  return undefined;
}

const FR_STOPWORDS = new Set(['de', 'du', 'des', 'la', 'le', 'les', 'et', 'en', 'au', 'aux', "d'", "l'"]);

/** Where a Russian word's stem ends (in its own letters) and the grammar of its endings; null when it does not inflect. */
function russianStem(word: string): [number, GrammarName] | null {
  const w = word.toLowerCase();
  if (/\d/.test(w) || w.length < 4) return null;
  if (/(ый|ой|ая|яя|ое|ее|ые)$/.test(w) || /[кгхжшщчн]ий$/.test(w)) return [w.length - 2, 'ru-adj'];
  if (/(ия|ие|ье|[аяьйы])$/.test(w)) return [w.length - 1, 'ru-noun'];
  // Words ending in other vowels are indeclinable (Баку, Сочи, ОБСЕ); consonant stems take every ending.
  if (/[оеёуюиэ]$/.test(w)) return null;
  return [w.length, 'ru-noun'];
}

/** A folded Turkic word's stem with its final stop softened, or null when it has none to soften (or one syllable). */
function softened(word: string, language: string): string | null {
  if ((language !== 'tr' && language !== 'az') || (word.match(/[aeiouə]/g)?.length ?? 0) < 2) return null;
  const to = language === 'tr' ? { k: 'g', p: 'b' } : { k: 'y', q: 'g' };
  const last = word.slice(-1) as keyof typeof to;
  return to[last] && /[aeiouə]/.test(word.slice(-2, -1)) ? word.slice(0, -1) + to[last] : null;
}

/** The form(s) the matcher looks for, for an alias in a language whose words inflect. */
export function inflectedForms(text: string, lang: string | undefined): InflectedForm[] {
  const plain: InflectedForm = { folded: foldPattern(text), slots: [] };
  const language = grammarLanguage(text, lang);
  if (!language) return [plain];
  const words = text.trim().split(/\s+/);
  const foldedWords = words.map((w) => foldPattern(w));
  // Folding word by word must give the same text as folding the whole alias, or offsets would drift.
  if (foldedWords.join(' ') !== plain.folded || foldedWords.some((w) => w === '')) return [plain];
  const slots: Array<[number, GrammarName]> = [];
  let offset = 0;
  const stems: string[] = [];
  words.forEach((word, i) => {
    const folded = foldedWords[i]!;
    const last = i === words.length - 1;
    let stem = folded;
    let grammar: GrammarName | null = null;
    if (language === 'ru') {
      const found = russianStem(word.split('-').pop()!);
      if (found) {
        // The stem of the last part of a hyphenated word; folding keeps a letter's length here (Cyrillic).
        const cut = word.length - (word.split('-').pop()!.length - found[0]);
        stem = foldPattern(word.slice(0, cut));
        grammar = stem.length >= 3 ? found[1] : null;
        if (!grammar) stem = folded;
      }
    } else if ((language === 'tr' || language === 'az') && last && !/\d/.test(word) && word !== word.toUpperCase()) {
      grammar = 'turkic';
    } else if (language === 'hy' && last && word !== word.toUpperCase()) {
      grammar = 'hy';
    } else if (language === 'fr' && /^\p{Ll}{4,}$/u.test(word) && !/[sx]$/.test(word) && !FR_STOPWORDS.has(word)) {
      grammar = 'fr';
    }
    stems.push(stem);
    offset += stem.length;
    if (grammar) slots.push([offset, grammar]);
    offset += 1;
  });
  const forms: InflectedForm[] = [{ folded: stems.join(' '), slots }];
  // Turkish and Azerbaijani soften a final stop before a vowel suffix: Turkish k → ğ and p → b
  // ("Topluluk" → "Topluluğu", "kitap" → "kitabı"), Azerbaijani k → y and q → ğ ("birlik" → "birliyi").
  const soft = softened(foldedWords[foldedWords.length - 1]!, language);
  if (soft && slots.length && slots[slots.length - 1]![0] === plain.folded.length) {
    const folded = stems.slice(0, -1).concat(soft).join(' ');
    forms.push({ folded, slots: [...slots.slice(0, -1), [folded.length, 'turkic-v']] });
  }
  // Armenian stems change before a vowel ending: final -ու becomes -վ ("Բաքու" → "Բաքվում"), and
  // an ի or ու in the last syllable drops ("պայմանագիր" → "պայմանագրի", "խումբ" → "խմբի").
  const lastWord = foldedWords[foldedWords.length - 1]!;
  if (language === 'hy' && lastWord.length > 3 && lastWord !== lastWord.toUpperCase()) {
    const reduced = lastWord.endsWith('ու') ? lastWord.slice(0, -2) + 'վ' : lastWord.replace(/(?:ի|ու)([^աեէըիոօւ]+)$/, '$1');
    if (reduced !== lastWord) {
      const folded = stems.slice(0, -1).concat(reduced).join(' ');
      forms.push({ folded, slots: [[folded.length, 'hy-v']] });
    }
  }
  return forms;
}
