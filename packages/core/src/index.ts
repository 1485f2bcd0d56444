export { CouncilElement, type FieldError } from './council-element.js';
export { councilNow } from './clock.js';
export {
  HttpClient,
  configureHttp,
  newIdempotencyKey,
  type HttpClientOptions,
  type HttpConfig,
  type RequestOptions,
  type PostOptions,
  type ResponseReader,
} from './http/client.js';
export { ApiError, isApiError, parseRetryAfter, type ApiErrorKind, type ProblemBody } from './http/errors.js';
export { localeOf, onLangChange, locales, type Locale } from './i18n/locale.js';
export { translate, type Catalogue, type Message, type Params, type StringOverrides } from './i18n/translate.js';
export { formatDate, parseIsoDate } from './i18n/dates.js';
export { coreStrings, flowStrings } from './i18n/core.i18n.js';
export { announce, lastAnnouncement } from './announcer.js';
export { DraftStore, draftKey } from './drafts.js';
export { QuestionFlow, type FlowDraft, type FlowHost, type FlowOptions, type Step, type StepChangeDetail, type StepError } from './flow/question-flow.js';
export * from './styles/index.js';
