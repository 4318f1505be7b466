import { randomBytes } from 'node:crypto';
import { demoUnits } from '../../engine/org';
import { bpmn, startTestApi, type TestApi } from '../support/test-govflow';

/** A PDF as far as its signature goes, `size` bytes in all. */
function pdfBytes(size: number): Buffer {
  const bytes = randomBytes(size);
  bytes.write('%PDF-1.7\n', 0, 'latin1');
  return bytes;
}

/** An empty zip archive: its end-of-central-directory record alone, which is a real zip file. */
const emptyZip = Buffer.concat([Buffer.from('PK\x05\x06', 'latin1'), Buffer.alloc(18)]);

const megabyte = 1024 * 1024;
const licensing = () => bpmn('licensing-general.bpmn');

/** The licensing model as another process of the same unit, with `edit` applied to its XML. */
function variant(key: string, name: string, edit: (xml: string) => string = (xml) => xml): string {
  return edit(licensing().replaceAll('"licensing-general"', `"${key}"`).replace('name="行政许可（一般程序）"', `name="${name}"`));
}

/**
 * The online hall's catalogue (办事指南): the processes a designer marks public, with the guide
 * their model carries, searchable without signing in; an application is checked against its
 * start form and materials, and an upload against the material it is for.
 */
describe('service catalogue: the public guide, the application form and the materials', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ fileMaxBytes: 30 * megabyte });
    expect((await api.call('admin', 'POST', '/api/org/import', { units: demoUnits })).status).toBe(200);
    expect((await api.call('designer', 'POST', '/api/definitions?unit=market-bureau', licensing())).status).toBe(201);
  });
  afterAll(() => api.close());

  const deploy = (xml: string, unit = 'market-bureau') => api.call('designer', 'POST', `/api/definitions?unit=${unit}`, xml);
  const listed = async (query = ''): Promise<string[]> => {
    const response = await api.call(undefined, 'GET', `/api/services${query}`);
    expect(response.status).toBe(200);
    return response.body.items.map((item: { key: string }) => item.key);
  };

  const upload = (bytes: Buffer, name: string, query: string, type = 'application/pdf') => api.upload('applicant', bytes, name, type, query);

  const forMaterial = (material: string, service = 'licensing-general') => `?service=${service}&material=${material}`;

  it('lists a public service to anyone with its department, materials, limits and application form', async () => {
    const response = await api.call(undefined, 'GET', '/api/services');
    expect(response.status).toBe(200);
    const entry = response.body.items.find((item: { key: string }) => item.key === 'licensing-general');
    expect(entry).toMatchObject({
      name: '行政许可（一般程序）',
      serviceCode: 'SC-XK-0001',
      department: { code: 'market-bureau', name: '市市场监督管理局', path: ['市人民政府', '市市场监督管理局'] },
      fees: '不收费',
      promisedLimit: '15WD',
      statutoryLimit: '20WD',
      incompleteAcceptance: false,
    });
    expect(entry.legalBasis).toContain('行政许可法');
    expect(entry.collection).toContain('邮寄');
    expect(entry.materials).toEqual([
      expect.objectContaining({ key: 'application-form', name: '许可申请书', form: 'original', copies: 1, required: true, essential: true, maxSizeMb: 10, mediaTypes: ['application/pdf', 'image/jpeg', 'image/png'] }),
      expect.objectContaining({ key: 'business-licence', name: '营业执照', form: 'copy', required: true }),
      expect.objectContaining({ key: 'premises-proof', required: true, essential: false, sample: '房屋产权证明或租赁合同。' }),
      expect.objectContaining({ key: 'layout-plan', form: 'electronic', required: false }),
    ]);
    expect(entry.form.map((field: { name: string }) => field.name)).toEqual(['applicantName', 'creditCode', 'businessScope', 'premisesAddress', 'contactPhone']);
    expect(entry.form[0]).toMatchObject({ label: '申请人名称', required: true });
  });

  it('leaves out a process whose model has no public guide', async () => {
    expect(await listed()).not.toContain('general-approval');
    const unknown = await api.call(undefined, 'GET', '/api/services/general-approval');
    expect(unknown.status).toBe(404);
    expect(unknown.type).toContain('application/problem+json');
    expect((await api.call(undefined, 'GET', '/api/services/licensing-general')).body).toMatchObject({ key: 'licensing-general', version: 1 });
  });

  it('finds services by name, code or department, and by a unit with those under it', async () => {
    expect(await listed(`?q=${encodeURIComponent('许可')}`)).toContain('licensing-general');
    expect(await listed('?q=sc-xk')).toContain('licensing-general');
    expect(await listed(`?q=${encodeURIComponent('市场监督')}`)).toContain('licensing-general');
    expect(await listed(`?q=${encodeURIComponent('不动产登记')}`)).toEqual([]);
    // a search is text, not a pattern
    expect(await listed(`?q=${encodeURIComponent('.*')}`)).toEqual([]);
    expect(await listed('?unit=city')).toContain('licensing-general');
    expect(await listed('?unit=east-district')).toEqual([]);
  });

  it('takes a service out of the catalogue when a newer version is no longer public, and back when it is', async () => {
    expect((await deploy(variant('licensing-copy', '食品经营许可（东城）'), 'east-market-bureau')).status).toBe(201);
    expect(await listed('?unit=east-district')).toEqual(['licensing-copy']);
    const withdrawn = variant('licensing-copy', '食品经营许可（东城）', (xml) => xml.replace('govflow:public="true"', 'govflow:public="false"'));
    expect((await deploy(withdrawn, 'east-market-bureau')).status).toBe(201);
    expect(await listed('?unit=east-district')).toEqual([]);
    expect((await api.call(undefined, 'GET', '/api/services/licensing-copy')).status).toBe(404);
    const republished = variant('licensing-copy', '食品经营许可（东城）', (xml) => xml.replace('govflow:fees="不收费"', 'govflow:fees="工本费10元"'));
    expect((await deploy(republished, 'east-market-bureau')).status).toBe(201);
    expect((await api.call(undefined, 'GET', '/api/services/licensing-copy')).body).toMatchObject({ version: 3, fees: '工本费10元', department: { name: '东城区市场监督管理局' } });
  });

  it.each([
    ['a material listed twice', (xml: string) => xml.replace('key="layout-plan"', 'key="business-licence"'), 'material "business-licence" is listed twice', 'licensing-refused'],
    ['a largest file of 0 MB', (xml: string) => xml.replace('maxSizeMb="10"', 'maxSizeMb="0"'), 'maxSizeMb', 'licensing-refused'],
    ['a media type that is none', (xml: string) => xml.replace('mediaTypes="application/pdf,image/jpeg,image/png"', 'mediaTypes="pdf"'), '"pdf" is not a media type', 'licensing-refused'],
    ['容缺受理 without a limit to follow', (xml: string) => xml.replace('govflow:public="true"', 'govflow:public="true" govflow:incompleteAcceptance="true"'), 'govflow:supplementLimit', 'licensing-refused'],
    ['容缺受理 with nothing to do without', (xml: string) => xml.replace('govflow:public="true"', 'govflow:public="true" govflow:incompleteAcceptance="true" govflow:supplementLimit="5WD"').replace(' essential="false"', ''), 'at least one material that is not essential', 'licensing-refused'],
    ['a materials field on the application form', (xml: string) => xml.replace('<govflow:field name="contactPhone"', '<govflow:field name="asked" type="materials" /><govflow:field name="contactPhone"'), 'form field "asked" asks for materials', 'submitted'],
    ['a materials field where no materials are listed', (xml: string) => xml.replace(/<govflow:materials>[\s\S]*<\/govflow:materials>/, ''), 'form field "missingMaterials" asks for materials', 'accept'],
    ['a 补正 limit that is no time limit', (xml: string) => xml.replace('govflow:public="true"', 'govflow:public="true" govflow:supplementLimit="5 weeks"'), 'time-limits: govflow:supplementLimit', 'licensing-refused'],
    ['§32 deemed acceptance without an acceptance step', (xml: string) => xml.replace('govflow:clockStart="accept" ', ''), 'govflow:deemedAcceptance needs govflow:clockStart', 'licensing-refused'],
    ['a public service applicants cannot start', (xml: string) => xml.replace('govflow:public="true"', 'govflow:public="true" govflow:initiators="clerk"'), 'initiators must include applicant', 'licensing-refused'],
  ])('refuses to deploy a guide with %s (422), deploying nothing', async (_what, edit, expected, element) => {
    const refused = await deploy(variant('licensing-refused', '不应部署', edit));
    expect(refused.status).toBe(422);
    expect(refused.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ path: element, message: expect.stringContaining(expected) })]));
    expect((await api.call('designer', 'GET', '/api/definitions/licensing-refused')).status).toBe(404);
  });

  describe('applying', () => {
    const application = { applicantName: '某某餐饮有限公司', businessScope: '热食类食品制售' };

    async function uploaded(material: string, bytes = pdfBytes(4_000)): Promise<{ file: string; material: string }> {
      const stored = await upload(bytes, `${material}.pdf`, forMaterial(material));
      expect(stored.status).toBe(201);
      return { file: stored.body.id, material };
    }

    const apply = (data: Record<string, unknown>, attachments: unknown[]) => api.call('applicant', 'POST', '/api/cases', { processKey: 'licensing-general', title: '食品经营许可申请', data, attachments });
    const caseCount = () => api.govflow.store.connection.db!.collection('cases').countDocuments({ processKey: 'licensing-general' });

    it('starts a case from a complete application with its uploaded materials', async () => {
      const attachments = [await uploaded('application-form'), await uploaded('business-licence'), await uploaded('premises-proof')];
      const started = await apply(application, attachments);
      expect(started.status).toBe(201);
      const view = await api.call('applicant', 'GET', `/api/cases/${started.body.id}`);
      expect(view.body.attachments.map((each: { material: string }) => each.material)).toEqual(['application-form', 'business-licence', 'premises-proof']);
    });

    it('refuses an application missing a required field of the form, naming the field, and starts nothing', async () => {
      const before = await caseCount();
      const attachments = [await uploaded('application-form'), await uploaded('business-licence'), await uploaded('premises-proof')];
      const refused = await apply({ businessScope: '热食类食品制售', creditCode: '123' }, attachments);
      expect(refused.status).toBe(422);
      expect(refused.type).toContain('application/problem+json');
      expect(refused.body.errors.map((error: { path: string }) => error.path)).toEqual(expect.arrayContaining(['/data/applicantName', '/data/creditCode']));
      expect(await caseCount()).toBe(before);
    });

    it('refuses an application without a required material, or naming one that is not listed', async () => {
      const before = await caseCount();
      const missing = await apply(application, [await uploaded('business-licence'), await uploaded('premises-proof')]);
      expect(missing.status).toBe(422);
      expect(missing.body.errors).toEqual([{ path: '/attachments', message: expect.stringContaining('许可申请书') }]);
      const complete = [await uploaded('application-form'), await uploaded('business-licence'), await uploaded('premises-proof')];
      const unknown = await apply(application, [...complete, { file: complete[0]!.file, material: 'tax-certificate' }]);
      expect(unknown.status).toBe(422);
      expect(unknown.body.errors).toEqual([{ path: '/attachments/3/material', message: expect.stringContaining('tax-certificate') }]);
      expect(await caseCount()).toBe(before);
    });

    it('refuses a file handed in as a material beyond that material’s limits', async () => {
      const before = await caseCount();
      // stored without naming a material, within the installation's limit but over the form's 10 MB
      const large = await upload(pdfBytes(11 * megabyte), '申请书.pdf', '');
      expect(large.status).toBe(201);
      const refused = await apply(application, [{ file: large.body.id, material: 'application-form' }, await uploaded('business-licence'), await uploaded('premises-proof')]);
      expect(refused.status).toBe(422);
      expect(refused.body.errors).toEqual([{ path: '/attachments/0', message: expect.stringContaining('10 MB') }]);
      expect(await caseCount()).toBe(before);
    });
  });

  describe('uploading for a material', () => {
    const storedFiles = () => api.govflow.store.connection.db!.collection('files.files').countDocuments();

    it('refuses a file larger than the material allows with 413, keeping nothing', async () => {
      const before = await storedFiles();
      const refused = await upload(pdfBytes(10 * megabyte + 1), '申请书.pdf', forMaterial('application-form'));
      expect(refused.status).toBe(413);
      expect(refused.type).toContain('application/problem+json');
      expect(await storedFiles()).toBe(before);
      expect((await upload(pdfBytes(10 * megabyte), '申请书.pdf', forMaterial('application-form'))).status).toBe(201);
    });

    it('refuses a type the installation takes but the material does not with 415', async () => {
      const before = await storedFiles();
      expect((await upload(emptyZip, '材料.zip', '', 'application/zip')).status).toBe(201);
      const refused = await upload(emptyZip, '材料.zip', forMaterial('application-form'), 'application/zip');
      expect(refused.status).toBe(415);
      expect(refused.body.detail).toContain('application/pdf');
      expect(await storedFiles()).toBe(before + 1);
    });

    it('refuses to upload for a material or service that is not listed, with 422 naming which', async () => {
      const material = await upload(pdfBytes(2_000), 'a.pdf', forMaterial('tax-certificate'));
      expect(material.status).toBe(422);
      expect(material.body.errors).toEqual([{ path: 'material', message: expect.stringContaining('tax-certificate') }]);
      const service = await upload(pdfBytes(2_000), 'a.pdf', forMaterial('application-form', 'no-such-service'));
      expect(service.status).toBe(422);
      expect(service.body.errors).toEqual([{ path: 'service', message: expect.stringContaining('no-such-service') }]);
      const half = await upload(pdfBytes(2_000), 'a.pdf', '?material=application-form');
      expect(half.status).toBe(422);
    });
  });
});
