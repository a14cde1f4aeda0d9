package org.hexproof.launcher;

import picocli.CommandLine;

/** Reads the version from the jar manifest. */
final class VersionProvider implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = Hexproof.class.getPackage().getImplementationVersion();
    return new String[] {"hexproof " + (version == null ? "(development build)" : version)};
  }
}
