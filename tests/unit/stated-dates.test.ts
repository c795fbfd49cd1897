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
});
