package org.hexproof.fieldtests.drive;

import static org.hexproof.fieldtests.drive.DriveCsvTest.A;
import static org.hexproof.fieldtests.drive.DriveCsvTest.B;
import static org.hexproof.fieldtests.drive.DriveCsvTest.T;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.hexproof.core.testing.fuzz.FuzzTarget;
import org.hexproof.core.testing.fuzz.Fuzzer;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes the drive-test CSV reader ({@code hexproof field-test import}, everything but reading the
 * file): each document gives its rows or a {@link DriveCsvException} naming the file line and what
 * was expected, nothing else, and none hangs. A file that reads must write back to rows that read
 * the same. CI runs 20,000 inputs; a million:
 *
 * <pre>./mvnw -pl field-tests -am verify -Dtest=DriveCsvFuzzTest -Dhexproof.fuzz.count=1000000 \
 *   -Dsurefire.failIfNoSpecifiedTests=false -DskipITs</pre>
 */
class DriveCsvFuzzTest {
  private static final String FILE =
      DriveCsv.HEADER
          + "\n35.897123,14.461987,"
          + T
          + ",-97,6.5,"
          + A
          + "\n35.897123,14.461987,"
          + T
          + ",-112.25,-8,"
          + B
          + "\r\n35.9,14.47,"
          + T
          + ",,,\n";

  static FuzzTarget driveCsv() {
    return new FuzzTarget() {
      @Override
      public String name() {
        return "drive-csv";
      }

      @Override
      public List<byte[]> seeds() {
        return List.of(FuzzTarget.utf8(FILE));
      }

      @Override
      public List<Class<? extends Exception>> rejections() {
        return List.of(DriveCsvException.class);
      }

      @Override
      public byte[] alphabet() {
        return ",.-:TZ0123456789\r\n ".getBytes(StandardCharsets.US_ASCII);
      }

      @Override
      public void parse(byte[] input) {
        List<DriveRow> rows = DriveCsv.parse("fuzz.csv", input);
        List<DriveRow> again =
            DriveCsv.parse("again.csv", DriveCsv.write(rows).getBytes(StandardCharsets.UTF_8));
        if (!again.equals(rows)) {
          throw new AssertionError("rows do not survive a write and a read: " + rows);
        }
      }
    };
  }

  @Test
  void drive_files_are_read_or_refused_naming_the_line() {
    Fuzzer.run(driveCsv()).requireBothOutcomes();
  }
}
