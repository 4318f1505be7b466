import { z } from 'zod';
import { defineRoute } from '../http/route';
import { downloadDisposition, uploadedPart } from '../http/multipart-file';

export const fileRoutes = [
  defineRoute({
    method: 'post',
    path: '/files',
    summary: 'Upload one file (multipart/form-data) to attach to an application, a supplement or a step; answers its id, size and sha256 as the server computed them. Naming a service and one of its materials applies that material’s size and type limits',
    tag: 'files',
    access: ['applicant', 'clerk', 'leader'],
    bodyType: 'multipart/form-data',
    query: z.strictObject({ service: z.string().max(200).optional(), material: z.string().max(100).optional() }),
    responses: { 201: 'the file is stored', 422: 'the service or material named is not listed', 413: 'the file is larger than it may be; nothing was stored', 415: 'the file is of a type not taken; nothing was stored' },
    async handler({ ctx, query, actor, govflow }) {
      const limits = await govflow.services.uploadLimits(govflow.files.limits, query.service, query.material);
      const part = await uploadedPart(ctx, limits.maxBytes);
      const file = await govflow.files.save(part.content, part, actor.username, limits);
      return { status: 201, body: file, headers: { location: `/api/files/${file.id}` } };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/files/{id}',
    summary: 'Download a file: its uploader, and whoever may read a case it is attached to',
    tag: 'files',
    access: ['applicant', 'clerk', 'leader', 'supervisor', 'admin'],
    responses: { 200: 'the file', 404: 'no such file, or not visible to the caller' },
    async handler({ params, actor, govflow }) {
      const { file, content } = await govflow.files.open(params.id, actor);
      return {
        body: content,
        type: file.mediaType,
        headers: { 'content-length': String(file.size), 'content-disposition': downloadDisposition(file.name), etag: `"${file.sha256}"`, 'cache-control': 'private, no-cache' },
      };
    },
  }),
];
