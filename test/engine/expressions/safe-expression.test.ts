import { parseExpression, resolveTemplate } from '../../../engine/expressions';

describe('safe ${…} expressions', () => {
  const variables = { decision: 'approve', amount: 1500, applicant: { name: '王芳', age: 34 }, tags: ['a', 'b'], empty: null };

  it.each([
    ['${decision == "approve" && amount > 1000}', true],
    ['${decision == "approve" && amount > 2000}', false],
    ['${decision eq "approve" and not (amount lt 1000)}', true],
    ['${decision != "deny" || amount < 0}', true],
    ['${amount >= 1500 ? "large" : "small"}', 'large'],
    ['${amount * 2 + 1}', 3001],
    ['${applicant.name}', '王芳'],
    ['${tags[1]}', 'b'],
    ['${missing == null}', true],
    ['${unset == null}', true], // empty is JUEL's operator, not a name
    ['${amount == "1500"}', true],
    ['${"10" > "9"}', true],
    ['${-amount}', -1500],
  ])('%s → %p', (text, expected) => {
    expect(resolveTemplate(text, variables)).toEqual(expected);
  });

  it("reads JUEL's empty: null, empty text, list or map", () => {
    expect(resolveTemplate('${empty missing}', variables)).toBe(true);
    expect(resolveTemplate('${not empty amount}', variables)).toBe(true);
    expect(resolveTemplate("${empty ''}", variables)).toBe(true);
  });

  it("reads Camunda's execution.getVariable('x') as the variable x", () => {
    expect(resolveTemplate("${execution.getVariable('amount') > 1000}", variables)).toBe(true);
    expect(resolveTemplate("#{execution.getVariableLocal('missing')}", variables)).toBeNull();
  });

  it('interpolates expressions inside text and leaves plain text alone', () => {
    expect(resolveTemplate('申请人 ${applicant.name}，金额 ${amount}', variables)).toBe('申请人 王芳，金额 1500');
    expect(resolveTemplate('licensing-section@market-bureau', variables)).toBe('licensing-section@market-bureau');
  });

  it.each([
    ['${process.exit(1)}', /calls a method/],
    ["${execution.setVariable('x', 1)}", /calls a method/],
    ["${execution.getVariable(name)}", /calls a method/],
    ['${this}', /ThisExpression/],
    ['${[1, 2]}', /ArrayExpression/],
    ['${applicant.constructor}', /forbidden property constructor/],
    ['${applicant.__proto__}', /forbidden property __proto__/],
    ['${x = 1}', /does not parse|AssignmentExpression|not allowed/],
    ['${decision == }', /does not parse/],
  ])('refuses %s', (text, message) => {
    expect(() => resolveTemplate(text, variables)).toThrow(message);
  });

  it('never reaches prototypes through computed members', () => {
    expect(resolveTemplate('${applicant["constructor"]}', variables)).toBeNull();
  });

  it('caches parsed trees', () => {
    expect(parseExpression('amount > 1')).toBe(parseExpression('amount > 1'));
  });
});
