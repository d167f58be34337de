import { describe, expect, it } from 'vitest';
import { asksForLatest, parsePeriod } from '../../src/time/index.js';

// A fixed clock: Wednesday 17 June 2020.
const TODAY = '2020-06-17';

type Case = [expression: string, from: string | null, to: string | null];

// Relative periods that reach today end today: nothing is published after "now".
const ITALIAN: Case[] = [
  ['oggi', '2020-06-17', '2020-06-17'],
  ['ieri', '2020-06-16', '2020-06-16'],
  ["l'altro ieri", '2020-06-15', '2020-06-15'],
  ['stamattina', '2020-06-17', '2020-06-17'],
  ['ieri sera', '2020-06-16', '2020-06-16'],
  ['3 giorni fa', '2020-06-14', '2020-06-14'],
  ['due settimane fa', '2020-06-01', '2020-06-07'],
  ['un mese fa', '2020-05-01', '2020-05-31'],
  ['due anni fa', '2018-01-01', '2018-12-31'],
  ['questa settimana', '2020-06-15', '2020-06-17'],
  ['la settimana scorsa', '2020-06-08', '2020-06-14'],
  ['la scorsa settimana', '2020-06-08', '2020-06-14'],
  ['la settimana passata', '2020-06-08', '2020-06-14'],
  ['questo mese', '2020-06-01', '2020-06-17'],
  ['il mese scorso', '2020-05-01', '2020-05-31'],
  ["quest'anno", '2020-01-01', '2020-06-17'],
  ["l'anno scorso", '2019-01-01', '2019-12-31'],
  ['lo scorso anno', '2019-01-01', '2019-12-31'],
  ['negli ultimi 7 giorni', '2020-06-11', '2020-06-17'],
  ['negli ultimi dieci giorni', '2020-06-08', '2020-06-17'],
  ['nelle ultime due settimane', '2020-06-04', '2020-06-17'],
  ['negli ultimi 3 mesi', '2020-03-18', '2020-06-17'],
  ['negli ultimi giorni', '2020-06-11', '2020-06-17'],
  ['lo scorso fine settimana', '2020-06-13', '2020-06-14'],
  ['lunedì scorso', '2020-06-15', '2020-06-15'],
  ['sabato scorso', '2020-06-13', '2020-06-13'],
  ['lo scorso venerdì', '2020-06-12', '2020-06-12'],
  ['a marzo', '2020-03-01', '2020-03-31'],
  ['a settembre', '2019-09-01', '2019-09-30'],
  ['a giugno', '2020-06-01', '2020-06-17'],
  ['a marzo 2020', '2020-03-01', '2020-03-31'],
  ['nel marzo del 2019', '2019-03-01', '2019-03-31'],
  ['nel 2019', '2019-01-01', '2019-12-31'],
  ['nel 2020', '2020-01-01', '2020-06-17'],
  ['durante il 2018', '2018-01-01', '2018-12-31'],
  ['12 marzo 2020', '2020-03-12', '2020-03-12'],
  ['il 12 marzo', '2020-03-12', '2020-03-12'],
  ['12/03/2020', '2020-03-12', '2020-03-12'],
  ['12-03-2020', '2020-03-12', '2020-03-12'],
  ['1° maggio 2020', '2020-05-01', '2020-05-01'],
  ['2020-03-12', '2020-03-12', '2020-03-12'],
  ['5/6/2019', '2019-06-05', '2019-06-05'],
  ['tra marzo e maggio 2020', '2020-03-01', '2020-05-31'],
  ['fra aprile e maggio', '2020-04-01', '2020-05-31'],
  ['da marzo a maggio 2019', '2019-03-01', '2019-05-31'],
  ['tra il 2018 e il 2019', '2018-01-01', '2019-12-31'],
  ['dal 3 al 10 marzo 2020', '2020-03-03', '2020-03-10'],
  ['tra il 12 marzo e il 3 aprile 2020', '2020-03-12', '2020-04-03'],
  ['dal 2019', '2019-01-01', '2020-06-17'],
  ['dal marzo 2020', '2020-03-01', '2020-06-17'],
  ['prima del 2020', null, '2019-12-31'],
  ['dopo il 2018', '2019-01-01', '2020-06-17'],
  ["dopo l'estate", '2019-09-01', '2020-06-17'],
  ["prima dell'estate", null, '2020-05-31'],
  ['fino al 2019', null, '2019-12-31'],
  ["nell'estate del 2019", '2019-06-01', '2019-08-31'],
  ["nell'estate del 2020", '2020-06-01', '2020-06-17'],
  ["l'estate scorsa", '2019-06-01', '2019-08-31'],
  ["quest'estate", '2020-06-01', '2020-06-17'],
  ['in primavera', '2020-03-01', '2020-05-31'],
  ["nell'inverno del 2020", '2019-12-01', '2020-02-29'],
  ['in autunno', '2019-09-01', '2019-11-30'],
  ['la primavera 2019', '2019-03-01', '2019-05-31'],
  ["all'inizio del 2020", '2020-01-01', '2020-04-30'],
  ['a fine marzo', '2020-03-21', '2020-03-31'],
  ['a metà maggio 2019', '2019-05-11', '2019-05-20'],
  ['alla fine del 2019', '2019-09-01', '2019-12-31'],
  ['nella prima metà del 2019', '2019-01-01', '2019-06-30'],
  ["negli anni '90", '1990-01-01', '1999-12-31'],
  ['negli anni novanta', '1990-01-01', '1999-12-31'],
  ['Che cosa è successo ieri a Modena?', '2020-06-16', '2020-06-16'],
  ['Quali furti ci sono stati la settimana scorsa?', '2020-06-08', '2020-06-14'],
  ['Cosa è successo tra marzo e maggio 2020 a Carpi?', '2020-03-01', '2020-05-31'],
  ['Chi è stato arrestato il 12/03/2020?', '2020-03-12', '2020-03-12'],
  ['Ci sono novità sulla rapina di ieri?', '2020-06-16', '2020-06-16'],
  ["Quante rapine nell'ESTATE DEL 2019?", '2019-06-01', '2019-08-31'],
  ['Qual è la situazione del ponte a dicembre?', '2019-12-01', '2019-12-31'],
];

