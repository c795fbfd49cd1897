import { beforeAll, describe, expect, it } from 'vitest';
import { buildDocument } from '../../lib/corpus/document';
import { Matcher } from '../../lib/match/matcher';
import { processDocument } from '../../lib/pipeline/process';
import type { Statement } from '../../lib/statements/types';
import { seedBuild } from './seed-data';

beforeAll(() => void seedBuild(), 60_000);

/**
 * Runs the build's pipeline on one text under a headline, as the development set does (real sentences from
 * tests/fixtures/articles*; a short first paragraph would otherwise be read as the title).
 */
function extract(body: string, date = '2025-01-01'): Statement[] {
  const text = `Headline\n\n${body}`;
  const built = seedBuild();
  const entities = new Map(built.kb.entities.map((e) => [e.id, { kind: e.kind, name: e.name }]));
  const doc = buildDocument(
    text,
    { file: 't.txt', title: 't', publisher: 't', author: null, date, url: 'https://example.org', kind: 'news' },
    't.txt',
  );
  return processDocument(doc, { matcher: new Matcher(built.matcher), entities }).statements;
}
const reported = (text: string) => extract(text).filter((s) => s.kind === 'reported');

describe('reported speech in the languages of the press', () => {
  it.each([
    [
      'ru, "X отметил, что …"',
      'Пашинян отметил, что мирный договор должен содержать механизмы, которые исключают подобную ситуацию.',
      /Pashinyan/,
      /^мирный договор/,
    ],
    [
      'fr, "X a précédemment indiqué que …"',
      'Le président azerbaïdjanais Ilham Aliyev a précédemment indiqué que l’armée de son pays n’avait pas l’intention de quitter les territoires.',
      /Aliyev/,
      /^l’armée/,
    ],
    [
      'fr, "…, a insisté jeudi X"',
      'L’Arménie est prête à négocier un accord de paix global avec l’Azerbaïdjan, a insisté jeudi le Premier ministre Nikol Pachinian.',
      /Pashinyan/,
      /^L’Arménie est prête/,
    ],
    [
      'tr, "…-AcAklArInI ifade etti"',
      'Ararat Mirzoyan ise ilişkileri normalleştirmek için süreci koşulsuz olarak sürdüreceklerini ifade etti.',
      /Mirzoyan/,
      /sürdüreceklerini$/,
    ],
    [
      'az, "X bildirib ki, …"',
      'İlham Əliyev bildirib ki, Ermənistan sülh sazişi üçün qarant dövlətlərin olmasını istəyir.',
      /Aliyev/,
      /^Ermənistan sülh/,
    ],
    [
      'hy, "X-ը նշեց, որ …"',
      'Միրզոյանն էլ նշեց, որ բակում մարդկանց շատ կոնկրետ քաղաքական գնահատական էին տալիս։ Արարատ Միրզոյանը ԱԳ նախարար է։',
      /Mirzoyan|Միրզոյան/,
      /^բակում/,
    ],
  ])('%s', (_, text, speaker, words) => {
    const found = reported(text);
    expect(found).toHaveLength(1);
    expect(found[0]!.speaker.name).toMatch(speaker);
    expect(found[0]!.text).toMatch(words);
  });

  it.each([
    [
      'ru',
      'Армения может подписать мирный договор с Азербайджаном в этом году. Об этом заявил армянский премьер-министр Никол Пашинян, сообщает ТАСС.',
      /Pashinyan/,
    ],
    [
      'az',
      'Bakı siyasi iradə göstərsə, Ermənistan və Azərbaycan yaxın 15 gün ərzində sülh sazişi bağlaya bilər. Bu barədə Ermənistan parlamentinin spikeri Alen Simonyan brifinqdə bildirib.',
      /Simonyan/,
    ],
    [
      'hy',
      'Ադրբեջանի նախագահ Իլհամ Ալիևը պատմության մեջ կմտնի որպես առաջնորդ, որը խաղաղություն կբերի տարածաշրջան։ Այս մասին Բուդապեշտում կայացած նիստում ասել է Թուրքիայի նախագահ Ռեջեփ Թայիփ Էրդողանը։',
      /Erdoğan|Էրդողան/,
    ],
  ])('%s: "Об этом / Bu barədə / Այս մասին … X" gives X the sentence before', (_, text, speaker) => {
    const found = reported(text);
    expect(found).toHaveLength(1);
    expect(found[0]!.speaker.name).toMatch(speaker);
    expect(found[0]!.start).toBe(0);
    expect(found[0]!.text).toMatch(/^(?:Армения|Bakı|Ադրբեջանի)/u);
  });

  it('gives no reported statement to a source that is no speaker, or to a paragraph inside a quotation', () => {
    expect(reported('Selon les médias arméniens, il s’est exprimé ce jour lors de la conférence internationale sur la sécurité.')).toEqual(
      [],
    );
    expect(
      reported(
        'Azerbaycan Cumhurbaşkanlığından yapılan açıklamaya göre Azerbaycan Cumhurbaşkanı İlham Aliyev, Münih Güvenlik Konferansı kapsamında gazetecilerin sorularını yanıtladı.',
      ),
    ).toEqual([]);
    const inside =
      '«Հավաքական Արևմուտքը պահանջում է ստորագրել պայմանագիրը։\n\nՓաշինյանն ընդդիմացել է՝ ասելով, որ այդ օրը վատ խորհուրդ ունի հայ ժողովրդի համար։\n\nԻսկ Ադրբեջանն էլ չի կորցրել ախորժակը»։';
    expect(reported(inside)).toEqual([]);
    const byline =
      'Zəngəzur dəhlizi təkcə Şərq-Qərb deyil, həm də Şimal-Cənub nəqliyyat dəhlizi olacaq.\n\nDay.Az AZƏRTAC-a istinadən bildirir ki, bunu Azərbaycan Prezidenti İlham Əliyev "Əl-Ərəbiyyə" kanalına müsahibəsində deyib.';
    expect(reported(byline).map((s) => s.speaker.name)).toEqual(['Ilham Aliyev']);
  });
});

