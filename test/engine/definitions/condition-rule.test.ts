import { readRule, typedValue, writeRule } from '../../../modeler/src/pages/modeler/conditions/condition-rule';
import { evaluateCondition, readExpression } from '../../../engine/expressions';

/** The modeler's condition builder writes JUEL the engine runs, and reads back only what it wrote. */
describe('branch condition rules', () => {
  it('writes a decision, a number and a yes/no the engine evaluates as meant', () => {
    const decision = writeRule({ subject: 'decision', operator: '==', value: 'accept' });
    expect(decision).toBe('${decision == "accept"}');
    expect(evaluateCondition(readExpression(decision), { decision: 'accept' })).toBe(true);
    expect(evaluateCondition(readExpression(decision), { decision: 'refuse' })).toBe(false);
    const amount = writeRule({ subject: 'fine', operator: '>=', value: typedValue('50000', 'number') });
    expect(amount).toBe('${fine >= 50000}');
    expect(evaluateCondition(readExpression(amount), { fine: 60000 })).toBe(true);
    expect(evaluateCondition(readExpression(amount), { fine: 100 })).toBe(false);
    const major = writeRule({ subject: 'major', operator: '==', value: typedValue('true', 'boolean') });
    expect(evaluateCondition(readExpression(major), { major: true })).toBe(true);
  });

  it('reads back what it wrote, quotes included, and nothing it did not', () => {
    for (const rule of [{ subject: 'decision', operator: '!=' as const, value: '不予"受理"' }, { subject: 'score', operator: '<' as const, value: -2.5 }, { subject: 'urgent', operator: '==' as const, value: false }]) expect(readRule(writeRule(rule))).toEqual(rule);
    expect(readRule('${decision == "accept" && major}')).toBeNull();
    expect(readRule('= decision = "accept"')).toBeNull();
    expect(readRule('${a == b}')).toBeNull();
    expect(typedValue('12a', 'number')).toBe('12a');
  });
});
