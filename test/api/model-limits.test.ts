import { systemActor } from '../../engine';
import { translateToChinese } from '../../modeler/src/pages/modeler/translate/translate-module';
import { deploy, inboxTask, processWith, startCase } from '../compatibility/compatibility-support';
import { startTestApi, type TestApi } from '../support/test-govflow';

const start = '<startEvent id="start"/><sequenceFlow id="toWork" sourceRef="start" targetRef="work"/>';
const end = '<sequenceFlow id="toEnd" sourceRef="work" targetRef="end"/><endEvent id="end"/>';
const actor = 'govflow:candidateGroups="window@market-bureau"';
/** A process `id` whose one step is `work`, between a blank start and end. */
const around = (id: string, work: string) => processWith(`${start}${work}${end}`).replace('id="refused"', `id="${id}"`);

/** A process of `steps` plain tasks in a row: about twice as many XML elements, none of them waiting. */
function chain(id: string, steps: number): string {
  const tasks = Array.from({ length: steps }, (_, n) => `<task id="t${n}"/><sequenceFlow id="f${n}" sourceRef="${n === 0 ? 'start' : `t${n - 1}`}" targetRef="t${n}"/>`);
  return processWith(`<startEvent id="start"/>${tasks.join('')}<sequenceFlow id="last" sourceRef="t${steps - 1}" targetRef="work"/><userTask id="work" name="收尾" ${actor}/>${end}`).replace('id="refused"', `id="${id}"`);
}

/** Milliseconds a call takes. */
async function timed<T>(call: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await call();
  return [result, performance.now() - started];
}

/**
 * A model beyond what govflow accepts — too many elements, a name or text too long to show in
 * a list — is refused before it is built, naming the element and the limit; checking a large
 * model runs on a worker thread, so it does not hold up anyone else's requests.
 */
