package org.hexproof.poc.worker;

import org.hexproof.poc.verify.WitnessReport;

/** A witness report joined to a claimed beacon. */
record ClaimedWitness(String reportId, WitnessReport report) {}
