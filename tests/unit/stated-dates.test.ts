import { describe, expect, it } from 'vitest';
import { findStatedDate } from '../../lib/statements/dates';

describe('stated dates', () => {
  it('resolves "on Wednesday" against the publication date, and not at all without one', () => {
    expect(findStatedDate('Pashinian said on Wednesday in remarks', '2024-05-29')?.statedOn).toBe('2024-05-29');
    expect(findStatedDate('Pashinian said on Wednesday in remarks', '')).toBeNull();
    expect(findStatedDate('He spoke on 18 October', '')).toBeNull();
    // A date with its own year needs no publication date.
    expect(findStatedDate('He spoke on October 18, 2023', '')?.statedOn).toBe('2023-10-18');
  });

  it('takes no date from something still to come', () => {
    expect(findStatedDate('Mr Obama lands in Kenya later on Friday for his first visit', '2015-07-24')).toBeNull();
    expect(findStatedDate('He will travel on to Ethiopia on Sunday', '2015-07-24')).toBeNull();
    expect(findStatedDate('He travelled to Ethiopia on Sunday', '2015-07-24')?.statedOn).toBe('2015-07-19');
  });

  it('reads day and month in Russian, French, Turkish, Azerbaijani and Armenian, resolved against the publication date', () => {
    expect(findStatedDate('об этом 21 апреля он заявил', '2023-05-01')?.statedOn).toBe('2023-04-21');
    expect(findStatedDate('le 26 septembre à New-York', '2024-09-27')?.statedOn).toBe('2024-09-26');
    expect(findStatedDate("Hakan Fidan'ın 18 Kasım'da yaptığı konuşma", '2025-11-20')?.statedOn).toBe('2025-11-18');
    expect(findStatedDate('dekabrın 14-də Bakıda', '2024-12-20')?.statedOn).toBe('2024-12-14');
    expect(findStatedDate('Փետրվարի 13-ին Հայաստանի ԱԳՆ-ն', '2025-03-14')?.statedOn).toBe('2025-02-13');
    // A day later in the year than the publication is last year's.
    expect(findStatedDate('21 декабря он заявил', '2024-01-10')?.statedOn).toBe('2023-12-21');
    // Only the forms asked for: the English ones keep their "on".
    expect(findStatedDate('об этом 21 апреля он заявил', '2023-05-01', 'english')).toBeNull();
    expect(findStatedDate('в 2022 году', '2024-01-01')).toBeNull();
  });
});
