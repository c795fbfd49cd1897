import { UserError } from '../i18n/errors';
/** How a file's bytes were read. */
export interface DecodedFile {
  text: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1251';
}

/**
 * Reads a file's bytes as text: UTF-8 (with or without BOM) or UTF-16 with a BOM; bytes that are not UTF-8
 * but read as Cyrillic in Windows-1251 (old Russian files) are decoded as such. Anything else is an error
 * naming the file.
 */
export function decodeFile(name: string, bytes: Uint8Array): DecodedFile {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'utf-16le' };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: new TextDecoder('utf-16be').decode(bytes), encoding: 'utf-16be' };
  if (bytes.includes(0))
    throw new UserError(`Backstory: ${name}: this looks like a binary file, not text (it contains NUL bytes).`, 'errorBinaryFile', {
      name,
    });
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // Windows-1251 puts Cyrillic letters at 0xC0–0xFF; a text in it is mostly those and ASCII.
    let high = 0;
    let cyrillic = 0;
    for (const b of bytes) {
      if (b >= 0x80) high++;
      if (b >= 0xc0) cyrillic++;
    }
    if (high > 0 && cyrillic / high > 0.8) return { text: new TextDecoder('windows-1251').decode(bytes), encoding: 'windows-1251' };
    throw new UserError(
      `Backstory: ${name}: the file is not UTF-8 text, and not Windows-1251 Cyrillic either; save it as UTF-8 and import it again.`,
      'errorNotUtf8',
      { name },
    );
  }
}