const ITALIAN_NOT_PERIODS = [
  'via 20 Settembre',
  'piazza 3 Marzo',
  'corso 22 Marzo',
  'Cosa è successo in via XX Settembre?',
  "l'incidente in viale 4 Novembre",
  'Largo 25 Aprile',
  'la legge 104 del 1992',
  'Che cosa ha proposto Lavrov a Rubio?',
  'Quanti anni ha il sindaco?',
  'il Covid-19 a Modena',
  'Ci sono 2020 persone in piazza',
  'la riunione di ogni lunedì',
  "Qual è l'ultima notizia sul ponte?",
];

const ENGLISH: Case[] = [
  ['today', '2020-06-17', '2020-06-17'],
  ['yesterday', '2020-06-16', '2020-06-16'],
  ['the day before yesterday', '2020-06-15', '2020-06-15'],
  ['this morning', '2020-06-17', '2020-06-17'],
  ['last night', '2020-06-16', '2020-06-16'],
  ['3 days ago', '2020-06-14', '2020-06-14'],
  ['two weeks ago', '2020-06-01', '2020-06-07'],
  ['a month ago', '2020-05-01', '2020-05-31'],
  ['two years ago', '2018-01-01', '2018-12-31'],
  ['this week', '2020-06-15', '2020-06-17'],
  ['last week', '2020-06-08', '2020-06-14'],
  ['the past week', '2020-06-11', '2020-06-17'],
  ['this month', '2020-06-01', '2020-06-17'],
  ['last month', '2020-05-01', '2020-05-31'],
  ['this year', '2020-01-01', '2020-06-17'],
  ['last year', '2019-01-01', '2019-12-31'],
  ['in the last 7 days', '2020-06-11', '2020-06-17'],
  ['in the past ten days', '2020-06-08', '2020-06-17'],
  ['over the past two weeks', '2020-06-04', '2020-06-17'],
  ['in the last 3 months', '2020-03-18', '2020-06-17'],
  ['in recent days', '2020-06-11', '2020-06-17'],
  ['last weekend', '2020-06-13', '2020-06-14'],
  ['last Monday', '2020-06-15', '2020-06-15'],
  ['on Saturday', '2020-06-13', '2020-06-13'],
  ['last Friday', '2020-06-12', '2020-06-12'],
  ['in March', '2020-03-01', '2020-03-31'],
  ['in September', '2019-09-01', '2019-09-30'],
  ['in June', '2020-06-01', '2020-06-17'],
  ['in March 2020', '2020-03-01', '2020-03-31'],
  ['March 2019', '2019-03-01', '2019-03-31'],
  ['in 2019', '2019-01-01', '2019-12-31'],
  ['during 2018', '2018-01-01', '2018-12-31'],
  ['March 12, 2020', '2020-03-12', '2020-03-12'],
  ['on March 12', '2020-03-12', '2020-03-12'],
  ['12 March 2020', '2020-03-12', '2020-03-12'],
  ['the 12th of March 2020', '2020-03-12', '2020-03-12'],
  ['12/03/2020', '2020-03-12', '2020-03-12'],
  ['03/25/2020', '2020-03-25', '2020-03-25'],
  ['2020-03-12', '2020-03-12', '2020-03-12'],
  ['between March and May 2020', '2020-03-01', '2020-05-31'],
  ['from March to May 2019', '2019-03-01', '2019-05-31'],
  ['from April to May', '2020-04-01', '2020-05-31'],
  ['between 2018 and 2019', '2018-01-01', '2019-12-31'],
  ['from 3 to 10 March 2020', '2020-03-03', '2020-03-10'],
  ['March–May 2020', '2020-03-01', '2020-05-31'],
  ['since 2019', '2019-01-01', '2020-06-17'],
  ['since March 2020', '2020-03-01', '2020-06-17'],
  ['before 2020', null, '2019-12-31'],
  ['after 2018', '2019-01-01', '2020-06-17'],
  ['after the summer', '2019-09-01', '2020-06-17'],
  ['until 2019', null, '2019-12-31'],
  ['in the summer of 2019', '2019-06-01', '2019-08-31'],
  ['last summer', '2019-06-01', '2019-08-31'],
  ['this summer', '2020-06-01', '2020-06-17'],
  ['in the spring', '2020-03-01', '2020-05-31'],
  ['winter 2020', '2019-12-01', '2020-02-29'],
  ['in the autumn', '2019-09-01', '2019-11-30'],
  ['in the fall of 2019', '2019-09-01', '2019-11-30'],
  ['early 2020', '2020-01-01', '2020-04-30'],
  ['late March', '2020-03-21', '2020-03-31'],
  ['mid-May 2019', '2019-05-11', '2019-05-20'],
  ['at the end of 2019', '2019-09-01', '2019-12-31'],
  ['in the first half of 2019', '2019-01-01', '2019-06-30'],
  ['in the 1990s', '1990-01-01', '1999-12-31'],
  ["in the '90s", '1990-01-01', '1999-12-31'],
  ['What happened in Modena yesterday?', '2020-06-16', '2020-06-16'],
  ['Which thefts were reported last week?', '2020-06-08', '2020-06-14'],
  ['What happened between March and May 2020 in Carpi?', '2020-03-01', '2020-05-31'],
  ['Who was arrested on 12/03/2020?', '2020-03-12', '2020-03-12'],
];

