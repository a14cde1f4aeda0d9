package org.hexproof.gateway.server;

/**
 * A gateway's GPS position as its {@code stat} reports it.
 *
 * @param latDegrees latitude
 * @param lngDegrees longitude
 * @param altitudeMeters altitude above sea level
 */
public record GatewayLocation(double latDegrees, double lngDegrees, int altitudeMeters) {}
