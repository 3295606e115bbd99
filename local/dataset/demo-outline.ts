// The demo backlog, as an indented outline that reads like the board it becomes. build-demo.ts turns it
// into demo.json: keys, ids, ranks and dates follow from the order of the lines.
//
// Line format (indentation = parent):  [@PROJECT] Type | Summary | Status | assignee | labels | options
//   @PROJECT   project of this line and its children (default: the parent's project; for a top-level
//              line, the project of the previous top-level line)
//   assignee   a user handle from build-demo.ts, or - for unassigned
//   labels     comma-separated, or -
//   options    &name tags the issue; >Blocks:name, >Relates:name, >Cloners:name, >Duplicate:name link it
//              to a tagged issue; !Level sets a security level; ^Priority sets the priority

export const DEMO_OUTLINE = `
@PLAT Initiative | Self-serve onboarding for new teams | In Progress | priya | onboarding
  Epic | SSO domain capture at sign-up | In Progress | priya | onboarding
    Story | Admin verifies a company email domain with a DNS TXT record | Done | dan | backend
      Sub-task | Add the domain verification endpoint | Done | dan | -
      Sub-task | Re-verify domains nightly | Done | dan | -
      Sub-task | Unit tests for TXT record parsing | Done | dan | -
    Story | New users with a verified domain join the workspace automatically | In Progress | dan | backend | &autojoin >Blocks:iosmagic
      Sub-task | Auto-join rule in the tenant service | In Progress | dan | -
      Sub-task | Audit event for auto-joined users | To Do | dan | -
    Story | Workspace admin can turn auto-join off | To Do | - | backend
    Bug | Domain verification fails for domains with upper-case letters | In Review | dan | regression | ^High
  Epic | Guided setup checklist | To Do | priya | onboarding,needs-design
    Story | Checklist shows the first five setup steps | To Do | - | frontend
      Sub-task | Design review | To Do | - | -
      Sub-task | Build the checklist panel | To Do | - | -
    Story | Checklist progress is saved per user | Backlog | - | backend
    Task | Define checklist events in the tracking plan | To Do | priya | analytics
  @MOB Epic | Sign-up from the mobile apps with magic links | In Progress | dan | onboarding
    Story | User signs up from the iOS app with a magic link | In Progress | carla | ios | &iosmagic
      Sub-task | Handle the universal link on iOS | Done | carla | -
      Sub-task | QA on staging | To Do | carla | -
    Story | User signs up from the Android app with a magic link | To Do | carla | android | >Cloners:iosmagic
      Sub-task | Handle App Links on Android | To Do | carla | -
    Bug | Magic link opens the browser instead of the app on Android 14 | To Do | carla | android,release-blocker | ^Highest
Initiative | Reliability: 99.95% API availability | In Progress | priya | reliability
  Epic | Per-tenant rate limiting | Done | priya | api
    Story | Gateway enforces per-tenant request quotas | Done | dan | backend
      Sub-task | Token bucket per tenant in Redis | Done | dan | -
      Sub-task | Quota overrides in the admin console | Done | dan | -
    Story | Clients receive Retry-After with every 429 | Done | dan | api | &retryafter
    Task | Load test the rate limiter at 5k requests per second | Done | dan | performance
  Epic | Zero-downtime deploys | In Progress | dan | infra | &zdd
    Story | API gateway drains connections before shutdown | In Progress | dan | infra | &drain >Blocks:migrations
      Sub-task | Add a preStop hook | Done | dan | -
      Sub-task | Make the drain timeout configurable | In Progress | dan | -
    Story | Database migrations run before traffic shifts | To Do | - | infra | &migrations >Blocks:drain
    Task | Write the rollback runbook | To Do | priya | documentation
    Bug | Requests fail with 502 for 20 seconds during deploys | In Progress | dan | customer-reported,release-blocker | ^Highest >Relates:crash
  Epic | Multi-region failover | Backlog | priya | infra
    Story | Replicate tenant configuration to the secondary region | Backlog | - | backend
    Story | Health checks drive DNS failover | Backlog | - | infra
    Task | Run a failover drill | Backlog | - | -
Epic | Audit log v2 | Done | priya | compliance
  Story | Audit events name the acting service account | Done | dan | backend
    Sub-task | Extend the audit event schema | Done | dan | -
    Sub-task | Backfill actor ids | Done | dan | -
  Story | Admins export audit events as CSV | Done | dan | backend
  Bug | Audit log export times out for tenants with more than a million events | To Do | dan | customer-reported | ^High
    Sub-task | Stream the export instead of buffering it | To Do | dan | -
Epic | Usage-based billing | In Progress | priya | billing
  Story | Meter API calls per tenant | Done | dan | backend,billing
    Sub-task | Emit usage events from the gateway | Done | dan | -
    Sub-task | Aggregate usage hourly | Done | dan | -
  Story | Show current usage on the billing page | In Progress | dan | frontend,billing
    Sub-task | Usage chart component | In Review | dan | -
    Sub-task | Usage API endpoint | Done | dan | -
  Story | Invoice lines itemise usage above the plan allowance | To Do | - | billing
  Story | Admins get an email at 80% of the allowance | To Do | - | billing,notifications
  Bug | Usage counter resets at midnight UTC instead of the billing anchor | In Progress | dan | billing,regression | ^High
  Task | Document the metering design | Done | priya | documentation
Epic | Developer portal refresh | To Do | priya | api,docs
  Story | Interactive API reference generated from OpenAPI | To Do | - | api,docs
  Story | Code samples in TypeScript and Python | Backlog | - | docs
  Task | Audit broken links in the current portal | To Do | dan | docs
Task | Upgrade Node.js to 22 in all services | In Progress | dan | tech-debt
  Sub-task | Upgrade the job scheduler | Done | dan | -
  Sub-task | Upgrade the webhooks dispatcher | In Progress | dan | -
  Sub-task | Upgrade the billing service | To Do | - | -
Task | Customer data export for a legal hold (Acme Corp) | In Progress | priya | legal | !Confidential ^High
Bug | Webhook retries are delivered twice after a timeout | Done | dan | backend | &webhookdup
Bug | Duplicate webhook deliveries after a timeout | Won't Do | - | - | >Duplicate:webhookdup
Story | Service accounts rotate their own API keys | To Do | - | api
Story | Show request quotas on the API keys page | Backlog | - | api,frontend | >Relates:retryafter
Bug | Audit log search ignores the date filter | To Do | - | backend
Task | Remove the legacy v1 webhooks feature flag | Done | dan | tech-debt
Story | Tenant admins see a status page link in the app | Backlog | - | reliability
@MOB Initiative | Offline-first mobile app | In Progress | dan | offline
  Epic | Offline cache for projects and tasks | In Progress | dan | offline
    Story | User browses projects without a connection | Done | carla | ios,android
      Sub-task | SQLite cache schema | Done | carla | -
      Sub-task | Clear the cache when switching accounts | Done | carla | -
      Sub-task | Unit tests for the cache layer | Done | carla | -
    Story | Edits made offline sync when the connection returns | In Progress | carla | ios,android | &offlinesync >Relates:retryafter
      Sub-task | Conflict resolution rules | In Review | dan | -
      Sub-task | Retry queue with exponential backoff | In Progress | carla | -
      Sub-task | Sync status indicator | To Do | carla | -
    Story | User sees which items are not yet synced | To Do | - | ios,android
    Bug | App crashes when opening a cached task with attachments | In Progress | carla | ios,regression | &crash ^Highest
      Sub-task | Reproduce with a 50 MB attachment | Done | carla | -
  Epic | Background sync | To Do | dan | offline
    Story | iOS refreshes data in the background every 15 minutes | To Do | - | ios
    Story | Android syncs with a WorkManager job | To Do | - | android
    Task | Measure the battery impact of background sync | Backlog | - | performance
Epic | Notification preferences | Done | dan | notifications
  Story | User mutes notifications per project | Done | carla | ios,android
    Sub-task | Preferences screen | Done | carla | -
    Sub-task | Preferences API client | Done | carla | -
  Story | Quiet hours | Done | carla | ios,android
  Bug | Quiet hours ignore the device time zone | Done | carla | android
Epic | Dark mode | In Review | carla | ux
  Story | Dark theme for the task list | Done | carla | ux
  Story | Dark theme for settings | In Review | carla | ux
    Sub-task | Accessibility check | To Do | carla | -
  Bug | Low contrast on the due date chip in dark mode | To Do | carla | accessibility
Epic | Release 3.2 | In Progress | dan | release-train
  Task | Prepare App Store screenshots | To Do | carla | ios
  Task | Update the Play Store listing | To Do | carla | android
  Task | Release notes for 3.2 | To Do | dan | documentation
  Bug | Login screen freezes in iPad split view | In Progress | carla | ios | ^High
    Sub-task | Fix layout constraints on the login screen | In Review | carla | -
Epic | Home screen widgets | Backlog | dan | ios,android
  Story | Today widget lists tasks due today | Backlog | - | ios
  Story | Android widget with quick add | Backlog | - | android
  Task | Spike: widget data sharing with the app group | To Do | carla | ios
Task | Upgrade React Native to 0.76 | To Do | dan | tech-debt
  Sub-task | Upgrade navigation library | To Do | - | -
  Sub-task | Fix deprecated lifecycle warnings | To Do | - | -
Story | Tablet layout for task details | Backlog | - | ux
Bug | Push notifications arrive twice on Android after reinstall | Done | carla | android
Bug | Task due dates shift by one day in UTC-10 | In Review | carla | ios,android
Bug | Pull-to-refresh spinner never stops on slow networks | To Do | - | android
Task | Add crash-free sessions to the release dashboard | To Do | dan | observability
  Sub-task | Export crash-free rate from the crash reporter | To Do | dan | -
@SEC Initiative | SOC 2 Type II readiness | In Progress | priya | compliance
  Epic | Access reviews | In Progress | priya | compliance
    Story | Quarterly access review of production accounts | In Progress | priya | compliance
      Sub-task | Export IAM users and roles | Closed | priya | -
      Sub-task | Review with engineering managers | In Progress | priya | -
    Story | Offboarding removes access within 24 hours | Closed | alice | compliance
    Task | Collect evidence for control CC6.1 | To Do | priya | compliance
  Epic | Secrets management | In Progress | alice | security
    Story | All services read secrets from the vault | In Progress | alice | security | >Blocks:zdd
      Sub-task | Migrate the billing service secrets | Closed | alice | -
      Sub-task | Migrate the webhooks dispatcher secrets | To Do | alice | -
    Story | Secrets rotate automatically every 90 days | To Do | - | security
    Bug | Staging database password committed to a repository | Resolved | alice | security | ^Highest
  Epic | Vulnerability management | To Do | alice | security
    Story | Dependency scanning blocks merges with critical CVEs | To Do | - | security
    Task | Triage the 2025 penetration test findings | In Progress | priya | pentest
      Sub-task | Findings 1 to 10 | Closed | priya | -
      Sub-task | Findings 11 to 23 | In Progress | priya | -
    Bug | Base image ships an outdated OpenSSL | Resolved | alice | security | >Blocks:drain
Bug | Session tokens stay valid after a password reset | In Progress | priya | security | ^Highest >Blocks:autojoin
Task | Write incident response runbooks | To Do | alice | documentation
Task | Rotate the signing keys of all mobile builds | Closed | alice | security
  Sub-task | Rotate the iOS distribution certificate | Closed | alice | -
  Sub-task | Rotate the Android upload key | Resolved | alice | -
Bug | Admin console allows weak passwords for local accounts | To Do | priya | security | ^High
Story | Hardware security keys for admin accounts | To Do | - | security
Task | Review third-party OAuth app permissions | To Do | - | compliance
`;
