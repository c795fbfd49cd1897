/**
 * What makes a person's description usable as a role in a citation: it names
 * a position ("President of Russia", "Azerbaijani analyst quoted by AFP") and
 * is not a fragment of another sentence ("Azerbaijani and Armenian leaders
 * since the", "Took part … in Sochi").
 */

/** Articles, prepositions, conjunctions and pronouns: a role never ends in one (it would be a cut-off sentence). */
const FUNCTION_WORDS = new Set(
  (
    'a an the and or but nor of in on at to for from by with as since than that which who whom whose this these those ' +
    'its his her their our your my he she it they we you i into onto over under about after before between during ' +
    'against via per is was were are be been has have had'
  ).split(' '),
);

/** Head words of positions and occupations, as the sources name them. */
const POSITION =
  /\b(president|prime minister|minister|secretary|adviser|advisor|director|ambassador|senator|chairman|chair|spokesperson|spokesman|spokeswoman|leader|fellow|analyst|expert|author|envoy|representative|commissioner|head|chief|official|diplomat|governor|mayor|king|queen|deputy)\b/i;

/** Why `role` is not a role (a sentence fragment, or no position named), or null when it is one. */
export function roleProblem(role: string): string | null {
  const text = role.trim().replace(/[.;,]+$/, '');
  if (!text) return 'the role is empty';
  const last = text.split(/\s+/).at(-1)!.toLowerCase();
  if (FUNCTION_WORDS.has(last)) return `the role ends in "${last}", so it is a fragment of a sentence`;
  if (!POSITION.test(text)) return 'the role names no position (such as "President of …" or "… analyst")';
  return null;
}
