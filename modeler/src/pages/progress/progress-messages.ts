import { registerMessages } from '../../shared/i18n';

/** The public progress page's words, Chinese first. */
registerMessages({
  'progress.title': { 'zh-CN': '办件进度查询', en: 'Application progress' },
  'progress.intro': { 'zh-CN': '凭受理回执上的受理编号和查询码查询，无需登录。', en: 'Enter the receipt number and query code from your receipt; no sign-in needed.' },
  'progress.receiptNo': { 'zh-CN': '受理编号', en: 'Receipt number' },
  'progress.queryCode': { 'zh-CN': '查询码', en: 'Query code' },
  'progress.submit': { 'zh-CN': '查询', en: 'Look up' },
  'progress.notFound': { 'zh-CN': '未找到该办件：请核对受理编号和查询码。', en: 'No application found: check the receipt number and query code.' },
  'progress.badInput': { 'zh-CN': '请填写受理编号和查询码（查询码至少 4 位）。', en: 'Enter the receipt number and the query code (at least 4 characters).' },
  'progress.status': { 'zh-CN': '办理状态', en: 'Status' },
  'progress.step': { 'zh-CN': '当前环节', en: 'Current step' },
  'progress.noStep': { 'zh-CN': '无', en: 'None' },
  'progress.awaitingSupplement': { 'zh-CN': '等待申请人补正材料', en: 'Waiting for the applicant’s supplementary materials' },
  'progress.due': { 'zh-CN': '承诺办结日期', en: 'Due by' },
  'progress.notStarted': { 'zh-CN': '尚未受理，受理后起算', en: 'Counted from acceptance' },
  'progress.outcome': { 'zh-CN': '办理结果', en: 'Outcome' },
  'progress.submitted': { 'zh-CN': '申请时间', en: 'Submitted' },
  'progress.acceptance': { 'zh-CN': '受理情况', en: 'Acceptance' },
  'progress.ended': { 'zh-CN': '办结时间', en: 'Ended' },
  'progress.updated': { 'zh-CN': '最近更新', en: 'Last update' },
  'progress.reasons': { 'zh-CN': '决定理由', en: 'Reasons given' },
});
