import { passwordOf, startTestApi, type TestApi } from '../support/test-govflow';
import { translateToChinese } from '../../modeler/src/pages/modeler/translate/translate-module';
import { deploy, processWith } from './compatibility-support';

const start = '<startEvent id="start"/><sequenceFlow id="toWork" sourceRef="start" targetRef="work"/>';
const end = '<sequenceFlow id="toEnd" sourceRef="work" targetRef="end"/><endEvent id="end"/>';
/** A process whose one step is `work`, between a blank start and end. */
const around = (work: string, extra = '') => processWith(`${start}${work}${end}`, extra);
const userTask = (id: string, attributes = '') => `<userTask id="${id}" name="${id}" govflow:candidateGroups="window@market-bureau" ${attributes}/>`;

/**
 * What govflow cannot run is refused at deploy — 4xx, naming the element and what to change —
 * and nothing is stored; what it can run but nobody could act on deploys with a warning.
 */
describe('models govflow cannot run are refused at deploy', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  const refusals: Array<[string, string, string, RegExp]> = [
    ['a service task running Java code', around('<serviceTask id="work" name="Call the registry" camunda:class="org.example.Call"/>'), 'work', /names code of another engine \(org\.example\.Call\).*govflow:topic/],
    ['a send task naming no topic', around('<sendTask id="work" name="Notify"/>'), 'work', /names no topic.*external task/],
    ['a business rule task naming a decision table, no topic', around('<businessRuleTask id="work" name="Rate" camunda:decisionRef="rating"/>'), 'work', /names no topic/],
    ['a service task with a topic no worker could name', around('<serviceTask id="work" name="Check" govflow:topic="credit check!"/>'), 'work', /the topic "credit check!" must be/],
    ['a service task mapping a variable with a bad name', around('<serviceTask id="work" name="Check" govflow:topic="credit"><extensionElements><camunda:inputOutput><camunda:inputParameter name="1st">${a}</camunda:inputParameter></camunda:inputOutput></extensionElements></serviceTask>'), 'work', /mapped variable "1st" must be a name/],
    ['a service task mapping an expression that does not parse', around('<serviceTask id="work" name="Check" govflow:topic="credit"><extensionElements><camunda:inputOutput><camunda:inputParameter name="x">${a +}</camunda:inputParameter></camunda:inputOutput></extensionElements></serviceTask>'), 'work', /does not parse/],
    ['a manual task', around('<manualTask id="work" name="Stamp"/>'), 'work', /manual task.*user task/],
    ['a call activity of a process not deployed', around('<callActivity id="work" name="Sub" calledElement="other"/>'), 'work', /calls the process "other", which is not deployed: deploy it first/],
    ['a call activity naming no process', around('<callActivity id="work" name="Sub"/>'), 'work', /names no process to call/],
    ['a call activity calling an expression', around('<callActivity id="work" name="Sub" calledElement="${which}"/>'), 'work', /must be the id of a deployed process, not an expression/],
    ['a signal start event', processWith('<startEvent id="start"><signalEventDefinition signalRef="s"/></startEvent><sequenceFlow id="f" sourceRef="start" targetRef="end"/><endEvent id="end"/>', '<signal id="s" name="go"/>'), 'start', /signal StartEvent.*blank start event.*message start event/],
    ['a message start beside a blank start', processWith('<startEvent id="start"/><startEvent id="byMessage"><messageEventDefinition messageRef="m"/></startEvent><sequenceFlow id="f" sourceRef="start" targetRef="end"/><sequenceFlow id="g" sourceRef="byMessage" targetRef="end"/><endEvent id="end"/>', '<message id="m" name="apply"/>'), 'byMessage', /second start event of a process that starts on a message/],
    ['a timer-started event sub-process', around(`${userTask('work')}<subProcess id="onTime" triggeredByEvent="true"><startEvent id="late"><timerEventDefinition><timeDuration>P1D</timeDuration></timerEventDefinition></startEvent><sequenceFlow id="c1" sourceRef="late" targetRef="lateEnd"/><endEvent id="lateEnd"/></subProcess>`), 'onTime', /event sub-processes are run when a message starts them/],
    ['a signal catch event', around(`<intermediateCatchEvent id="work" name="Wait for the signal"><signalEventDefinition signalRef="s"/></intermediateCatchEvent>`, '<signal id="s" name="go"/>'), 'work', /signal IntermediateCatchEvent.*message, timer, link/],
    ['a timer that is no time', around(`${userTask('work')}<boundaryEvent id="late" attachedToRef="work"><timerEventDefinition><timeDuration>soon</timeDuration></timerEventDefinition></boundaryEvent><sequenceFlow id="l" sourceRef="late" targetRef="lateEnd"/><endEvent id="lateEnd"/>`), 'late', /timeDuration "soon" is not an ISO 8601 duration/],
    ['a cron cycle that does not parse', around(`${userTask('work')}<boundaryEvent id="nag" attachedToRef="work" cancelActivity="false"><timerEventDefinition><timeCycle>0 0 25 * * ?</timeCycle></timerEventDefinition></boundaryEvent><sequenceFlow id="n" sourceRef="nag" targetRef="nagEnd"/><endEvent id="nagEnd"/>`), 'nag', /cron pattern "0 0 25 \* \* \?" does not parse/],
    ['a timer without a time', around(`${userTask('work')}<boundaryEvent id="never" attachedToRef="work"><timerEventDefinition/></boundaryEvent><sequenceFlow id="v" sourceRef="never" targetRef="neverEnd"/><endEvent id="neverEnd"/>`), 'never', /says not when it fires/],
    ['a condition that is plain text', processWith(`${start.replace('work', 'split')}<exclusiveGateway id="split" default="other"/><sequenceFlow id="yes" sourceRef="split" targetRef="end"><conditionExpression xsi:type="tFormalExpression">approved</conditionExpression></sequenceFlow><sequenceFlow id="other" sourceRef="split" targetRef="end"/><endEvent id="end"/>`), 'yes', /plain text, so the flow would always be taken/],
    ['a FEEL condition that does not parse', processWith(`${start.replace('work', 'split')}<exclusiveGateway id="split" default="other"/><sequenceFlow id="yes" sourceRef="split" targetRef="end"><conditionExpression xsi:type="tFormalExpression">= amount &gt;</conditionExpression></sequenceFlow><sequenceFlow id="other" sourceRef="split" targetRef="end"/><endEvent id="end"/>`), 'yes', /FEEL expression "amount >" does not parse/],
    ['a JavaScript condition', processWith(`${start.replace('work', 'split')}<exclusiveGateway id="split" default="other"/><sequenceFlow id="yes" sourceRef="split" targetRef="end"><conditionExpression xsi:type="tFormalExpression" language="javascript">next(null, true)</conditionExpression></sequenceFlow><sequenceFlow id="other" sourceRef="split" targetRef="end"/><endEvent id="end"/>`), 'yes', /script language "javascript" is disabled/],
    ['an assignee #{…} that does not parse', around(userTask('work', 'camunda:assignee="#{a +}"')), 'work', /does not parse/],
    ['a receive task that names no message', around('<receiveTask id="work" name="Wait"/>'), 'work', /names none, so nothing could deliver it/],
    ['a message catch event that names no message', around('<intermediateCatchEvent id="work" name="Wait"><messageEventDefinition/></intermediateCatchEvent>'), 'work', /names none/],
    ['an id the BPMN reader does not accept', around('<userTask id="受理" name="受理" camunda:candidateGroups="window@market-bureau"/><sequenceFlow id="toWork2" sourceRef="受理" targetRef="work"/><userTask id="work" name="work" camunda:candidateGroups="window@market-bureau"/>'), '受理', /ids start with a letter or _ and use only ASCII/],
    ['a completion condition counting instances', around(userTask('work').replace('/>', '><multiInstanceLoopCharacteristics camunda:collection="reviewers"><completionCondition xsi:type="tFormalExpression">${nrOfCompletedInstances &gt;= 1}</completionCondition></multiInstanceLoopCharacteristics></userTask>')), 'work', /countersign instead/],
    ['a reference to a message that does not exist', around('<receiveTask id="work" name="Wait" messageRef="tns:missing"/>'), 'work', /unresolved reference <tns:missing>/],
  ];

  it.each(refusals)('%s is refused naming its element', async (_, xml, element, message) => {
    const answer = await deploy(api, xml);
    expect(answer.status).toBe(422);
    expect(answer.type).toContain('application/problem+json');
    expect(answer.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ path: element, message: expect.stringMatching(message) })]));
    expect((await api.call('designer', 'GET', '/api/definitions/refused')).status).toBe(404);
    // the modeler shows each refusal in Chinese first, without its rule's name (lint/problems-panel.ts)
    for (const error of answer.body.errors as Array<{ message: string }>) expect(translateToChinese(error.message.replace(/^[\w/-]+: /, ''))).toMatch(/[\u4e00-\u9fff]/);
  });

  it('a task nobody in the directory can act on deploys with a warning naming the task and why', async () => {
    const xml = processWith(`${start}<userTask id="work" name="审核" camunda:candidateGroups="management,auditor@nowhere" camunda:assignee="kermit"/>${end}`).replace('id="refused"', 'id="unstaffed"');
    const answer = await deploy(api, xml);
    expect(answer.status).toBe(201);
    const warning = answer.body.warnings.find((item: { path: string; message: string }) => item.path === 'work' && /nobody can act/.test(item.message));
    expect(translateToChinese(warning.message)).toMatch(/^目前没有人能办理“审核”/);
    expect(warning.message).toMatch(/nobody can act on "审核".*"management" is not a group of the form role@department.*nobody holds the group auditor@nowhere.*there is no user kermit/);
  });

  it('a diagram shape left behind for a deleted element deploys with a warning naming it', async () => {
    const diagram = '<bpmndi:BPMNDiagram id="dia" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"><bpmndi:BPMNPlane id="plane" bpmnElement="stale"><bpmndi:BPMNShape id="ghost" bpmnElement="Activity_deleted"><dc:Bounds x="0" y="0" width="100" height="80"/></bpmndi:BPMNShape></bpmndi:BPMNPlane></bpmndi:BPMNDiagram>';
    const xml = processWith(`${start}${userTask('work')}${end}`).replace('id="refused"', 'id="stale"').replace('</definitions>', `${diagram}</definitions>`);
    const answer = await deploy(api, xml);
    expect(answer.status).toBe(201);
    const warning = answer.body.warnings.find((item: { path: string }) => item.path === 'ghost');
    expect(warning.message).toMatch(/shows "Activity_deleted", which the model does not have/);
    expect(translateToChinese(warning.message)).toMatch(/[\u4e00-\u9fff]/);
  });

  it('a loop on which nothing waits is warned about at deploy and, when its condition holds, is an incident saying so', async () => {
    const loop = '<startEvent id="start"/><sequenceFlow id="in" sourceRef="start" targetRef="retry"/><task id="retry" name="Try again"/><sequenceFlow id="toCheck" sourceRef="retry" targetRef="check"/><exclusiveGateway id="check" default="out"/><sequenceFlow id="back" sourceRef="check" targetRef="retry"><conditionExpression xsi:type="tFormalExpression">${again}</conditionExpression></sequenceFlow><sequenceFlow id="out" sourceRef="check" targetRef="work"/>' + userTask('work') + end;
    const answer = await deploy(api, processWith(loop).replace('id="refused"', 'id="spinning"'));
    expect(answer.status).toBe(201);
    const warning = answer.body.warnings.find((item: { message: string }) => item.message.includes('waiting-loops'));
    expect(warning).toMatchObject({ path: 'retry', message: expect.stringMatching(/"Try again", "check" has no step that waits/) });
    expect(translateToChinese(warning.message.replace(/^[\w/-]+: /, ''))).toMatch(/[\u4e00-\u9fff]/);
    const started = await api.call('applicant', 'POST', '/api/cases', { processKey: 'spinning', title: '循环', data: { again: true } });
    expect(started.status).toBe(409);
    expect(started.body.detail).toMatch(/went round a loop without ever waiting/);
    expect((await api.call('applicant', 'POST', '/api/cases', { processKey: 'spinning', title: '不循环', data: { again: false } })).status).toBe(201);
  });

  it('a task someone holds, or whose actor is an expression, is not warned about', async () => {
    const xml = processWith(`${start}<userTask id="work" name="受理" camunda:candidateGroups="window@market-bureau"/><sequenceFlow id="on" sourceRef="work" targetRef="later"/><userTask id="later" name="later" camunda:assignee="\${officer}"/><sequenceFlow id="toEnd" sourceRef="later" targetRef="end"/><endEvent id="end"/>`).replace('id="refused"', 'id="staffed"');
    const answer = await deploy(api, xml);
    expect(answer.status).toBe(201);
    expect(answer.body.warnings.filter((item: { message: string }) => /nobody can act/.test(item.message))).toEqual([]);
  });

  it('an XML body in ISO-8859-1 is read in its declared encoding', async () => {
    const xml = processWith(`${start}${userTask('work').replace('name="work"', 'name="Prüfung"')}${end}`).replace('encoding="UTF-8"', 'encoding="ISO-8859-1"').replace('id="refused"', 'id="latin"');
    const response = await fetch(`${api.url}/api/definitions`, { method: 'POST', headers: { authorization: `Bearer ${await tokenOf(api, 'designer')}`, 'content-type': 'application/xml' }, body: Buffer.from(xml, 'latin1') });
    expect(response.status).toBe(201);
    const definition = await api.call('designer', 'GET', '/api/definitions/latin');
    expect(definition.body.latest.xml).toContain('name="Prüfung"');
    expect(definition.body.name).toBe('Refused');
  });

  it('a UTF-16 body is read by its byte-order mark, sent as application/bpmn+xml', async () => {
    const xml = processWith(`${start}${userTask('work').replace('name="work"', 'name="受理"')}${end}`).replace('encoding="UTF-8"', 'encoding="UTF-16"').replace('id="refused"', 'id="wide"');
    const response = await fetch(`${api.url}/api/definitions`, { method: 'POST', headers: { authorization: `Bearer ${await tokenOf(api, 'designer')}`, 'content-type': 'application/bpmn+xml' }, body: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml, 'utf16le')]) });
    expect(response.status).toBe(201);
    expect((await api.call('designer', 'GET', '/api/definitions/wide')).body.latest.xml).toContain('name="受理"');
  });

  it('an XML body in an encoding nobody reads is refused with 415', async () => {
    const xml = processWith(`${start}${userTask('work')}${end}`).replace('encoding="UTF-8"', 'encoding="EBCDIC-XYZ"');
    const answer = await deploy(api, xml);
    expect(answer.status).toBe(415);
    expect(answer.body.detail).toMatch(/EBCDIC-XYZ/);
  });
});

async function tokenOf(api: TestApi, user: string): Promise<string> {
  const answer = await api.call(undefined, 'POST', '/api/auth/token', { username: user, password: passwordOf(user) });
  return answer.body.token;
}