const ENGLISH_NOT_PERIODS = [
  'via 20 Settembre',
  'piazza 3 Marzo',
  'corso 22 Marzo',
  'What happened on Via XX Settembre?',
  'May I ask about the mayor?',
  'Who may have robbed the pharmacy?',
  'the march on Rome',
  'Covid-19 in Modena',
  'Were there 2020 people in the square?',
  'the law 104 of 1992',
  'What did Lavrov propose to Rubio?',
  "What's the latest on the bridge?",
];

function check(cases: Case[]) {
  for (const [expression, from, to] of cases) {
    it(`"${expression}" → ${from ?? '…'} – ${to ?? '…'}`, () => {
      const period = parsePeriod(expression, TODAY);
      expect(period).not.toBeNull();
      expect([period?.from ?? null, period?.to ?? null]).toEqual([from, to]);
    });
  }
}

describe('time expressions, Italian (today = Wednesday 2020-06-17)', () => {
  it('has at least 60 expressions', () => expect(ITALIAN.length).toBeGreaterThanOrEqual(60));
  check(ITALIAN);
  for (const text of ITALIAN_NOT_PERIODS)
    it(`"${text}" is not a period`, () => expect(parsePeriod(text, TODAY)).toBeNull());
});

describe('time expressions, English (today = Wednesday 2020-06-17)', () => {
  it('has at least 60 expressions', () => expect(ENGLISH.length).toBeGreaterThanOrEqual(60));
  check(ENGLISH);
  for (const text of ENGLISH_NOT_PERIODS)
    it(`"${text}" is not a period`, () => expect(parsePeriod(text, TODAY)).toBeNull());
});

