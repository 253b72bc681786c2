/**
 * The contract's types in one place, type-only: the client imports these (erased at build, so
 * zod never reaches its bundle) and its values only from enums.ts and errors.ts.
 */
import type { z } from 'zod';
import type { articleCreateSchema, articleUpdateSchema } from './articles';
import type { contactCloseSchema, contactOpenSchema, flagSchema } from './contacts';

export type * from './enums';
export type { DrillMetric, MetricKey } from './metrics';
export type { ErrorId, ErrorBody } from './errors';
export type { ArticleRef, DepartmentRef, PageMeta, PersonRef, SlugRef } from './refs';
export type { LoginResponse, Me, MfaEnrolment, MfaStatusData, Providers } from './auth';
export type {
  InviteResult,
  InviteUser,
  PasswordLinkInfo,
  ResetResult,
  SessionInfo,
  User,
  UserDetail,
  UserUpdate,
} from './users';
export type {
  Department,
  DepartmentCreate,
  DepartmentUpdate,
  ImpactArticle,
  ImpactData,
} from './departments';
export type { SearchFacets, SearchHit, SearchOptions, SearchResult } from './search';
export type { Contact } from './contacts';
export type {
  ArticleRequest,
  Flag,
  QueueArticle,
  QueueData,
  QueueFlag,
  QueueFlagReason,
  RequestGroup,
} from './queue';
export type {
  Article,
  ArticleDiff,
  ArticleSummary,
  ArticleVersion,
  DiffField,
  DiffPart,
  HistoryEntry,
} from './articleResponses';
export type { ConfidenceChange, RestoreInput, VerifyInput } from './articleRequests';
export type { Settings } from './settings';
export type { ApiToken, TokenCreate } from './tokens';
export type { Webhook, WebhookCreate, WebhookDelivery } from './webhooks';
export type { AuditEntry, AuditFilter } from './audit';
export type {
  Bucket,
  DrillContact,
  GapKind,
  GapRow,
  Gaps,
  MatrixCell,
  PublishSpread,
  SeriesPoint,
  StatsRange,
  Summary,
  TimeToPublish,
} from './stats';

/** Request bodies as the client sends them (before defaults and trimming). */
export type NewContact = z.input<typeof contactOpenSchema>;
export type CloseContact = z.input<typeof contactCloseSchema>;
export type NewFlag = z.input<typeof flagSchema>;
export type ArticleInput = z.input<typeof articleCreateSchema>;
export type ArticlePatch = z.input<typeof articleUpdateSchema>;
