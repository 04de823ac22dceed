import { describe, expect, it } from 'vitest';
import { bodyKind, placeholdersIn, renderForwardBody, type InjectedValues } from './render-forward-body.ts';

const values: InjectedValues = {
  account_number: { text: '4111111111111111', native: '4111111111111111' },
  cardholder_name: { text: 'Zoë "Z" O\\Brien', native: 'Zoë "Z" O\\Brien' },
  expiry_month: { text: '03', native: 3 },
  expiry_year: { text: '2031', native: 2031 },
  security_code: { text: '012', native: '012' },
};

describe('renderForwardBody (JSON)', () => {
  it('injects JSON-escaped strings and native values for a whole "{{ x | unwrap }}" literal, leaving every other byte', () => {
    const template =
      '{ "card":{"number":"{{ account_number }}","name": "{{cardholder_name}}",\n  "cvc":"{{ security_code }}"},\n "expiry": {"month": "{{ expiry_month | unwrap }}", "year":"{{expiry_year|unwrap}}", "text":"{{ expiry_month }}/{{ expiry_year }}"}, "amount": 12345678901234567890, "2":"{{ nope"}';
    const out = renderForwardBody(template, 'json', values);
    expect(out).toBe(
      '{ "card":{"number":"4111111111111111","name": "Zoë \\"Z\\" O\\\\Brien",\n  "cvc":"012"},\n "expiry": {"month": 3, "year":2031, "text":"03/2031"}, "amount": 12345678901234567890, "2":"{{ nope"}',
    );
    expect(JSON.parse(out).card.name).toBe('Zoë "Z" O\\Brien');
  });

  it('finds placeholders inside literals that contain escaped quotes', () => {
    const template = '{"note":"say \\"{{ account_number }}\\"","n":"{{ account_number | unwrap }}"}';
    expect(JSON.parse(renderForwardBody(template, 'json', values))).toEqual({ note: 'say "4111111111111111"', n: '4111111111111111' });
  });
});

describe('renderForwardBody (other bodies)', () => {
  it('URL-encodes for forms and leaves other types plain', () => {
    expect(renderForwardBody('name={{ cardholder_name }}&m={{ expiry_month | unwrap }}', 'form', values)).toBe('name=Zo%C3%AB%20%22Z%22%20O%5CBrien&m=03');
    expect(renderForwardBody('<pan>{{ account_number }}</pan><m>{{expiry_month}}</m>', 'other', values)).toBe('<pan>4111111111111111</pan><m>03</m>');
  });
});

describe('placeholdersIn / bodyKind', () => {
  it('lists the names used and refuses unknown names and filters', () => {
    expect([...placeholdersIn('{{ account_number }} {{expiry_year | unwrap}}')]).toEqual(['account_number', 'expiry_year']);
    expect(() => placeholdersIn('{{ acount_number }}')).toThrow(/Unknown placeholder/);
    expect(() => placeholdersIn('{{ account_number | upcase }}')).toThrow(/Unknown filter/);
    expect(placeholdersIn('no templates {{ here').size).toBe(0);
  });

  it.each([
    ['application/json', 'json'],
    ['application/json; charset=utf-8', 'json'],
    ['application/vnd.psp+json', 'json'],
    ['application/x-www-form-urlencoded', 'form'],
    ['text/xml', 'other'],
    [undefined, 'other'],
  ] as const)('%s is %s', (type, kind) => expect(bodyKind(type)).toBe(kind));
});
