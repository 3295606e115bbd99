export type { IssueFacts, IssueFactsById, LinkFact, LinkTypeFacts } from './issue-facts';
