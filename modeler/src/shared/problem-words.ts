import { registerMessages } from './i18n';

/**
 * The pages' words for the server's reasons (engine/errors.ts, Reason): a refusal reads the
 * same on every page, in Chinese first, whatever the English message says. A reason without
 * words here shows the server's message (through the patterns a page registers).
 */
registerMessages({
  'problem.not-found': { 'zh-CN': '找不到{what}“{id}”（不存在或您无权查看）', en: 'No {what} "{id}" was found (it does not exist, or is not yours to see)' },
  'problem.thing.case': { 'zh-CN': '办件', en: 'case' },
  'problem.thing.task': { 'zh-CN': '事项', en: 'task' },
  'problem.thing.notice': { 'zh-CN': '督办', en: 'notice' },
  'problem.thing.alert': { 'zh-CN': '预警', en: 'card' },
  'problem.thing.process': { 'zh-CN': '流程', en: 'process' },
  'problem.thing.process version': { 'zh-CN': '流程版本', en: 'process version' },
  'problem.thing.draft': { 'zh-CN': '草稿', en: 'draft' },
  'problem.thing.user': { 'zh-CN': '用户', en: 'user' },
  'problem.thing.receipt number': { 'zh-CN': '受理编号', en: 'receipt number' },
  'problem.thing.file': { 'zh-CN': '文件', en: 'file' },
  'problem.forbidden': { 'zh-CN': '您无权进行此操作', en: 'You may not do this' },
  'problem.unauthenticated': { 'zh-CN': '请先登录', en: 'Sign in first' },
  'problem.too-many-requests': { 'zh-CN': '操作过于频繁，请稍后再试', en: 'Too many attempts; try again later' },
  'problem.store-unavailable': { 'zh-CN': '系统暂时无法读取数据，请稍后再试', en: 'The store cannot be reached; try again shortly' },
  'problem.queue-unavailable': { 'zh-CN': '系统暂时繁忙，请稍后再试', en: 'The queue cannot be reached; try again shortly' },
  'problem.outcome-unknown': { 'zh-CN': '无法确认操作是否已生效，请刷新后查看再决定是否重试', en: 'Whether it took effect is unknown; reload and look before trying again' },
  'problem.busy': { 'zh-CN': '系统正忙，请稍后再试', en: 'The server is busy; try again shortly' },
  'problem.case.ended': { 'zh-CN': '办件 {receiptNo} 已结束，不能再办理', en: 'Case {receiptNo} has ended' },
  'problem.task.not-open': { 'zh-CN': '该事项已办结或已转出，请刷新', en: 'This task is no longer open; reload' },
  'problem.task.held': { 'zh-CN': '“{step}”已由 {holder} 签收', en: '“{step}” is held by {holder}' },
  'problem.task.not-claimed': { 'zh-CN': '“{step}”尚未签收', en: '“{step}” is not claimed' },
  'problem.task.not-candidate': { 'zh-CN': '您不在“{step}”的候选办理人之列', en: 'You are not a candidate for “{step}”' },
  'problem.task.delegated': { 'zh-CN': '“{step}”已委派他人，须待其办理后交回', en: '“{step}” is delegated; it must come back first' },
  'problem.task.not-holder': { 'zh-CN': '只有“{step}”的办理人或本部门领导可以转交', en: 'Only the holder of “{step}” or a leader of its department may hand it on' },
  'problem.task.claim-first': { 'zh-CN': '请先签收“{step}”再委派', en: 'Claim “{step}” before delegating it' },
  'problem.task.delegate-to-self': { 'zh-CN': '不能委派给自己', en: 'A task cannot be delegated to yourself' },
  'problem.task.not-delegated': { 'zh-CN': '“{step}”没有被委派', en: '“{step}” is not delegated' },
  'problem.task.not-delegate': { 'zh-CN': '只有受委派人可以交回“{step}”', en: 'Only the delegate hands “{step}” back' },
  'problem.notice.not-department': { 'zh-CN': '只有被督办部门的工作人员可以回复', en: 'Only staff of the department answer this notice' },
  'problem.notice.ended': { 'zh-CN': '该督办已结束', en: 'This notice has ended' },
  'problem.notice.answered': { 'zh-CN': '该督办已回复', en: 'This notice was answered already' },
  'problem.notice.no-reply': { 'zh-CN': '该督办尚未回复', en: 'This notice has no reply yet' },
  'problem.invalid.too_small': { 'zh-CN': '太短或太小（至少 {minimum}）', en: 'too short or too small (at least {minimum})' },
  'problem.invalid.too_big': { 'zh-CN': '太长或太大（至多 {maximum}）', en: 'too long or too large (at most {maximum})' },
  'problem.invalid.invalid_type': { 'zh-CN': '类型不对（应为 {expected}）', en: 'of the wrong type (expected {expected})' },
  'problem.invalid.invalid_format': { 'zh-CN': '格式不对（应为 {format}）', en: 'not in the right format ({format})' },
  'problem.invalid.invalid_value': { 'zh-CN': '不是可选的值（可选：{values}）', en: 'not one of the values allowed ({values})' },
  'problem.invalid.unrecognized_keys': { 'zh-CN': '含有不认识的字段：{keys}', en: 'has fields it does not know: {keys}' },
});
