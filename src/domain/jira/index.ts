export type { IssueFacts, IssueFactsById, LinkFact, LinkTypeFacts, StatusFact } from './issue-facts';
