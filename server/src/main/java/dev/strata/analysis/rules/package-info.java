/**
 * One class per rule, named {@code <Subject><Problem>Rule} after its id {@code
 * <subject>-<problem>}. Each reads the analysis of a snapshot and reports findings; none does I/O,
 * formats line numbers or holds state between runs. The list of rules lives in {@link
 * dev.strata.analysis.RuleCatalogue}.
 */
package dev.strata.analysis.rules;
