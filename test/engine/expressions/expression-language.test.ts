import { InvalidInputError } from '../../../engine';
import { evaluateCondition, expressionProblems, readExpression, resolveText } from '../../../engine/expressions';

describe('expression languages models arrive with', () => {
  it('tells JUEL, FEEL and plain text apart', () => {
    expect(readExpression('${approved}')).toEqual({ language: 'juel', body: '${approved}' });
    expect(readExpression('#{approved}')).toEqual({ language: 'juel', body: '#{approved}' });
    expect(readExpression('= not(approved)')).toEqual({ language: 'feel', body: 'not(approved)' });
    expect(readExpression('amount > 10', 'https://www.omg.org/spec/DMN/20191111/FEEL/')).toEqual({ language: 'feel', body: 'amount > 10' });
    expect(readExpression('approved')).toEqual({ language: 'text', body: 'approved' });
  });

  it('routes a JUEL condition with JUEL coercion: the text "false" is false, "TRUE" is true', () => {
    const condition = readExpression('${approved}');
    expect(evaluateCondition(condition, { approved: 'false' })).toBe(false);
    expect(evaluateCondition(condition, { approved: 'TRUE' })).toBe(true);
    expect(evaluateCondition(condition, { approved: false })).toBe(false);
    expect(evaluateCondition(readExpression('${approved == false}'), { approved: 'false' })).toBe(true);
    expect(evaluateCondition(readExpression('#{!approved}'), { approved: 'false' })).toBe(true);
  });

  it('routes a FEEL condition only on true', () => {
    expect(evaluateCondition(readExpression('= not(approved)'), { approved: false })).toBe(true);
    expect(evaluateCondition(readExpression('= not(approved)'), { approved: true })).toBe(false);
    expect(evaluateCondition(readExpression('= amount > 1000'), {})).toBe(false);
    expect(evaluateCondition(readExpression('= category = "food"'), { category: 'food' })).toBe(true);
  });

  it('resolves actors written in either language, and leaves names as they are', () => {
    expect(resolveText('#{reviewer}', { reviewer: 'li' })).toBe('li');
    expect(resolveText('= lead', { lead: 'wang' })).toBe('wang');
    expect(resolveText('clerk', {})).toBe('clerk');
  });

  it('names what cannot run: syntax errors in either language and FEEL iterating a numeric range', () => {
    expect(expressionProblems(readExpression('= amount >'))).toEqual([expect.stringMatching(/does not parse at position/)]);
    expect(expressionProblems(readExpression('${a +}'))).toEqual([expect.stringMatching(/does not parse/)]);
    expect(expressionProblems(readExpression('= some i in 1..100000000 satisfies i = 0'))).toEqual([expect.stringMatching(/numeric range/)]);
    expect(expressionProblems(readExpression('= some item in items satisfies item.ok'))).toEqual([]);
  });

  it('gives FEEL durations and date-times as ISO 8601 text, a zone id as the instant it names', () => {
    expect(resolveText('= duration("PT4H")', {})).toBe('PT4H');
    expect(resolveText('= date and time("2099-01-01T09:00:00@Asia/Shanghai")', {})).toBe('2099-01-01T01:00:00Z');
    expect(resolveText('= date and time("2099-01-01T09:00:00")', {})).toBe('2099-01-01T01:00:00Z');
    expect(resolveText('= date("2099-01-01")', {})).toBe('2099-01-01T00:00:00+08:00');
  });

  it('refuses to evaluate a FEEL expression that does not parse', () => {
    expect(() => evaluateCondition(readExpression('= (a'), {})).toThrow(InvalidInputError);
  });
});
