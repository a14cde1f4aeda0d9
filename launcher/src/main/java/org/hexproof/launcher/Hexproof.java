package org.hexproof.launcher;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code hexproof} jar: one subcommand per job or tool. */
@Command(
    name = "hexproof",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "hexproof: open radio proof-of-coverage network.",
    subcommands = {
      AirtimeCommand.class,
      BeaconCommand.class,
      HexDensityCommand.class,
      RewardsCommand.class,
      LedgerCommand.class,
      KeysCommand.class,
      GatewayCommand.class,
      HotspotCommand.class,
      CoverageCommand.class,
      VerifyCommand.class,
      DevnetCommand.class,
      FieldTestCommand.class,
      OracleCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Hexproof implements Runnable {
  /** Exit code for bad arguments or bad input files. */
  public static final int EXIT_USAGE = 2;

  /** Exit code when the work itself failed (I/O, infrastructure). */
  public static final int EXIT_FAILURE = 1;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "expected a subcommand");
  }

  /** Runs the command line and exits the JVM with its exit code. */
  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    System.exit(run(args, out, err));
  }

  /**
   * Runs the command line with these streams: JSON results go to {@code out}, one-line errors to
   * {@code err}.
   *
   * @return the exit code: 0 success, 2 bad arguments or input, 1 failure
   */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new Hexproof());
    cli.setOut(out);
    cli.setErr(err);
    cli.setParameterExceptionHandler(Hexproof::onBadArguments);
    cli.setExecutionExceptionHandler(Hexproof::onFailure);
    int code = cli.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  private static int onBadArguments(CommandLine.ParameterException e, String[] args) {
    CommandLine cmd = e.getCommandLine();
    cmd.getErr().println(cmd.getCommandSpec().qualifiedName() + ": " + oneLine(e.getMessage()));
    return EXIT_USAGE;
  }

  private static int onFailure(Exception e, CommandLine cmd, CommandLine.ParseResult parseResult) {
    String name = cmd.getCommandSpec().qualifiedName();
    if (e instanceof BadInputException bad) {
      cmd.getErr().println(name + ": " + oneLine(bad.getMessage()));
      return EXIT_USAGE;
    }
    cmd.getErr()
        .println(
            name
                + ": "
                + oneLine(String.valueOf(e.getMessage()))
                + " ("
                + e.getClass().getSimpleName()
                + ")");
    return EXIT_FAILURE;
  }

  private static String oneLine(String message) {
    return message.replaceAll("\\s*\\R\\s*", " ").trim();
  }
}