describe('deploy limits the size of a model and checks it off the event loop', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  it('refuses a model of 50 000 elements quickly, before building it, and stores nothing', async () => {
    const [answer, ms] = await timed(() => deploy(api, chain('huge', 25_000)));
    expect(answer.status).toBe(422);
    expect(answer.type).toContain('application/problem+json');
    expect(answer.body.errors).toEqual([{ path: 'body', message: expect.stringMatching(/more than 10,000 XML elements .* the most a model may have/) }]);
    expect(ms).toBeLessThan(10_000); // building it took minutes on this machine
    expect((await api.call('designer', 'GET', '/api/definitions/huge')).status).toBe(404);
    expect(translateToChinese(answer.body.errors[0].message)).toMatch(/^模型的 XML 元素超过 10,000 个/);
  });

  it('refuses a 1.9 MB task name naming the task, without echoing the name', async () => {
    const answer = await deploy(api, around('long-name', `<userTask id="work" name="${'a'.repeat(1_900_000)}" ${actor}/>`));
    expect(answer.status).toBe(422);
    expect(answer.body.errors).toEqual([{ path: 'work', message: 'the name of work has 1,900,000 characters; a name may have at most 200' }]);
    expect(JSON.stringify(answer.body).length).toBeLessThan(1_000);
    expect((await api.call('designer', 'GET', '/api/definitions/long-name')).status).toBe(404);
    expect(translateToChinese(answer.body.errors[0].message)).toBe('work 的名称有 1,900,000 个字符，名称最多 200 个字符');
  });

  const refusals: Array<[string, string, string, RegExp]> = [
    ['a form field label', around('long-label', `<userTask id="work" name="审查" ${actor}><extensionElements><govflow:form><govflow:field name="opinion" label="${'意'.repeat(5_000)}"/></govflow:form></extensionElements></userTask>`), 'work', /^the label of a field in work has 5,000 characters; a label may have at most 200$/],
    ['a process name', around('long-process', `<userTask id="work" name="审查" ${actor}/>`).replace('name="Refused"', `name="${'x'.repeat(201)}"`), 'long-process', /^the name of long-process has 201 characters/],
    ['who may act', around('long-actors', `<userTask id="work" name="审查" govflow:candidateGroups="${'window@market-bureau,'.repeat(200)}"/>`), 'work', /^the govflow:candidateGroups of work has 4,200 characters; a candidateGroups may have at most 2,000$/],
    ['a condition', processWith(`${start.replace('work', 'split')}<exclusiveGateway id="split" default="other"/><sequenceFlow id="yes" sourceRef="split" targetRef="end"><conditionExpression xsi:type="tFormalExpression">\${${'a &amp;&amp; '.repeat(500)}a}</conditionExpression></sequenceFlow><sequenceFlow id="other" sourceRef="split" targetRef="end"/><endEvent id="end"/>`).replace('id="refused"', 'id="long-condition"'), 'yes', /^the text of a conditionExpression in yes has more than 2,000 characters/],
    ['documentation', around('long-notes', `<userTask id="work" name="审查" ${actor}><documentation>${'说明'.repeat(6_000)}</documentation></userTask>`), 'work', /^the text of a documentation in work has more than 10,000 characters/],
    ['an id', around('long-id', `<userTask id="work" name="审查" ${actor}/><userTask id="w${'x'.repeat(150)}" name="多余" ${actor}/>`), 'long-id', /^the id of a userTask in long-id starting "wxxx.*" has 151 characters; an id may have at most 100$/],
  ];

  it.each(refusals)('refuses %s longer than a model may hold, naming where it is', async (_, xml, path, message) => {
    const answer = await deploy(api, xml);
    expect({ status: answer.status, type: answer.type }).toEqual({ status: 422, type: expect.stringContaining('application/problem+json') });
    expect(answer.body).toMatchObject({ detail: 'the model is larger than govflow accepts', errors: [{ path, message: expect.stringMatching(message) }] });
    expect(translateToChinese(answer.body.detail)).toBe('模型超出了 govflow 接受的大小');
    expect(translateToChinese(answer.body.errors[0].message)).toMatch(/[\u4e00-\u9fff]/);
  });

  it('refuses a model beyond 2 MB with 413 from the CLI too, where no body limit applies', async () => {
    const padded = around('padded', `<userTask id="work" name="审查" ${actor}/>`).replace('</definitions>', `<!--${'x'.repeat(2 * 1024 * 1024)}--></definitions>`);
    await expect(api.govflow.definitions.deploy(padded, systemActor)).rejects.toMatchObject({ status: 413, message: 'the model is 2.0 MB, more than the 2.0 MB a model may be' });
  });

  it('deploys a model at the limits as before: a 200-character name is the name in the inbox', async () => {
    const name = '审'.repeat(200);
    const answer = await deploy(api, around('at-limit', `<userTask id="work" name="${name}" ${actor}/>`));
    expect(answer.status).toBe(201);
    const caseId = await startCase(api, 'at-limit');
    expect((await inboxTask(api, 'clerk', caseId, 'work')).name).toBe(name);
  });

  it('answers /healthz at once while it checks a large model', async () => {
    let deployed = false;
    const deploying = deploy(api, chain('large', 3_000)).finally(() => {
      deployed = true;
    });
    const latencies: number[] = [];
    while (!deployed) {
      latencies.push((await timed(() => fetch(`${api.url}/healthz`)))[1]);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect((await deploying).status).toBe(201);
    expect(latencies.length).toBeGreaterThan(5); // the check took a while, and /healthz was asked all along
    expect(Math.max(...latencies)).toBeLessThan(500); // the deploy used to hold the event loop for seconds
  });
});

describe('deploys beyond what the model-check threads can take', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ modelChecks: { threads: 1, queue: 1 } });
  });
  afterAll(() => api.close());

  it('are answered 503 with Retry-After while the others are checked', async () => {
    const answers = await Promise.all([1, 2, 3, 4].map((n) => deploy(api, chain(`busy${n}`, 1_000))));
    const busy = answers.filter((answer) => answer.status === 503);
    expect(busy.length).toBeGreaterThan(0);
    expect(answers.filter((answer) => answer.status === 201).length).toBeGreaterThan(0);
    expect(busy[0].type).toContain('application/problem+json');
    expect(Number(busy[0].headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(busy[0].body.detail).toMatch(/checking \d+ other models; deploy again in a moment/);
    expect(translateToChinese(busy[0].body.detail)).toMatch(/^服务器正在检查另外 \d+ 个模型/);
  });
});
