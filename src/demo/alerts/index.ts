// The simulated alerting pipeline: the runbooks' rules and an Alertmanager v2 they push to.
export { createAlertRules, type AlertRulesOptions } from './rules.js';
export { createAlertmanager, type AlertmanagerOptions, type AlertmanagerSimWithState } from './alertmanager.js';
export { fingerprint } from './fingerprint.js';
