export { AuditLog } from './audit-log';
export { projectAuditEntries } from './audit-projector';
export { chainEntry, verifyChain, hashEntry, genesisHead, type AuditFacts, type ChainHead, type ChainVerdict } from './hash-chain';
