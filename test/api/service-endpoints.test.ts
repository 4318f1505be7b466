import { startTestApi, type TestApi } from '../support/test-govflow';

describe('health, readiness and the OpenAPI document', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  it('answers /healthz and /readyz with the state of both stores', async () => {
    expect((await api.call(undefined, 'GET', '/healthz')).body).toEqual({ status: 'ok' });
    expect((await api.call(undefined, 'GET', '/readyz')).body).toEqual({ status: 'ready', checks: { mongodb: true, redis: true } });
  });

  it('documents every route with its roles, body schema and problem answers', async () => {
    const { body: document } = await api.call(undefined, 'GET', '/api/openapi.json');
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths).sort()).toEqual([
      '/auth/oidc/callback',
      '/auth/oidc/start',
      '/auth/providers',
      '/auth/refresh',
      '/auth/session',
      '/auth/sign-out',
      '/auth/token',
      '/calendars',
      '/calendars/{year}',
      '/cases',
      '/cases/{id}',
      '/cases/{id}/approval-sheet',
      '/cases/{id}/audit',
      '/cases/{id}/audit/verify',
      '/cases/{id}/clock/extend',
      '/cases/{id}/clock/pause',
      '/cases/{id}/clock/resume',
      '/cases/{id}/copy',
      '/cases/{id}/deferred-materials',
      '/cases/{id}/diagram',
      '/cases/{id}/messages/{name}',
      '/cases/{id}/rating',
      '/cases/{id}/supplement',
      '/cases/{id}/withdraw',
      '/clients',
      '/clients/{clientId}',
      '/clients/{clientId}/revoke',
      '/clients/{clientId}/secret',
      '/clients/{clientId}/topics',
      '/definitions',
      '/definitions/{key}',
      '/definitions/{key}/draft',
      '/definitions/{key}/versions/{version}',
      '/directory',
      '/directory/staff',
      '/drafts',
      '/external-tasks',
      '/external-tasks/fetch-and-lock',
      '/external-tasks/{id}/bpmn-error',
      '/external-tasks/{id}/complete',
      '/external-tasks/{id}/extend-lock',
      '/external-tasks/{id}/failure',
      '/external-tasks/{id}/unlock',
      '/files',
      '/files/{id}',
      '/incidents',
      '/incidents/{id}',
      '/incidents/{id}/close',
      '/incidents/{id}/retry',
      '/messages',
      '/notifications',
      '/notifications/seen',
      '/org/import',
      '/org/units',
      '/org/units/{code}',
      '/org/units/{code}/audit',
      '/org/units/{code}/audit/verify',
      '/public/progress/{receiptNo}',
      '/services',
      '/services/{key}',
      '/supervision/alerts',
      '/supervision/alerts/{id}',
      '/supervision/alerts/{id}/close',
      '/supervision/figures',
      '/supervision/figures/cases',
      '/supervision/notices',
      '/supervision/notices/{id}/accept',
      '/supervision/notices/{id}/close',
      '/supervision/notices/{id}/reissue',
      '/supervision/notices/{id}/reject',
      '/supervision/notices/{id}/reply',
      '/supervision/unstaffed-tasks',
      '/tasks',
      '/tasks/{id}',
      '/tasks/{id}/add-signer',
      '/tasks/{id}/claim',
      '/tasks/{id}/complete',
      '/tasks/{id}/copy',
      '/tasks/{id}/delegate',
      '/tasks/{id}/resolve',
      '/tasks/{id}/return',
      '/tasks/{id}/transfer',
      '/tasks/{id}/unclaim',
      '/tasks/{id}/urge',
      '/tasks/{id}/withdraw',
      '/templates',
      '/templates/{key}/adopt',
      '/templates/{key}/adoptions',
      '/users',
      '/users/{username}',
      '/users/{username}/access',
      '/users/{username}/audit',
      '/users/{username}/audit/verify',
      '/users/{username}/disable',
      '/users/{username}/enable',
      '/users/{username}/identity',
      '/users/{username}/name',
      '/users/{username}/unlock',
      '/webhooks',
      '/webhooks/{id}/deliveries',
      '/webhooks/{id}/disable',
    ]);
    const complete = document.paths['/tasks/{id}/complete'].post;
    expect(complete['x-roles']).toEqual(['clerk', 'leader']);
    expect(complete.requestBody.content['application/json'].schema.properties).toHaveProperty('decision');
    expect(complete.responses['409'].content).toHaveProperty('application/problem+json');
    expect(document.paths['/definitions'].post.requestBody.content).toHaveProperty('application/xml');
    expect(document.paths['/tasks'].get.parameters.map((parameter: { name: string }) => parameter.name)).toEqual(['scope', 'limit', 'offset', 'cursor', 'receiptNo', 'title', 'applicant', 'processKey', 'step', 'from', 'to']);
  });

  it('answers an unknown route with a problem document', async () => {
    const missing = await api.call('clerk', 'GET', '/api/nothing-here');
    expect(missing.status).toBe(404);
    expect(missing.type).toContain('application/problem+json');
  });
});
