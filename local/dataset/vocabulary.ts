// Words the generator builds summaries, names and labels from. Summaries read like a product team's
// backlog (so a person scanning a generated structure in the UI sees plausible work, and JQL `summary ~`
// finds realistic terms), not lorem ipsum.

import type { Random } from './prng';

/** A product area: one generated project draws its summaries from its own area. */
export interface ProductArea {
  key: string;
  name: string;
  /** Parts of the product the area's issues touch ("checkout page", "token service"). */
  components: readonly string[];
  /** Capabilities the area ships ("SEPA direct debit", "offline mode"). */
  capabilities: readonly string[];
  /** Labels typical of the area. */
  labels: readonly string[];
}

/** The catalogue of projects, in the order the generator uses them; SEC (restricted) is always among the first four. */
export const AREAS: readonly ProductArea[] = [
  {
    key: 'PLAT',
    name: 'Platform',
    components: [
      'auth service',
      'API gateway',
      'job scheduler',
      'event bus',
      'tenant service',
      'config service',
      'audit log',
      'rate limiter',
      'webhooks dispatcher',
      'billing service',
    ],
    capabilities: [
      'SSO with SAML',
      'per-tenant rate limits',
      'zero-downtime deploys',
      'multi-region failover',
      'idempotent webhooks',
      'usage-based billing',
      'service accounts',
      'audit log export',
    ],
    labels: ['backend', 'platform', 'infra', 'api'],
  },
  {
    key: 'MOB',
    name: 'Mobile',
    components: [
      'iOS app',
      'Android app',
      'push notifications',
      'offline cache',
      'login screen',
      'settings screen',
      'deep links',
      'crash reporter',
      'app onboarding',
      'in-app purchases',
    ],
    capabilities: [
      'offline mode',
      'biometric login',
      'dark mode',
      'home screen widgets',
      'rich push notifications',
      'tablet layouts',
      'in-app feedback',
      'background sync',
    ],
    labels: ['ios', 'android', 'mobile', 'release-train'],
  },
  {
    key: 'WEB',
    name: 'Web App',
    components: [
      'dashboard',
      'checkout page',
      'search bar',
      'settings page',
      'sign-up form',
      'navigation menu',
      'data table',
      'file uploader',
      'notification center',
      'billing page',
    ],
    capabilities: [
      'saved views',
      'keyboard shortcuts',
      'bulk editing',
      'CSV import',
      'real-time collaboration',
      'custom dashboards',
      'guest access',
      'localized UI',
    ],
    labels: ['frontend', 'web', 'react'],
  },
  {
    key: 'SEC',
    name: 'Security',
    components: [
      'secrets vault',
      'access review tool',
      'WAF rules',
      'vulnerability scanner',
      'session manager',
      'key management',
      'SIEM pipeline',
      'password policy',
    ],
    capabilities: [
      'SOC 2 evidence collection',
      'hardware key MFA',
      'automatic key rotation',
      'least-privilege IAM roles',
      'dependency scanning in CI',
      'incident response runbooks',
    ],
    labels: ['security', 'compliance', 'pentest'],
  },
  {
    key: 'API',
    name: 'Public API',
    components: [
      'REST API',
      'GraphQL endpoint',
      'API docs portal',
      'SDK for TypeScript',
      'SDK for Python',
      'OAuth apps',
      'pagination layer',
      'API keys page',
    ],
    capabilities: [
      'cursor pagination',
      'API versioning',
      'webhook subscriptions',
      'OpenAPI 3.1 spec',
      'bulk endpoints',
      'fine-grained scopes',
    ],
    labels: ['api', 'developer-experience', 'docs'],
  },
  {
    key: 'DATA',
    name: 'Data Platform',
    components: [
      'ingestion pipeline',
      'data warehouse',
      'dbt models',
      'event schema registry',
      'Kafka consumers',
      'BI dashboards',
      'retention jobs',
      'CDC connector',
    ],
    capabilities: [
      'near-real-time metrics',
      'GDPR data deletion',
      'self-serve analytics',
      'data lineage',
      'schema evolution checks',
      'cost attribution',
    ],
    labels: ['data', 'analytics', 'pipeline'],
  },
  {
    key: 'PAY',
    name: 'Payments',
    components: [
      'payment gateway',
      'invoice generator',
      'refund flow',
      'tax calculator',
      'subscription engine',
      'fraud checks',
      'payout service',
      'ledger',
    ],
    capabilities: [
      'SEPA direct debit',
      'Apple Pay',
      'annual plans',
      'proration on plan change',
      'multi-currency pricing',
      'dunning emails',
    ],
    labels: ['payments', 'billing', 'pci'],
  },
  {
    key: 'SRCH',
    name: 'Search',
    components: [
      'search indexer',
      'query parser',
      'ranking model',
      'autocomplete',
      'search results page',
      'synonym dictionary',
      'index shards',
    ],
    capabilities: [
      'typo tolerance',
      'faceted search',
      'semantic search',
      'search analytics',
      'saved searches',
      'permission-aware results',
    ],
    labels: ['search', 'relevance', 'elasticsearch'],
  },
  {
    key: 'GROW',
    name: 'Growth',
    components: [
      'pricing page',
      'trial flow',
      'referral program',
      'email campaigns',
      'A/B test framework',
      'onboarding checklist',
      'upgrade prompts',
    ],
    capabilities: [
      'reverse trials',
      'team invites from onboarding',
      'usage-based upgrade nudges',
      'referral credits',
      'win-back campaigns',
    ],
    labels: ['growth', 'experiment', 'marketing'],
  },
  {
    key: 'INFRA',
    name: 'Infrastructure',
    components: [
      'Kubernetes clusters',
      'Terraform modules',
      'CI runners',
      'CDN config',
      'Postgres cluster',
      'Redis cache',
      'observability stack',
      'backup jobs',
    ],
    capabilities: [
      'autoscaling on queue depth',
      'blue-green database upgrades',
      'cost dashboards',
      'ephemeral preview environments',
      'disaster recovery drills',
    ],
    labels: ['infra', 'devops', 'sre', 'terraform'],
  },
  {
    key: 'DSGN',
    name: 'Design System',
    components: [
      'button component',
      'date picker',
      'modal dialog',
      'design tokens',
      'icon set',
      'form fields',
      'table component',
      'Storybook',
    ],
    capabilities: ['theming API', 'high-contrast mode', 'RTL support', 'motion guidelines', 'Figma token sync'],
    labels: ['design-system', 'ux', 'accessibility'],
  },
  {
    key: 'NOTIF',
    name: 'Notifications',
    components: [
      'email renderer',
      'notification preferences',
      'digest job',
      'Slack integration',
      'SMS provider',
      'in-app inbox',
      'template editor',
    ],
    capabilities: [
      'daily digests',
      'quiet hours',
      'Microsoft Teams delivery',
      'per-channel preferences',
      'localized templates',
    ],
    labels: ['notifications', 'email', 'integrations'],
  },
  {
    key: 'SUP',
    name: 'Support Tools',
    components: [
      'admin console',
      'impersonation tool',
      'ticket sync',
      'customer timeline',
      'refund tool',
      'account merge tool',
    ],
    capabilities: [
      'safe impersonation with audit',
      'customer health scores',
      'macro suggestions',
      'bulk account actions',
    ],
    labels: ['support', 'internal-tools'],
  },
  {
    key: 'ANLY',
    name: 'Product Analytics',
    components: [
      'event tracker',
      'funnel reports',
      'cohort builder',
      'retention charts',
      'export service',
      'tracking plan',
    ],
    capabilities: ['funnel comparisons', 'scheduled report emails', 'anomaly alerts', 'warehouse sync'],
    labels: ['analytics', 'reporting'],
  },
];

