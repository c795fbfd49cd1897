import { foldPattern } from '../match/fold';

/** The press languages Backstory reads: English, Russian, French, Turkish, Azerbaijani, Armenian. */
export type PressLanguage = 'en' | 'ru' | 'fr' | 'tr' | 'az' | 'hy';

// Function words per language, folded (lower case, no diacritics) as `foldPattern` gives them.
// They carry no topic: search drops them from queries, and the language guess counts them.
const RAW_STOP_WORDS: Record<PressLanguage, string> = {
  en: `a an and are as at be been but by did do does for from had has have he her his how i in is it its of on or our
    she so than that the their them there these they this those to was we were what when where which who whom why will
    with would you your about after said say says over into also any can could should may might must us me my him
    said saying tell told`,
  ru: `а без бы был была были было в во вот все всё где да для до его ее её если есть же за и из или им их к как ко
    когда кто ли меня мне мы на над не нет ни но о об он она они от по под при про с со так также то того тоже только у
    уже чем что чтобы эта эти это я сказал сказала заявил заявила`,
  fr: `a au aux avec ce ces cette dans de des du elle en est et il ils je la le les leur leurs lui mais me ne nous on
    ou par pas pour qu que qui sa se ses son sur ta te un une vous y dit declare`,
  tr: `ve ile bir bu da de icin gibi ama ne mi mu o su ki cok daha en her ya veya olan olarak ise dedi soyledi`,
  az: `ve ile bir bu da de ucun kimi amma ne o ki cox daha en her ya veya olan olaraq ise dedi bildirdi`,
  hy: `եւ և է են էր որ այդ այս նա նրա ու իր մի համար հետ մեջ էլ բայց թե ասել ասաց`,
};

/** Stop words of every supported language, folded. */
export const STOP_WORDS: ReadonlyMap<PressLanguage, ReadonlySet<string>> = new Map(
  (Object.entries(RAW_STOP_WORDS) as Array<[PressLanguage, string]>).map(([lang, words]) => [
    lang,
    new Set(words.split(/\s+/).filter(Boolean).map(foldPattern)),
  ]),
);

const ALL_STOP_WORDS = new Set([...STOP_WORDS.values()].flatMap((s) => [...s]));

/** Whether a folded word is a function word in any supported language. */
export function isStopWord(folded: string): boolean {
  return ALL_STOP_WORDS.has(folded);
}

/**
 * Guesses the language of a text from its script (Cyrillic, Armenian) or, in
 * Latin script, from which language's function words it uses most. Returns
 * null when there are too few words to tell.
 */
export function guessLanguage(text: string): PressLanguage | null {
  const words = text.match(/[\p{L}]+/gu) ?? [];
  if (words.length < 3) return null;
  const count = (re: RegExp) => words.filter((w) => re.test(w)).length;
  if (count(/\p{Script=Armenian}/u) > words.length / 2) return 'hy';
  if (count(/\p{Script=Cyrillic}/u) > words.length / 2) return 'ru';
  const folded = words.map(foldPattern);
  let best: PressLanguage = 'en';
  let bestHits = -1;
  for (const lang of ['en', 'fr', 'tr', 'az'] as const) {
    const stop = STOP_WORDS.get(lang)!;
    const hits = folded.filter((w) => stop.has(w)).length;
    if (hits > bestHits) [best, bestHits] = [lang, hits];
  }
  // Azerbaijani and Turkish share most function words; ə, x and q are Azerbaijani letters.
  if (best === 'tr' && /[əƏ]/.test(text)) return 'az';
  return best;
}

// Negation words and affixes, per language. Dropping one reverses what was said.
const NEGATION_WORDS = new Set(
  [
    ...['not', 'cannot', 'never', 'no', 'without', 'nor', 'neither', 'none', 'nothing', "can't", "won't", "don't", "isn't"],
    ...['не', 'нет', 'никогда', 'без', 'ни', 'нельзя'],
    ...['ne', 'pas', 'jamais', 'sans', 'aucun', 'aucune', 'non', "n'"],
    ...['degil', 'asla', 'hic', 'yok', 'deyil', 'hec', 'yox'],
    ...['ոչ', 'երբեք', 'առանց'],
  ].map(foldPattern),
);

/** Whether a folded word negates: a negation word in a supported language, or a negated verb form. */
export function isNegation(folded: string): boolean {
  if (NEGATION_WORDS.has(folded)) return true;
  // English contractions ("doesn't", "wouldn't").
  if (/(?:do|does|did|is|are|was|were|would|could|should|has|have|had|ca|wo)n'?t$/.test(folded)) return true;
  // French elision "n'" before a verb ("n'est").
  if (/^n'/.test(folded)) return true;
  // Armenian negates verbs with the prefix չ- (չեմ, չի, չէր, չենք); a few common words begin with չ without negating.
  if (/^չ\p{L}/u.test(folded) && !/^չ(?:ափ|որս|ինաստան|ինական)/u.test(folded)) return true;
  // Turkish and Azerbaijani negate verbs with -ma/-me before the tense ("imzalamayacak", "gelmiyor", "yapmadı", "imzalamır").
  if (/^\p{Script=Latin}{3,}m(?:[ae](?:y[ae]c|d[ıi]|m[ıi]s|z|l[ıi]|s[ıi]n)|[ıiuü]yor|[ıi]r)/u.test(folded)) return true;
  return false;
}
