import type { Provenance } from './types';

const REQUIRED: Array<keyof Provenance> = ['file', 'title', 'publisher', 'date', 'kind'];

/** Parses and checks seeds/sources.json; every problem names the entry. */
export function parseProvenance(json: string, where: string): Provenance[] {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    throw new Error(`Backstory: ${where}: not valid JSON (${(error as Error).message}).`, { cause: error });
  }
  const documents = (data as { documents?: unknown }).documents;
  if (!Array.isArray(documents)) {
    throw new Error(`Backstory: ${where}: expected an object with a "documents" array.`);
  }
  return documents.map((entry: Record<string, unknown>, index: number) => {
    for (const key of REQUIRED) {
      if (typeof entry[key] !== 'string' || (entry[key] as string).trim() === '') {
        throw new Error(
          `Backstory: ${where}: documents[${index}]${entry.file ? ` (${String(entry.file)})` : ''}: missing "${key}"; every seed needs title, publisher, date and kind.`,
        );
      }
    }
    if (!/^\d{4}-\d{2}-\d{2}$/.test(entry.date as string)) {
      throw new Error(`Backstory: ${where}: documents[${index}] (${String(entry.file)}): date "${String(entry.date)}" is not YYYY-MM-DD.`);
    }
    return {
      file: entry.file as string,
      title: entry.title as string,
      publisher: entry.publisher as string,
      author: (entry.author as string | null) ?? null,
      date: entry.date as string,
      dateBasis: entry.dateBasis as string | undefined,
      url: (entry.url as string | null) ?? null,
      kind: entry.kind as string,
      chrome: entry.chrome as Provenance['chrome'],
    };
  });
}

/** The short, stable id of a seed file: its leading number ("000_e8b…txt" → "000"). */
export function docIdForFile(file: string): string {
  const m = /^(\d+)_/.exec(file);
  return m ? m[1]! : file.replace(/\.txt$/, '');
}
