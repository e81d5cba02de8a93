// The checks of a report (docs/report-model.md "Findings", docs/domain-rules.md §7). runChecks needs only the report;
// the rules that need other data (last year's report, the organ's kind and deadlines) take it as arguments.
// Rule ids are stable: RULES lists each with its Chinese name, severity and description.
import type { Finding, Report } from './model';
import { arithmeticChecks, type ArithmeticOptions } from './checks/arithmetic';
import { formChecks, type FormOptions } from './checks/form';
import { checkT2 } from './checks/narrative';

export { RULES, finding, type RuleDef, type RuleId, type RuleScope } from './checks/rules';
export {
	checkCarryOver,
	checkTimeliness,
	checkAgainstPrevious,
	textSimilarity,
	shingles,
	jaccard,
	DEFAULT_DEADLINES,
	type Deadlines,
	type CompareOptions
} from './checks/cross';

export type CheckOptions = ArithmeticOptions & FormOptions;

/** Every single-report rule: A0–A9, C1, F1–F9, T2. Findings come in rule order; none mutate the report. */
export function runChecks(report: Report, options: CheckOptions = {}): Finding[] {
	return [...arithmeticChecks(report, options), ...formChecks(report, options), ...checkT2(report)];
}
