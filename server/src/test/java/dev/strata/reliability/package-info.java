/**
 * Reliability and security tests (issue 9): hostile and broken input, property tests over random
 * repositories and mutated real files, secret canaries, workspace containment and static checks
 * that main code never starts a program or opens a connection. Nothing here may crash the analysis:
 * every test asserts that a failure becomes a finding, a note or an exit code, never an exception.
 */
package dev.strata.reliability;
