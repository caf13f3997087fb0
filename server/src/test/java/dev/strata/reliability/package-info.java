/**
 * Reliability and security tests (issues 9 and 17): hostile and broken input, property tests over
 * random repositories and mutated real files, coverage-guided fuzz targets ({@code *FuzzTest},
 * Jazzer; {@code mvn verify} replays their committed inputs), secret canaries and a reflection walk
 * over everything a snapshot holds, exact protocol errors, workspace containment and static checks
 * that main code never starts a program or opens a connection. Nothing here may crash the analysis:
 * every test asserts that a failure becomes a finding, a note, an error response or an exit code,
 * never an exception.
 */
package dev.strata.reliability;
