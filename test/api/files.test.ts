import { createHash, randomBytes } from 'node:crypto';
import { request } from 'node:http';
import { startTestApi, type TestApi } from '../support/test-govflow';

/** A PDF as far as its signature goes: `%PDF-1.7`, then `size` bytes in all. */
function pdfBytes(size: number): Buffer {
  const bytes = randomBytes(size);
  bytes.write('%PDF-1.7\n', 0, 'latin1');
  return bytes;
}

/** A JPEG's start of image and APP0 marker, then filler. */
const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2_000, 0x20)]);

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The largest file of this suite's node: just above the 20 MB file it streams. */
const limit = 21 * 1024 * 1024;

describe('files: uploaded to GridFS as they stream in, read by those who may read the case', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ fileMaxBytes: limit });
  });
  afterAll(() => api.close());

  const db = () => api.govflow.store.connection.db!;
  const storedCounts = async () => ({ files: await db().collection('files.files').countDocuments(), chunks: await db().collection('files.chunks').countDocuments() });

  async function token(user: string): Promise<string> {
    return (await api.call(undefined, 'POST', '/api/auth/token', { username: user, password: `${user}-Tq8#vLz2` })).body.token;
  }

  async function download(user: string, id: string): Promise<{ status: number; bytes: Buffer; headers: Headers }> {
    const response = await fetch(`${api.url}/api/files/${id}`, { headers: { authorization: `Bearer ${await token(user)}` } });
    return { status: response.status, bytes: Buffer.from(await response.arrayBuffer()), headers: response.headers };
  }

  it('stores a file with the size, type and sha256 the server computed, and gives it back to its uploader', async () => {
    const bytes = pdfBytes(300_000);
    const stored = await api.upload('applicant', bytes, '营业执照副本.pdf');
    expect(stored.status).toBe(201);
    expect(stored.body).toMatchObject({ name: '营业执照副本.pdf', mediaType: 'application/pdf', size: bytes.length, sha256: sha256(bytes), uploadedBy: 'applicant' });
    expect(stored.headers.get('location')).toBe(`/api/files/${stored.body.id}`);
    const read = await download('applicant', stored.body.id);
    expect(read.status).toBe(200);
    expect(read.headers.get('content-type')).toBe('application/pdf');
    expect(read.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent('营业执照副本.pdf')}`);
    expect(sha256(read.bytes)).toBe(sha256(bytes));
  });

  it('takes the type from the bytes, not from what the sender declared', async () => {
    const stored = await api.upload('applicant', jpeg, 'photo.pdf', 'application/pdf');
    expect(stored.status).toBe(201);
    expect(stored.body.mediaType).toBe('image/jpeg');
  });

  /** Sends a multipart body by hand: its declared length, or chunked; `pause` holds it after that many bytes until it resolves. */
  async function sendByHand(bytes: Buffer, options: { chunked?: boolean; pauseAfter?: number; pause?: () => Promise<void> } = {}): Promise<{ status: number; body: string }> {
    const boundary = 'govflow-test-boundary';
    const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="scan.pdf"\r\nContent-Type: application/pdf\r\n\r\n`);
    const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
    const length: Record<string, string> = options.chunked ? {} : { 'content-length': String(head.length + bytes.length + tail.length) };
    const sending = request(`${api.url}/api/files`, { method: 'POST', headers: { authorization: `Bearer ${await token('applicant')}`, 'content-type': `multipart/form-data; boundary=${boundary}`, ...length } });
    const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
      sending.on('response', (response) => {
        let body = '';
        response.on('data', (chunk) => (body += chunk));
        response.on('end', () => resolve({ status: response.statusCode!, body }));
      });
      sending.on('error', reject);
    });
    const cut = options.pauseAfter ?? bytes.length;
    await write(sending, Buffer.concat([head, bytes.subarray(0, cut)]));
    await options.pause?.();
    sending.end(Buffer.concat([bytes.subarray(cut), tail]));
    return answer;
  }

  it('streams a 20 MB file into the store while it is still arriving, and hashes it right', async () => {
    const bytes = pdfBytes(20 * 1024 * 1024);
    const before = await storedCounts();
    let whileSending = 0;
    // after the first 12 MB, wait until the store holds chunks of it: the server writes as it reads
    const pause = async () => {
      whileSending = await waitFor(async () => (await storedCounts()).chunks - before.chunks, (chunks) => chunks > 0);
    };
    const done = await sendByHand(bytes, { pauseAfter: 12 * 1024 * 1024, pause });
    expect(whileSending).toBeGreaterThan(0);
    expect(done.status).toBe(201);
    const stored = JSON.parse(done.body);
    expect(stored).toMatchObject({ size: bytes.length, sha256: sha256(bytes), mediaType: 'application/pdf' });
    expect(sha256((await download('applicant', stored.id)).bytes)).toBe(sha256(bytes));
  });

  it('refuses a file over the limit with 413 and keeps nothing of it, whether its length was declared or not', async () => {
    const before = await storedCounts();
    const declared = await api.upload('applicant', pdfBytes(limit + 1), 'too-large.pdf');
    expect(declared.status).toBe(413);
    expect(declared.type).toContain('application/problem+json');
    expect(declared.body.detail).toContain('21 MB');
    // sent chunked, it is refused once the bytes pass the limit, and what was stored of it goes
    const chunked = await sendByHand(pdfBytes(limit + 1), { chunked: true });
    expect(chunked.status).toBe(413);
    expect(JSON.parse(chunked.body).detail).toContain('21 MB');
    expect(await storedCounts()).toEqual(before);
  });

  it('refuses a type not taken with 415 and keeps nothing of it', async () => {
    const before = await storedCounts();
    const program = Buffer.concat([Buffer.from('MZ'), randomBytes(4096)]);
    const refused = await api.upload('applicant', program, 'invoice.pdf', 'application/pdf');
    expect(refused.status).toBe(415);
    expect(refused.body.detail).toContain('not taken here');
    const page = await api.upload('applicant', Buffer.from('<html><script>alert(1)</script></html>'), 'page.html', 'text/html');
    expect(page.status).toBe(415);
    expect(await storedCounts()).toEqual(before);
  });

  it('refuses with 415 a file whose content contradicts its own signature, rather than failing on it', async () => {
    const before = await storedCounts();
    // a zip whose first entry claims deflated data that does not inflate
    const broken = randomBytes(6_000);
    broken.write('PK\x03\x04', 0, 'latin1');
    broken.writeUInt16LE(8, 8);
    broken.writeUInt32LE(100, 18);
    broken.writeUInt16LE(8, 26);
    broken.writeUInt16LE(0, 28);
    broken.write('mimetype', 30, 'latin1');
    const refused = await api.upload('applicant', broken, 'application.zip', 'application/zip');
    expect(refused.status).toBe(415);
    expect(refused.type).toContain('application/problem+json');
    expect(refused.body.detail).toContain('contradicts its own signature');
    expect(await storedCounts()).toEqual(before);
    expect((await api.upload('applicant', pdfBytes(2_000), 'after.pdf')).status).toBe(201);
  });

  it('takes a file exactly as large as the limit', async () => {
    const bytes = pdfBytes(limit);
    const stored = await sendByHand(bytes, { chunked: true });
    expect(stored.status).toBe(201);
    expect(JSON.parse(stored.body).size).toBe(limit);
  });

  it('answers a body without a file, or not multipart, with a 4xx problem', async () => {
    const form = new FormData();
    form.append('note', 'no file here');
    const noFile = await fetch(`${api.url}/api/files`, { method: 'POST', headers: { authorization: `Bearer ${await token('applicant')}` }, body: form });
    expect(noFile.status).toBe(400);
    expect(((await noFile.json()) as { detail: string }).detail).toContain('no file');
    expect((await api.call('applicant', 'POST', '/api/files', { file: 'x' })).status).toBe(415);
    expect((await api.call('supervisor', 'GET', '/api/files/not-an-id')).status).toBe(404);
  });

  it('lets whoever may read the case read its files, and nobody else', async () => {
    const bytes = pdfBytes(5_000);
    const stored = (await api.upload('applicant', bytes, '申请书.pdf')).body;
    // before it is attached, only its uploader reads it
    expect((await download('clerk', stored.id)).status).toBe(404);
    const started = await api.call('applicant', 'POST', '/api/cases', { processKey: 'general-approval', title: '带附件的申请', attachments: [{ file: stored.id, material: 'application-form' }] });
    expect(started.status).toBe(201);
    const seen = await api.call('clerk', 'GET', `/api/cases/${started.body.id}`);
    expect(seen.body.attachments).toEqual([
      expect.objectContaining({ id: 'A1', name: '申请书.pdf', type: 'application/pdf', size: 5_000, checksum: `sha256:${sha256(bytes)}`, fileId: stored.id, material: 'application-form', addedBy: 'applicant' }),
    ]);
    expect(sha256((await download('clerk', stored.id)).bytes)).toBe(sha256(bytes));
    expect((await download('supervisor', stored.id)).status).toBe(200);
    expect((await download('outsider', stored.id)).status).toBe(404);
    expect((await download('other-applicant', stored.id)).status).toBe(404);
  });

  it('refuses to attach a file someone else uploaded, and starts no case', async () => {
    const theirs = (await api.upload('other-applicant', pdfBytes(2_000), 'theirs.pdf')).body;
    const before = await api.govflow.store.collections.cases.countDocuments();
    const refused = await api.call('applicant', 'POST', '/api/cases', { processKey: 'general-approval', title: '别人的文件', attachments: [{ file: theirs.id }] });
    expect(refused.status).toBe(422);
    expect(refused.body.errors).toEqual([{ path: '/attachments/0/file', message: `file ${theirs.id} is not one you uploaded` }]);
    expect(await api.govflow.store.collections.cases.countDocuments()).toBe(before);
  });

  it('lets a clerk attach a file on a step, which the applicant can then read', async () => {
    const started = await api.call('applicant', 'POST', '/api/cases', { processKey: 'general-approval', title: '窗口附件' });
    const taskId = (await api.call('clerk', 'GET', `/api/cases/${started.body.id}`)).body.currentSteps[0].taskId;
    const notice = (await api.upload('clerk', pdfBytes(3_000), '受理通知书.pdf')).body;
    await api.call('clerk', 'POST', `/api/tasks/${taskId}/claim`);
    const completed = await api.call('clerk', 'POST', `/api/tasks/${taskId}/complete`, { decision: 'accept', attachments: [{ file: notice.id }] });
    expect(completed.status).toBe(200);
    const mine = await api.call('applicant', 'GET', `/api/cases/${started.body.id}`);
    expect(mine.body.attachments).toEqual([expect.objectContaining({ name: '受理通知书.pdf', stepId: 'accept', fileId: notice.id, addedBy: 'clerk' })]);
    expect((await download('applicant', notice.id)).status).toBe(200);
  });
});

function write(stream: ReturnType<typeof request>, bytes: Buffer): Promise<void> {
  return new Promise((resolve, reject) => stream.write(bytes, (error) => (error ? reject(error) : resolve())));
}

async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > until) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
