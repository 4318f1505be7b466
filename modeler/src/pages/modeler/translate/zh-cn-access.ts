import type { ChinesePattern } from './zh-cn';

/**
 * Chinese for what sign-in and user creation answer: the sign-in throttle's refusals
 * (engine/users/sign-in-throttle.ts) and the password policy's (password-policy.ts). Spread
 * into zh-cn.ts; the sign-in form shows them (shared/layout.ts).
 */

/** The server's fixed messages, English → zh-CN. */
export const zhCNAccessMessages: Record<string, string> = {
  'wrong username or password': '用户名或密码错误',
  'must not be the username': '密码不能与用户名相同',
  'must not be empty': '密码不能为空',
  'is one of the most common passwords; choose a longer phrase of unrelated words': '密码是最常见的密码之一：请改用由几个互不相关的词组成的较长短语',
  'is too close to the username or the name of the service; choose a longer phrase of unrelated words': '密码与用户名或系统名称过于接近：请改用由几个互不相关的词组成的较长短语',
  'is too easy to guess (a word, a name, a date, a repetition or a keyboard pattern); choose a longer phrase of unrelated words': '密码太容易被猜中（单词、姓名、日期、重复字符或键盘顺序）：请改用由几个互不相关的词组成的较长短语',
};

/** "15 minutes", "1 second" → 15 分钟, 1 秒. */
const wait = (amount: string, unit: string) => `${amount} ${unit.startsWith('minute') ? '分钟' : '秒'}`;

/** The server's messages that carry numbers and names, English pattern → zh-CN. */
export const zhCNAccessPatterns: ChinesePattern[] = [
  [/^too many failed sign-ins to this account: it is locked for (\d+) (minutes?|seconds?), unless an administrator unlocks it sooner$/, (_, amount: string, unit: string) => `该账户登录失败次数过多，已被锁定 ${wait(amount, unit)}；管理员也可以提前解锁`],
  [/^too many failed sign-ins from this address: try again in (\d+) (minutes?|seconds?)$/, (_, amount: string, unit: string) => `来自此地址的登录失败次数过多，请 ${wait(amount, unit)}后再试`],
  [/^too many failed sign-ins: try again in (\d+) (minutes?|seconds?)$/, (_, amount: string, unit: string) => `登录失败次数过多，请 ${wait(amount, unit)}后再试`],
  [/^must have at least (\d+) characters for a staff account$/, '工作人员账户的密码至少需要 $1 个字符'],
  [/^must have at least (\d+) characters$/, '密码至少需要 $1 个字符'],
  [/^must have at most (\d+) characters$/, '密码最多 $1 个字符'],
  [/^cannot create user (.*)$/, '无法创建用户 $1'],
];
