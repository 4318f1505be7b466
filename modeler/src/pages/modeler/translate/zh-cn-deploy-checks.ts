import type { ChinesePattern } from './zh-cn';

/**
 * Chinese for what deploy refuses or warns about beyond bpmnlint's own rules: the elements and
 * triggers govflow does not run (lint-rules/supported-elements.ts), timer values (timer-values.ts),
 * expressions and script languages (valid-expressions.ts, no-script.ts, feel-expression.ts,
 * safe-expression.ts), what the process engine could not build (run-check.ts), what the parser
 * could not read (parse-bpmn.ts), the limits of a model's size (model-limits.ts), a server too
 * busy to check one (model-check-pool.ts) and the tasks nobody in the directory can act on
 * (actor-check.ts). Spread into zh-cn.ts; names, ids and values stay as the server wrote them.
 */

/** The server's fixed messages, English → zh-CN. */
export const zhCNDeployMessages: Record<string, string> = {
  'compensation is not run: remove isForCompensation and draw the undoing steps as flows': 'govflow 不运行补偿：请去掉 isForCompensation，把撤销的环节用顺序流画出来',
  'standard loops are not run: use a multi-instance marker, or a gateway that leads back': 'govflow 不运行标准循环：请改用多实例标记，或用网关连回前面的环节',
  'the timer says not when it fires: give a timeDuration (e.g. PT10M or 3WD), a timeDate or a timeCycle': '定时器没有设置触发时间：请填写持续时间（timeDuration，如 PT10M 或 3WD）、日期（timeDate）或循环周期（timeCycle）',
  'remove the <!DOCTYPE …> / <!ENTITY …> declaration': '请删除 <!DOCTYPE …> / <!ENTITY …> 声明',
  'the model breaks lint rules': '模型不符合校验规则',
  'the model calls processes that are not deployed': '模型调用了尚未部署的流程',
  'the model cannot be compiled to run': '模型无法编译运行',
  'the BPMN XML has content govflow cannot read': 'BPMN XML 中有 govflow 无法读取的内容',
  'the body is not BPMN 2.0 XML': '提交的内容不是 BPMN 2.0 XML',
  'the XML root is not bpmn:definitions': 'XML 根元素不是 bpmn:definitions',
  'the model is larger than govflow accepts': '模型超出了 govflow 接受的大小',
};

/** Event kinds and triggers as supported-elements.ts names them. */
const eventKinds: Record<string, string> = {
  StartEvent: '开始事件',
  EndEvent: '结束事件',
  IntermediateCatchEvent: '中间捕获事件',
  IntermediateThrowEvent: '中间抛出事件',
  BoundaryEvent: '边界事件',
};
const triggers: Record<string, string> = {
  blank: '空白',
  message: '消息',
  timer: '定时',
  signal: '信号',
  conditional: '条件',
  escalation: '升级',
  compensation: '补偿',
  cancel: '取消',
  error: '错误',
  terminate: '终止',
  link: '链接',
};
const triggerName = (name: string) => triggers[name] ?? `${name} `;

/** "govflow runs message, timer, link IntermediateCatchEvents" → 只运行消息、定时、链接中间捕获事件; the start event's fix is fixed. */
function triggerFix(fix: string): string {
  const runs = /^govflow runs (.*) (\w+)s$/.exec(fix);
  if (runs) return `govflow 只运行${runs[1].split(', ').map(triggerName).join('、')}${eventKinds[runs[2]] ?? runs[2]}`;
  if (fix.startsWith('a case starts when an applicant applies')) return '办件在申请人提出申请（空白开始事件）、收到消息（消息开始事件）或到达设定时间（定时开始事件）时开始';
  return fix;
}

/** XML names model-limits.ts may name, and the attributes it measures, in Chinese where a designer knows them so. */
const xmlNames: Record<string, string> = {
  field: '表单字段',
  formField: '表单字段',
  documentation: '说明',
  conditionExpression: '条件表达式',
  text: '注释',
  name: '名称',
  label: '标签',
};
const xmlName = (name: string) => xmlNames[name] ?? ` ${name} `;
/** Spaces set around Latin names, kept only between a Latin name and Chinese. */
const tidy = (text: string) => text.replace(/ {2,}/g, ' ').replace(/([，（]) /g, '$1').trim();

