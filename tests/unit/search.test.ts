import { describe, expect, it } from 'vitest';
import { BackgroundService } from '../../lib/background/service';
import { message } from '../../lib/messages';
import { loadSearchIndex, search } from '../../lib/search/query';
import { seedBuild } from './seed-data';

const query = (q: string) => {
  const { kb, searchIndex } = seedBuild();
  return search(loadSearchIndex(JSON.parse(JSON.stringify(searchIndex))), kb, q);
};

describe('search index', () => {
  it('puts the entity first for its name', () => {
    expect(query('Zangezur')[0]!.id).toBe('entity:zangezur-corridor');
  });

  it('finds a statement from speaker and words', () => {
    const top = query('Bayramov obstacle')[0]!;
    expect(top.type).toBe('statement');
    expect(top.text).toMatch(/^the most serious obstacle/);
  });

  it('finds an entity by another spelling', () => {
    expect(query('Nakhichevan')[0]!.id).toBe('entity:nakhchivan');
    expect(query('Alma Ata')[0]!.id).toBe('entity:alma-ata-declaration');
  });

  it("finds an entity first by its inflected and romanized forms (the matcher's folding and suffix grammars)", () => {
    expect(query('Пашиняна')[0]!.id).toBe('entity:nikol-pashinyan');
    expect(query('Pachinian')[0]!.id).toBe('entity:nikol-pashinyan');
    expect(query('Aliev')[0]!.id).toBe('entity:ilham-aliyev');
    expect(query('Paşinyan’ın')[0]!.id).toBe('entity:nikol-pashinyan');
    expect(query('Bakıya')[0]!.id).toBe('entity:baku');
    expect(query('Փաշինյանի')[0]!.id).toBe('entity:nikol-pashinyan');
    expect(query('Нагорного Карабаха')[0]!.id).toBe('entity:nagorno-karabakh');
    // Spellings the rules derive (no alias lists them): Armenian script, the Armenian press's Cyrillic, a Russian name in Azerbaijani.
    expect(query('Լավրովի')[0]!.id).toBe('entity:sergey-lavrov');
    expect(query('Ջեյհուն Բայրամովի')[0]!.id).toBe('entity:jeyhun-bayramov');
    expect(query('Нахиджеване')[0]!.id).toBe('entity:nakhchivan');
    expect(query('Mariya Zaxarova')[0]!.id).toBe('entity:maria-zakharova');
    expect(query('Latchine')[0]!.id).toBe('entity:lachin-corridor');
  });

  it('refuses an index of another format version', () => {
    expect(() => loadSearchIndex({ version: 99, index: {} })).toThrow(/version 99, expected 1/);
  });
});

describe('background service', () => {
  it('loads data lazily, once, and answers typed messages', async () => {
    const { kb, searchIndex } = seedBuild();
    let loads = 0;
    const service = new BackgroundService({
      loadKb: async () => (loads++, kb),
      loadIndex: async () => searchIndex,
    });
    expect(loads).toBe(0);
    const card = (await service.handle(message('getCard', { entityId: 'jeyhun-bayramov' }))) as {
      statementsBy: { text: string; docDate: string }[];
    };
    expect(card.statementsBy.some((s) => s.text.startsWith('the most serious obstacle') && s.docDate === '2024-10-22')).toBe(true);
    await service.handle(message('ping', {}));
    expect(loads).toBe(1);
    expect(await service.handle(message('getCard', { entityId: 'nobody' }))).toBeNull();
  });

  it('retries a failed load on the next request', async () => {
    const { kb, searchIndex } = seedBuild();
    let fail = true;
    const service = new BackgroundService({
      loadKb: async () => {
        if (fail) throw new Error('not yet');
        return kb;
      },
      loadIndex: async () => searchIndex,
    });
    await expect(service.handle(message('ping', {}))).rejects.toThrow('not yet');
    fail = false;
    expect(await service.handle(message('ping', {}))).toEqual({ ok: true, entities: kb.entities.length });
  });
});
