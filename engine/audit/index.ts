export { AuditLog } from './audit-log';
export { projectAuditEntries } from './audit-projector';
export { chainEntry, verifyChain, verifyLinks, hashEntry, hashFields, genesisHead, type AuditFacts, type ChainHead, type ChainLink, type ChainVerdict } from './hash-chain';
export { SubjectTrail, type TrailEntry, type TrailFacts, type TrailPlace } from './subject-trail';
