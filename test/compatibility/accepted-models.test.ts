import { startTestApi, type TestApi } from '../support/test-govflow';
import { translateToChinese } from '../../modeler/src/pages/modeler/translate/translate-module';
import { caseStatus, completeFromInbox, deploy, fixture, inboxTask, openSteps, startCase } from './compatibility-support';

/**
 * Models written the way other tools write them (Camunda 7, Flowable, standard BPMN performers,
 * FEEL, vendor multi-instance, collaborations) deploy, start and are walked through every step by
 * the users entitled to each — from their inboxes, with the inputs the inbox offers.
 */
describe('models from other tools run', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  async function deployed(name: string): Promise<{ key: string; warnings: Array<{ path: string; message: string }> }> {
    const answer = await deploy(api, fixture(name));
    if (answer.status !== 201) throw new Error(`${name} was not deployed: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body;
  }

  it('a Camunda model: camunda: actors, its formData offered in the inbox, unlabelled elements only warned about', async () => {
    const { key, warnings } = await deployed('camunda-form-gateway.bpmn');
    expect(warnings.map((warning) => warning.path)).toEqual(expect.arrayContaining(['start', 'split', 'granted']));
    expect(warnings.every((warning) => /label-required|no-bpmndi|ignored-extensions/.test(warning.message))).toBe(true);
    expect(warnings).toContainEqual({ path: 'grant', message: 'govflow/ignored-extensions: camunda:taskListener is not run by govflow and is ignored: draw the work it does as steps of the process' });
    for (const warning of warnings) expect(translateToChinese(warning.message.replace(/^[\w/-]+: /, ''))).toMatch(/[\u4e00-\u9fff]/);
    expect(warnings).toContainEqual({ path: 'check', message: 'govflow/ignored-extensions: camunda:formKey="embedded:app:forms/check.html" names something outside the model, which govflow ignores: the inbox shows the fields of govflow:form, camunda:formData or formProperty instead' });

    const refused = await startCase(api, key);
    const check = await inboxTask(api, 'clerk', refused, 'check');
    expect(check.form).toEqual([
      { name: 'approved', label: 'Approved', type: 'boolean', required: true },
      { name: 'level', label: 'Risk level', type: 'enum', required: false, options: ['low', 'high'] },
    ]);
    await completeFromInbox(api, 'clerk', refused, 'check', { data: { approved: false, level: 'high' } });
    expect((await openSteps(api, refused)).map((step) => step.stepId)).toEqual(['refuse']);
    await completeFromInbox(api, 'clerk2', refused, 'refuse');
    expect(await caseStatus(api, refused)).toBe('completed');

    const granted = await startCase(api, key);
    await completeFromInbox(api, 'clerk2', granted, 'check', { data: { approved: true } });
    expect((await openSteps(api, granted)).map((step) => step.stepId)).toEqual(['grant']);
    await completeFromInbox(api, 'leader', granted, 'grant');
    expect(await caseStatus(api, granted)).toBe('completed');
  });

  it('a Flowable model declared ISO-8859-1: flowable: actors and formProperty, #{…} conditions, flows without incoming/outgoing children', async () => {
    const { key } = await deployed('flowable-dialect.bpmn');
    const first = await startCase(api, key);
    const review = await inboxTask(api, 'clerk', first, 'review');
    expect(review.form).toEqual([
      { name: 'outcome', label: 'Outcome', type: 'enum', required: true, options: ['pass', 'fail'] },
      { name: 'amount', label: 'Amount', type: 'integer', required: false },
    ]);
    await completeFromInbox(api, 'clerk', first, 'review', { data: { outcome: 'pass', amount: 12 } });
    await completeFromInbox(api, 'clerk2', first, 'archive');
    expect(await caseStatus(api, first)).toBe('completed');

    const second = await startCase(api, key);
    await completeFromInbox(api, 'clerk2', second, 'review', { data: { outcome: 'fail' } });
    expect((await openSteps(api, second)).map((step) => step.stepId)).toEqual(['redo']);
    await completeFromInbox(api, 'clerk', second, 'redo');
    expect(await caseStatus(api, second)).toBe('completed');
  });

  it('standard performers: potentialOwner expressions and resourceRef, a humanPerformer, and a tns: message reference', async () => {
    const { key } = await deployed('human-performers.bpmn');
    const id = await startCase(api, key);
    await completeFromInbox(api, 'clerk2', id, 'accept');
    const supplied = await api.call('applicant', 'POST', `/api/cases/${id}/supplement`, { note: '补充材料' });
    expect(supplied.status).toBe(200);
    await completeFromInbox(api, 'clerk', id, 'review');
    const sign = await inboxTask(api, 'leader', id, 'sign');
    expect(sign.assignee).toBe('leader');
    await completeFromInbox(api, 'leader', id, 'sign');
    expect(await caseStatus(api, id)).toBe('completed');
  });

  it('FEEL conditions, declared for the model or written as = …, route both ways, and the inbox offers what they test', async () => {
    const { key } = await deployed('feel-conditions.bpmn');
    const large = await startCase(api, key);
    const assess = await inboxTask(api, 'clerk', large, 'assess');
    expect(assess.form).toEqual([
      { name: 'amount', label: 'amount', type: 'number', required: false },
      { name: 'category', label: 'category', type: 'string', required: false },
    ]);
    await completeFromInbox(api, 'clerk', large, 'assess', { data: { amount: 5000, category: 'food' } });
    expect((await openSteps(api, large)).map((step) => step.stepId)).toEqual(['large']);
    await completeFromInbox(api, 'clerk', large, 'large');
    expect((await inboxTask(api, 'clerk', large, 'confirm')).form).toEqual([{ name: 'approved', label: 'approved', type: 'boolean', required: false }]);
    await completeFromInbox(api, 'clerk', large, 'confirm', { data: { approved: true } });
    expect(await caseStatus(api, large)).toBe('completed');
    const trail = (await api.call('supervisor', 'GET', `/api/cases/${large}/diagram`)).body;
    expect(trail.trail).toContain('done');
    expect(trail.trail).not.toContain('dropped');

    const small = await startCase(api, key);
    await completeFromInbox(api, 'clerk', small, 'assess', { data: { amount: 5000, category: 'toys' } });
    expect((await openSteps(api, small)).map((step) => step.stepId)).toEqual(['small']);
    await completeFromInbox(api, 'clerk', small, 'small');
    await completeFromInbox(api, 'clerk', small, 'confirm', { data: { approved: false } });
    const dropped = (await api.call('supervisor', 'GET', `/api/cases/${small}/diagram`)).body;
    expect(dropped.trail).toContain('dropped');
    expect(dropped.trail).not.toContain('done');
  });

  it('a JUEL condition reads the text "false" as false and "true" as true', async () => {
    const { key } = await deployed('string-false.bpmn');
    const no = await startCase(api, key, { approved: 'false' });
    await completeFromInbox(api, 'clerk', no, 'look');
    expect((await openSteps(api, no)).map((step) => step.stepId)).toEqual(['noStep']);
    const yes = await startCase(api, key, { approved: 'TRUE' });
    await completeFromInbox(api, 'clerk', yes, 'look');
    expect((await openSteps(api, yes)).map((step) => step.stepId)).toEqual(['yesStep']);
  });

  it('a gateway on the decision variable offers the decisions it tests, and each routes its way', async () => {
    const { key } = await deployed('decision-gateway.bpmn');
    const id = await startCase(api, key);
    const judge = await inboxTask(api, 'clerk', id, 'judge');
    expect({ decisions: judge.decisions, form: judge.form }).toEqual({ decisions: ['approve', 'reject'], form: [] });
    await completeFromInbox(api, 'clerk', id, 'judge', { decision: 'reject' });
    expect((await openSteps(api, id)).map((step) => step.stepId)).toEqual(['rejected']);
    const other = await startCase(api, key);
    await completeFromInbox(api, 'clerk', other, 'judge', { decision: 'approve' });
    expect((await openSteps(api, other)).map((step) => step.stepId)).toEqual(['approved']);
  });

  it('a Camunda multi-instance over a collection variable gives each reviewer a task of their own', async () => {
    const { key } = await deployed('vendor-multi-instance.bpmn');
    const id = await startCase(api, key, { reviewers: ['clerk', 'clerk2'] });
    const steps = await openSteps(api, id);
    expect(steps.map((step) => step.assignee).sort()).toEqual(['clerk', 'clerk2']);
    await completeFromInbox(api, 'clerk', id, 'review');
    expect(await caseStatus(api, id)).toBe('running');
    await completeFromInbox(api, 'clerk2', id, 'review');
    expect(await caseStatus(api, id)).toBe('completed');
  });

  it('a Camunda 8 model: zeebe:assignmentDefinition actors with FEEL, a zeebe multi-instance over a list', async () => {
    const { key } = await deployed('camunda8-zeebe.bpmn');
    const id = await startCase(api, key, { reviewers: ['clerk', 'clerk2'], lead: 'leader' });
    await completeFromInbox(api, 'clerk2', id, 'triage');
    expect((await openSteps(api, id)).map((step) => step.assignee).sort()).toEqual(['clerk', 'clerk2']);
    await completeFromInbox(api, 'clerk', id, 'review');
    await completeFromInbox(api, 'clerk2', id, 'review');
    expect((await openSteps(api, id)).map((step) => `${step.stepId} ${step.assignee}`)).toEqual(['close leader']);
    await completeFromInbox(api, 'leader', id, 'close');
    expect(await caseStatus(api, id)).toBe('completed');
  });

  it('a multi-instance sub-process over departments gives each department\'s group its own task', async () => {
    const { key } = await deployed('department-subprocess.bpmn');
    const id = await startCase(api, key, { departments: ['window@market-bureau', 'leader@market-bureau'] });
    const groups = (await api.govflow.store.models.tasks.find({ caseId: id, status: 'open' }).lean()).map((task) => task.candidateGroups).sort();
    expect(groups).toEqual([['leader@market-bureau'], ['window@market-bureau']]);
    await completeFromInbox(api, 'leader', id, 'opinion');
    await completeFromInbox(api, 'clerk2', id, 'opinion');
    expect(await caseStatus(api, id)).toBe('completed');
  });

  it('an actor expression this case leaves empty is an incident naming the step, not a task for nobody', async () => {
    const { key } = (await deploy(api, fixture('department-subprocess.bpmn'))).body; // deployed, or the same version again
    const answer = await api.call('applicant', 'POST', '/api/cases', { processKey: key, title: '缺少部门', data: { departments: [null] } });
    expect(answer.status).toBe(409);
    expect(answer.body.errors).toEqual([expect.objectContaining({ path: 'opinion', message: expect.stringMatching(/comes to nobody in this case/) })]);
  });

  it('timers as cron cycles (China time), ISO cycles, dates and durations are armed when they should fire', async () => {
    const { key } = await deployed('timers.bpmn');
    const before = Date.now();
    const id = await startCase(api, key);
    const head = await api.govflow.store.models.cases.findById(id).lean<{ timers: Array<{ stepId: string; fireAt: Date }> }>();
    const fireAt = Object.fromEntries((head?.timers ?? []).map((timer) => [timer.stepId, new Date(timer.fireAt)]));
    expect(Object.keys(fireAt).sort()).toEqual(['everyTenMinutes', 'newYear', 'weekdayReminder']);
    expect(fireAt.newYear.toISOString()).toBe('2099-01-01T01:00:00.000Z');
    expect(Math.abs(fireAt.everyTenMinutes.getTime() - before - 10 * 60_000)).toBeLessThan(60_000);
    const reminder = fireAt.weekdayReminder;
    const chinaHour = (reminder.getUTCHours() + 8) % 24;
    const chinaDay = new Date(reminder.getTime() + 8 * 3_600_000).getUTCDay();
    expect({ hour: chinaHour, minute: reminder.getUTCMinutes(), weekday: chinaDay >= 1 && chinaDay <= 5 }).toEqual({ hour: 9, minute: 0, weekday: true });
    expect(reminder.getTime()).toBeGreaterThan(before);
    await completeFromInbox(api, 'clerk', id, 'handle');
    const cooling = await api.govflow.store.models.cases.findById(id).lean<{ timers: Array<{ stepId: string; fireAt: Date }> }>();
    expect(cooling?.timers.map((timer) => timer.stepId)).toEqual(['cooling']);
  });

  it('a reference-style model: item definitions, an interface, a black-box pool with message flows and a sketched pool that is not linted as if it ran', async () => {
    const { key, warnings } = await deployed('reference-style.bpmn');
    // only the missing diagram, a warning about the whole drawing, is said of the sketched pool
    expect(warnings.filter((warning) => ['file', 'index'].includes(warning.path) && !warning.message.startsWith('no-bpmndi'))).toEqual([]);
    const id = await startCase(api, key);
    await completeFromInbox(api, 'clerk', id, 'decide');
    expect(await caseStatus(api, id)).toBe('completed');
  });

  it('a collaboration runs its executable participant only, and the other is never drawn as taken', async () => {
    const { key } = await deployed('collaboration.bpmn');
    expect(key).toBe('bureau-process');
    const id = await startCase(api, key);
    await completeFromInbox(api, 'clerk', id, 'handle');
    expect(await caseStatus(api, id)).toBe('completed');
    const { trail } = (await api.call('supervisor', 'GET', `/api/cases/${id}/diagram`)).body;
    expect(trail).toEqual(expect.arrayContaining(['receive', 'handle', 'handled']));
    expect(trail).not.toEqual(expect.arrayContaining(['applicantStart']));
    expect(trail).not.toContain('applicantSends');
  });
});