describe('the resolved period', () => {
  it('names the words it was read from, as the question wrote them', () => {
    expect(parsePeriod('Cosa è successo tra Marzo e Maggio 2020 a Carpi?', TODAY)?.text).toBe(
      'tra Marzo e Maggio 2020',
    );
    expect(parsePeriod("Furti nell'Estate del 2019?", TODAY)?.text).toBe("nell'Estate del 2019");
  });

  it('gives the granularity of the expression', () => {
    expect(parsePeriod('ieri', TODAY)?.granularity).toBe('day');
    expect(parsePeriod('la settimana scorsa', TODAY)?.granularity).toBe('week');
    expect(parsePeriod('a marzo 2020', TODAY)?.granularity).toBe('month');
    expect(parsePeriod("nell'estate del 2019", TODAY)?.granularity).toBe('season');
    expect(parsePeriod('nel 2019', TODAY)?.granularity).toBe('year');
  });

  it('moves with the clock', () => {
    expect(parsePeriod('ieri', '2021-01-01')).toMatchObject({ from: '2020-12-31', to: '2020-12-31' });
    expect(parsePeriod('last week', '2021-01-01')).toMatchObject({ from: '2020-12-21', to: '2020-12-27' });
    expect(parsePeriod('il mese scorso', '2020-03-10')).toMatchObject({ from: '2020-02-01', to: '2020-02-29' });
    expect(parsePeriod('a dicembre', '2021-01-05')).toMatchObject({ from: '2020-12-01', to: '2020-12-31' });
  });

  it('keeps a period wholly after today as written', () => {
    expect(parsePeriod('a dicembre 2020', TODAY)).toMatchObject({ from: '2020-12-01', to: '2020-12-31' });
  });

  it('rejects impossible dates', () => {
    expect(parsePeriod('31/02/2020', TODAY)).toBeNull();
    expect(parsePeriod('il 31 aprile 2020', TODAY)).toBeNull();
  });

  it('throws on a malformed clock', () => {
    expect(() => parsePeriod('ieri', '17/06/2020')).toThrow(/YYYY-MM-DD/);
  });
});

describe('questions about the latest state of a story', () => {
  const latest = [
    "Qual è l'ultima notizia sul ponte?",
    'Ci sono novità sulla rapina?',
    'Quali sono gli ultimi sviluppi sul caso?',
    'Il ponte è ancora chiuso?',
    'notizie recenti su Carpi',
    'Cosa è successo di recente in centro?',
    'Qual è la situazione attuale del cantiere?',
    "What's the latest on the bridge?",
    'Any news about the robbery?',
    'Is the bridge still closed?',
    'most recent articles about Carpi',
    "what's new on the bridge?",
    'recent updates on the trial',
  ];
  const notLatest = [
    'Cosa è successo nelle ultime due settimane?',
    'negli ultimi 7 giorni',
    'Che cosa ha proposto Lavrov a Rubio?',
    'What happened last week?',
    'in the last 3 months',
    'Chi ha rubato la Jeep?',
  ];
  for (const q of latest) it(`"${q}" asks for the latest`, () => expect(asksForLatest(q)).toBe(true));
  for (const q of notLatest) it(`"${q}" does not`, () => expect(asksForLatest(q)).toBe(false));
});
