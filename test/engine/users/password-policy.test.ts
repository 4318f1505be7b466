import { translateToChinese } from '../../../modeler/src/pages/modeler/translate/translate-module';
import { InvalidInputError, type Govflow } from '../../../engine';
import { passwordProblems } from '../../../engine/users/password-policy';
import { createTestGovflow } from '../../support/test-govflow';

const applicant = { username: 'zhang.san', roles: ['applicant'] };
const clerk = { username: 'li.si', roles: ['clerk'] };

describe('the password policy', () => {
  it.each([
    ['1234', applicant, 'must have at least 8 characters'],
    ['abc12345', clerk, 'must have at least 10 characters for a staff account'],
    ['password123', applicant, 'is one of the most common passwords; choose a longer phrase of unrelated words'],
    ['P@ssw0rd2024', clerk, 'is one of the most common passwords; choose a longer phrase of unrelated words'],
    ['qwertyuiop', clerk, 'is one of the most common passwords; choose a longer phrase of unrelated words'],
    ['Zhang.San', applicant, 'must not be the username'],
    ['zhang.san.2024', applicant, 'is too close to the username or the name of the service; choose a longer phrase of unrelated words'],
    ['govflow2025!', clerk, 'is too close to the username or the name of the service; choose a longer phrase of unrelated words'],
    ['aaaaaaaaaaaa', clerk, 'is too easy to guess (a word, a name, a date, a repetition or a keyboard pattern); choose a longer phrase of unrelated words'],
    ['x'.repeat(10) + 'é'.repeat(250), clerk, 'must have at most 256 characters'],
  ])('refuses %j for %j, saying why in English and Chinese', (password, user, reason) => {
    expect(passwordProblems(password, user)).toEqual([{ path: 'password', message: reason }]);
    expect(translateToChinese(reason)).toMatch(/[\u4e00-\u9fff]/);
  });

  it.each([
    ['tea with lemon', applicant],
    ['window seat at dawn', clerk],
    ['河边的柳树今年又发芽了', applicant],
  ])('accepts %j', (password, user) => {
    expect(passwordProblems(password, user)).toEqual([]);
  });

  it('counts characters, not UTF-16 units: eight Chinese characters are eight', () => {
    expect(passwordProblems('柳树', applicant)).toEqual([{ path: 'password', message: 'must have at least 8 characters' }]);
  });
});

describe('UserDirectory.add under the policy', () => {
  let govflow: Govflow;
  beforeAll(async () => {
    govflow = await createTestGovflow();
  });
  afterAll(async () => {
    await govflow.store.connection.dropDatabase();
    await govflow.close();
  });

  it('refuses a weak password with 422 naming the field, and stores nobody', async () => {
    const refused = await govflow.users.add({ username: 'wang.wu', password: 'password123', roles: ['clerk'] }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(InvalidInputError);
    expect(refused).toMatchObject({ status: 422, message: 'cannot create user wang.wu', details: [{ path: 'password', message: expect.stringMatching(/most common/) }] });
    expect(translateToChinese('cannot create user wang.wu')).toBe('无法创建用户 wang.wu');
    expect(await govflow.users.actor('wang.wu')).toBeUndefined();
  });

  it('seeds the demo users with their promised password "demo", on that one path only', async () => {
    await govflow.users.ensureDemoUser({ username: 'designer', password: 'demo', roles: ['designer'] });
    expect(await govflow.users.authenticate('designer', 'demo')).toMatchObject({ username: 'designer' });
    await expect(govflow.users.add({ username: 'designer2', password: 'demo', roles: ['designer'] })).rejects.toThrow(InvalidInputError);
  });
});