describe('dates of statements in the languages of the press', () => {
  it('takes a date in the attribution, never one in the reported or quoted words', () => {
    const said = reported(
      'Премьер-министр Армении Никол Пашинян готов подписать хоть сегодня документ о мирном договоре, об этом 21 апреля он заявил, обращаясь в парламенте к депутатам оппозиции.',
    );
    expect(said.map((s) => [s.dateSource, s.statedOn])).toEqual([['stated', '2024-04-21']]);
    const told = reported('Премьер-министр Армении Никол Пашинян заявил, что 8 августа в Вашингтоне было достигнуто мирное соглашение.');
    expect(told.map((s) => s.dateSource)).toEqual(['published']);
  });
});

describe('direct quotations in the languages of the press', () => {
  it('takes a quoted name after a naming noun for a name, not a statement', () => {
    const text =
      'Selon les médias arméniens, il s’est exprimé ce jour lors de la conférence internationale « Sécurité globale et résilience 2025 ».';
    expect(extract(text).filter((s) => s.kind === 'direct')).toEqual([]);
  });

  it('gives a quotation over two paragraphs the speaker its closing attribution names', () => {
    const text =
      'Aliyev, mutabakatı "Güney Kafkasya için tarihi olay" şeklinde niteleyip, "Bugün paraflanan barış anlaşması bölgeye barış getirecektir.\n\nErmenistan anayasası değiştirildiğinde anlaşma istenilen zaman imzalanabilir." diye konuştu.';
    const direct = extract(text).filter((s) => s.kind === 'direct');
    expect(direct.map((s) => [s.text.slice(0, 20), s.speaker.name])).toEqual([
      ['Güney Kafkasya için ', 'Ilham Aliyev'],
      ['Bugün paraflanan bar', 'Ilham Aliyev'],
      ['Ermenistan anayasası', 'Ilham Aliyev'],
    ]);
  });

  it('resolves a bare title to the person the text named before ("пояснил премьер")', () => {
    const text =
      '"Я и правительство приложим все возможные усилия, чтобы это стало реальностью", – заявил Пашинян на заседании Национального собрания.\n\n"Насколько это реально? Это может быть реально, потому что границы известны", – пояснил премьер.';
    expect(extract(text).map((s) => s.speaker.name)).toEqual(['Nikol Pashinyan', 'Nikol Pashinyan']);
  });
});