/** Labels any project may use. */
export const COMMON_LABELS = [
  'tech-debt',
  'customer-reported',
  'performance',
  'accessibility',
  'regression',
  'quick-win',
  'needs-design',
  'release-blocker',
  'observability',
  'documentation',
] as const;

export const FIRST_NAMES = [
  'Aisha',
  'Ben',
  'Chloe',
  'Dmitri',
  'Elena',
  'Farid',
  'Grace',
  'Hiro',
  'Ines',
  'Jonas',
  'Kemi',
  'Liam',
  'Maya',
  'Nikhil',
  'Olga',
  'Pedro',
  'Quinn',
  'Rosa',
  'Sven',
  'Tara',
  'Umar',
  'Vera',
  'Wei',
  'Ximena',
  'Yusuf',
  'Zoe',
  'Aaron',
  'Beatriz',
  'Carlos',
  'Daniela',
  'Emeka',
  'Freya',
  'Gabriel',
  'Hana',
  'Ivan',
  'Julia',
] as const;
export const LAST_NAMES = [
  'Okafor',
  'Lindqvist',
  'Moreau',
  'Petrov',
  'Garcia',
  'Haddad',
  'Kim',
  'Tanaka',
  'Silva',
  'Becker',
  'Adeyemi',
  "O'Brien",
  'Patel',
  'Sharma',
  'Ivanova',
  'Costa',
  'Nguyen',
  'Romero',
  'Larsen',
  'Singh',
  'Rahman',
  'Novak',
  'Chen',
  'Lopez',
  'Yilmaz',
  'Fischer',
  'Cohen',
  'Santos',
  'Mendes',
  'Kowalski',
  'Eze',
  'Nilsson',
  'Dubois',
  'Sato',
  'Horvat',
  'Muller',
] as const;