/** model-limits.ts's subject: an element's id, "a field in review" or "the definitions". */
function limitSubject(subject: string): string {
  const inside = /^a (\S+) in (\S+)$/.exec(subject);
  if (inside) return `${inside[2]} 中的${xmlName(inside[1])}`;
  const whole = /^the (\S+)$/.exec(subject);
  return whole ? xmlName(whole[1]) : `${subject} `;
}

/** One reason of actor-check.ts's warning, as the directory answered. */
function actorReason(reason: string): string {
  const nobody = /^nobody holds the group (.*)$/.exec(reason);
  if (nobody) return `没有人持有 ${nobody[1]} 岗位`;
  const form = /^"(.*)" is not a group of the form role@department$/.exec(reason);
  if (form) return `“${form[1]}”不是“岗位@部门”形式的组`;
  const user = /^there is no user (.*)$/.exec(reason);
  if (user) return `用户目录中没有用户 ${user[1]}`;
  return reason;
}

/** The kinds of task another department's system does, as an external task. */
const externalTaskKinds: Record<string, string> = { ServiceTask: '服务任务', SendTask: '发送任务', BusinessRuleTask: '业务规则任务' };

/** The server's messages that carry names and values, English pattern → zh-CN. */
export const zhCNDeployPatterns: ChinesePattern[] = [
  // elements govflow does not run
  [/^(ServiceTask|SendTask|BusinessRuleTask) "(.*)" names no topic: .*$/s, (_, kind: string, name: string) => `${externalTaskKinds[kind]}“${name}”没有指定主题（topic）：这一步由其他部门的系统作为外部任务来办，请设置 govflow:topic（或 camunda:type="external" 加 camunda:topic），如 govflow:topic="credit-check"`],
  [
    /^(ServiceTask|SendTask|BusinessRuleTask) "(.*)" names code of another engine \((.*)\), which govflow never runs: .*$/s,
    (_, kind: string, name: string, code: string) => `${externalTaskKinds[kind]}“${name}”指定的是其他引擎的代码（${code}），govflow 从不运行代码：这一步由其他部门的系统作为外部任务来办，请设置 govflow:topic（或 camunda:type="external" 加 camunda:topic）`,
  ],
  [/^(ServiceTask|SendTask|BusinessRuleTask) "(.*)": the topic "(.*)" must be .*$/s, (_, kind: string, name: string, topic: string) => `${externalTaskKinds[kind]}“${name}”：主题“${topic}”只能由 1–128 个字母、数字、点、连字符、冒号或下划线组成，并以字母或数字开头`],
  [/^(ServiceTask|SendTask|BusinessRuleTask) "(.*)": the mapped variable "(.*)" must be .*$/s, (_, kind: string, name: string, variable: string) => `${externalTaskKinds[kind]}“${name}”：映射的变量名“${variable}”只能由字母、数字和 _ 组成，且不能以数字开头`],
  [/^ManualTask "(.*)": a manual task would wait for a signal nobody sends: .*$/s, '手工任务“$1”：手工任务会一直等待无人发出的信号：请改画为用户任务，并指定办理人'],
  [/^CallActivity "(.*)" names no process to call: .*$/s, '调用活动“$1”没有指定被调用的流程：请把 calledElement 设为已部署流程的标识'],
  [/^CallActivity "(.*)": calledElement "(.*)" must be the id of a deployed process, not an expression$/s, '调用活动“$1”：calledElement“$2”必须是已部署流程的标识，不能是表达式'],
  [/^CallActivity "(.*)": the mapped variable "(.*)" must be .*$/s, '调用活动“$1”：映射的变量名“$2”只能由字母、数字和 _ 组成，且不能以数字开头'],
  [/^"(.*)" calls the process "(.*)"(?: version (\d+))?, which is not deployed: deploy it first$/s, (_, name: string, process: string, version?: string) => `“${name}”调用的流程“${process}”${version ? `（第 ${version} 版）` : ''}尚未部署：请先部署它`],
  [/^Transaction "(.*)": transactions \(and their compensation\) are not run: .*$/s, '事务“$1”：govflow 不运行事务（及其补偿）：请改用内嵌子流程'],
  [/^AdHocSubProcess "(.*)": ad-hoc sub-processes are not run: .*$/s, '自由子流程“$1”：govflow 不运行自由子流程：请在内嵌子流程中用顺序流连接各环节'],
  [/^ComplexGateway "(.*)": complex gateways are not run: .*$/s, '复杂网关“$1”：govflow 不运行复杂网关：请改用排他、并行或包容网关'],
  [/^SubProcess "(.*)": event sub-processes are run when a message starts them: .*$/s, '事件子流程“$1”：govflow 只运行由消息启动的事件子流程：请为其开始事件指定消息，或在需要中断的环节上附加边界事件（定时、消息或错误）'],
  [/^"(.*)" is a second start event of a process that starts on a (message|timer): .*$/s, (_, name: string, way: string) => `“${name}”是以${way === 'message' ? '消息' : '定时'}启动的流程的第二个开始事件：办件只能以一种方式开始，请只保留一个开始事件（如两种方式都需要，请拆分为两个流程）`],
  [/^"(.*)" starts cases on a timer without a schedule: .*$/s, '“$1”以定时启动办件却没有设置时间：请填写循环周期 timeCycle（如 0 0 9 ? * MON 或 R/P1D）或日期 timeDate'],
  [/^"(.*)" starts cases on the schedule "(.*)", an expression .*$/s, '“$1”的启动时间“$2”是表达式，而此时还没有办件可以计算它：请直接写出周期或日期'],
  [/^"(.*)" starts on a message but names none: .*$/s, '“$1”以消息启动却没有指定是哪条消息：请把它的 messageRef 设为一个有名称的 <message>'],
  [
    /^(\S+) (StartEvent|EndEvent|IntermediateCatchEvent|IntermediateThrowEvent|BoundaryEvent) "(.*)" is not run: (.*)$/s,
    (_, trigger: string, kind: string, name: string, fix: string) => `${triggerName(trigger)}${eventKinds[kind]}“${name}”无法运行：${triggerFix(fix)}`,
  ],
  [/^"(.*)" waits for a message but names none, so nothing could deliver it: .*$/s, '“$1”等待消息却没有指定是哪条消息，任何消息都无法送达：请把它的 messageRef 设为一个有名称的 <message>'],
  [/^the diagram's (\S+) shows "(.*)", which the model does not have: .*$/s, '图形元素 $1 指向模型中已不存在的“$2”，不会绘制（在建模器中重新保存模型即可去掉）'],
  [/^the id "(.*)" is not an id the BPMN reader accepts: .*$/s, '标识“$1”不是 BPMN 读取器接受的标识：标识须以字母或 _ 开头，只能使用 ASCII 字母、数字、_、- 和 .（名称可以用中文）'],
  [/^the completion condition "(.*)" counts instances \(nrOfInstances …\), .*$/s, '完成条件“$1”按实例计数（nrOfInstances 等），govflow 不提供这些变量：请改为会签——govflow:countersign="any"（或签）或 "vote"（票签）并设置 govflow:passShare'],
  [/^who acts on "(.*)" comes to nobody in this case: (.*) gave no user or group$/s, '“$1”的办理人在本案中为空：$2 没有得出任何用户或岗位'],
  [/^the timer's (\w+) "(.*)" gives no value in this case$/s, '定时器的 $1“$2”在本案中没有值'],
  [/^the loop through (.*) has no step that waits, so it would go round without end once its condition holds: .*$/s, '经过 $1 的循环上没有需要等待的环节，条件一旦成立就会无休止地循环：请在循环上放一个用户任务或事件'],
  [/^the process went round a loop without ever waiting .*$/s, '流程在一个没有等待环节的循环上不停运转，已被引擎中止：请检查循环的条件'],
  // vendor extensions govflow ignores
  [/^(\S+) is not run by govflow and is ignored: draw the work it does as steps of the process$/s, '$1 不会被 govflow 执行，已忽略：请把它所做的工作画成流程中的环节'],
  [/^(\S+)="(.*)" names something outside the model, which govflow ignores: the inbox shows .*$/s, '$1="$2" 指向模型之外的表单，govflow 不会显示：待办中显示的是 govflow:form、camunda:formData 或 formProperty 中的字段'],
  [/^(\S+)="(.*)" names something outside the model, which govflow ignores$/s, '$1="$2" 指向模型之外的内容，govflow 会忽略它'],
  // timers
  [/^timeDuration "(.*)" is not an ISO 8601 duration .*$/s, '定时器的持续时间（timeDuration）“$1”不是 ISO 8601 时长（如 PT10M、P3D）或法定时限（如 3WD）'],
  [/^timeDate "(.*)" is not an ISO 8601 date-time .*$/s, '定时器的日期（timeDate）“$1”不是 ISO 8601 日期时间（如 2027-01-01T09:00:00+08:00）'],
  [/^timeCycle "(.*)" is not an ISO 8601 repeating interval .*$/s, '定时器的循环周期（timeCycle）“$1”不是 ISO 8601 重复间隔（如 R3/PT10M）或 cron 表达式（如 0 0 9 ? * MON-FRI）'],
  [/^cron pattern "(.*)" never fires again$/s, '定时器的 cron 表达式“$1”以后不会再触发'],
  [/^cron pattern "(.*)" does not parse: (.*)$/s, '定时器的 cron 表达式“$1”无法解析：$2'],
  // expressions and script languages (functions: the Chinese holds ${…}, which a replacement string would read as a pattern)
  [
    /^the condition "(.*)" is plain text, so the flow would always be taken: .*$/s,
    (_, body: string) => `条件“${body}”是普通文字，这条顺序流将始终被选中：请写成 \${…}（如 \${approved}），或以 = 开头的 FEEL 表达式（如 = approved）`,
  ],
  [/^FEEL expression "(.*)" does not parse at position (\d+)$/s, 'FEEL 表达式“$1”在第 $2 个字符处有语法错误'],
  [/^FEEL expression "(.*)" iterates over a numeric range at position (\d+), .*$/s, 'FEEL 表达式“$1”在第 $2 个字符处遍历数字区间，govflow 不计算此类表达式：请改为遍历列表变量'],
  [/^expression \$\{(.*)\} does not parse: (.*)$/s, (_, body: string, detail: string) => `表达式 \${${body}} 无法解析：${detail}`],
  [/^expression \$\{(.*)\} uses forbidden property (\S+)$/s, (_, body: string, name: string) => `表达式 \${${body}} 使用了禁止访问的属性 ${name}`],
  [/^expression \$\{(.*)\} calls a method, which govflow expressions do not: .*$/s, (_, body: string) => `表达式 \${${body}} 调用了方法，govflow 表达式不调用方法：请直接写变量名，如 \${approved}`],
  [/^expression \$\{(.*)\} uses (\w+), which govflow expressions do not allow$/s, (_, body: string, kind: string) => `表达式 \${${body}} 使用了 govflow 表达式不允许的 ${kind}`],
  [/^condition in script language "(.*)" is disabled; use a \$\{…\} or FEEL expression$/s, (_, language: string) => `条件使用脚本语言“${language}”，本服务器已禁用：请改用 \${…} 或 FEEL 表达式`],
  // the model as the process engine and the parser read it
  [/^the process engine could not build the model: (.*)$/s, '流程引擎无法构建该模型：$1'],
  [/^root is (.*)$/, '根元素是 $1，不是 bpmn:definitions'],
  // the limits of a model's size, and a server too busy to check one
  [/^the model has more than (\S+) XML elements .*$/s, '模型的 XML 元素超过 $1 个（环节、顺序流、图形等），这是一个模型最多可有的数量'],
  [/^the model is (\S+) MB, more than the (\S+) MB a model may be$/, '模型有 $1 MB，超过了一个模型最多可有的 $2 MB'],
  [
    /^the id of (.*) starting "(.*)" has (\S+) characters; an id may have at most (\S+)$/s,
    (_, subject: string, start: string, length: string, limit: string) => tidy(`${limitSubject(subject)}中以“${start}”开头的标识有 ${length} 个字符，标识最多 ${limit} 个字符`),
  ],
  [
    /^the (\S+) of (.*) has (\S+) characters; a (\S+) may have at most (\S+)$/s,
    (_, attribute: string, subject: string, length: string, name: string, limit: string) => tidy(`${limitSubject(subject)}的${xmlName(attribute)}有 ${length} 个字符，${xmlName(name)}最多 ${limit} 个字符`),
  ],
  [/^the text of (.*) has more than (\S+) characters, the most it may have$/s, (_, subject: string, limit: string) => tidy(`${limitSubject(subject)}的文字超过 ${limit} 个字符，这是它最多可有的字数`)],
  [/^the server is checking (\d+) other models; deploy again in a moment$/, '服务器正在检查另外 $1 个模型，请稍后再部署'],
  [/^the request body is larger than this endpoint accepts \(at most (\S+) KB\)$/, '提交的内容超过了此接口接受的大小（最多 $1 KB）'],
  // the directory: tasks nobody can act on
  [
    /^nobody can act on "(.*)" now: (.*)\. Add users to the directory or name a group someone holds$/s,
    (_, name: string, reasons: string) => `目前没有人能办理“${name}”：${reasons.split('; ').map(actorReason).join('；')}。请在用户目录中添加人员，或改为有人持有的岗位`,
  ],
];