const QUARTERS = ['Q1', 'Q2', 'Q3', 'Q4', 'H1', 'H2'] as const;
const PERSONAS = [
  'workspace admin',
  'new user',
  'team lead',
  'billing owner',
  'guest',
  'support agent',
  'developer',
  'power user',
] as const;
const VERBS_STORY = [
  'see',
  'filter',
  'export',
  'share',
  'undo changes to',
  'bulk edit',
  'search',
  'get notified about',
  'pin',
  'archive',
] as const;
const OBJECTS = [
  'recent activity',
  'invoices',
  'team members',
  'saved views',
  'API keys',
  'notification settings',
  'audit events',
  'usage reports',
  'projects',
  'attachments',
] as const;
const SYMPTOMS = [
  'crashes',
  'shows a blank screen',
  'times out',
  'returns 500',
  'double-submits',
  'loses unsaved changes',
  'renders wrong totals',
  'ignores the locale',
  'leaks memory',
  'is slow',
] as const;
const CONDITIONS = [
  'the list is empty',
  'the session expires',
  'the user switches tenants',
  'offline',
  'more than 1,000 items are selected',
  'the name contains emoji',
  'using Safari 17',
  'after a retry',
  'during a deploy',
  'the time zone is UTC+13',
] as const;
const TASKS = [
  'Upgrade Node.js to 22 in',
  'Add dashboards and alerts for',
  'Write a runbook for',
  'Remove the feature flag from',
  'Add load tests for',
  'Document the design of',
  'Backfill missing data in',
  'Reduce p95 latency of',
  'Migrate secrets of',
  'Add contract tests for',
] as const;
const SUBTASKS = [
  'Write unit tests',
  'Update API docs',
  'Implement backend endpoint',
  'Build UI',
  'Design review',
  'QA on staging',
  'Add analytics events',
  'Update translations',
  'Code review follow-ups',
  'Add migration script',
  'Feature flag rollout',
  'Accessibility check',
] as const;
const INITIATIVE_THEMES = [
  'Enterprise readiness',
  'Self-serve onboarding',
  'Reliability at scale',
  'International expansion',
  'Faster time to value',
  'Cost efficiency',
  'Trust and compliance',
  'Developer ecosystem',
  'Mobile-first experience',
  'Retention and expansion',
] as const;

export function initiativeSummary(rnd: Random, area: ProductArea): string {
  return `${rnd.pick(INITIATIVE_THEMES)}: ${rnd.pick(area.capabilities)} (${rnd.pick(QUARTERS)} ${rnd.int(2024, 2026)})`;
}

export function epicSummary(rnd: Random, area: ProductArea): string {
  return rnd.chance(0.6)
    ? `${capitalise(rnd.pick(area.capabilities))} for the ${rnd.pick(area.components)}`
    : `Rework the ${rnd.pick(area.components)}`;
}

export function storySummary(rnd: Random, area: ProductArea): string {
  return rnd.chance(0.5)
    ? `As a ${rnd.pick(PERSONAS)}, I can ${rnd.pick(VERBS_STORY)} ${rnd.pick(OBJECTS)} in the ${rnd.pick(area.components)}`
    : `Support ${rnd.pick(area.capabilities)} in the ${rnd.pick(area.components)}`;
}

export function taskSummary(rnd: Random, area: ProductArea): string {
  return `${rnd.pick(TASKS)} the ${rnd.pick(area.components)}`;
}

export function bugSummary(rnd: Random, area: ProductArea): string {
  return `${capitalise(rnd.pick(area.components))} ${rnd.pick(SYMPTOMS)} when ${rnd.pick(CONDITIONS)}`;
}

export function subtaskSummary(rnd: Random): string {
  return rnd.pick(SUBTASKS);
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
