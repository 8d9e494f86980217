package pk.hifazat;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A throwaway PostgreSQL server from the machine's Debian packages, listening on 127.0.0.1 only.
 * Where no server is installed the test is skipped, except in CI, where it fails.
 */
public final class LocalPostgres implements AutoCloseable {

  private final Path binaries;
  private final Path dataDirectory;
  private final int port;

  private LocalPostgres(Path binaries, Path dataDirectory, int port) {
    this.binaries = binaries;
    this.dataDirectory = dataDirectory;
    this.port = port;
  }

  public static LocalPostgres start() throws Exception {
    Optional<Path> binaries = findBinaries();
    if (binaries.isEmpty()) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new IllegalStateException("PostgreSQL server binaries not found under"
            + " /usr/lib/postgresql; .ci/run installs them with apt-get");
      }
      assumeTrue(false, "PostgreSQL is not installed (apt-get install postgresql)");
    }
    Path data = Files.createTempDirectory("hifazat-pg");
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    LocalPostgres server = new LocalPostgres(binaries.get(), data, port);
    server.run("chown", "-R", "postgres:postgres", data.toString());
    server.asPostgres(binaries.get().resolve("initdb").toString(), "-D", data.toString(),
        "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync");
    server.asPostgres(binaries.get().resolve("pg_ctl").toString(), "-D", data.toString(),
        "-w", "-t", "60", "-l", data.resolve("server.log").toString(),
        "-o", "-h 127.0.0.1 -p " + port + " -k " + data + " -F", "start");
    try (Connection connection = DriverManager.getConnection(server.url("postgres"), "postgres",
        "");
        Statement statement = connection.createStatement()) {
      statement.execute("create user hifazat password 'hifazat'");
      statement.execute("create database hifazat owner hifazat");
    }
    return server;
  }

  public String url(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
  }

  public String url() {
    return url("hifazat");
  }

  /** Empties the database for the next test. */
  public void recreateDatabase() throws SQLException {
    try (Connection connection = DriverManager.getConnection(url("postgres"), "postgres", "");
        Statement statement = connection.createStatement()) {
      statement.execute("drop database if exists hifazat with (force)");
      statement.execute("create database hifazat owner hifazat");
    }
  }

  @Override
  public void close() throws Exception {
    try {
      asPostgres(binaries.resolve("pg_ctl").toString(), "-D", dataDirectory.toString(), "-w",
          "-m", "immediate", "stop");
    } finally {
      try (var files = Files.walk(dataDirectory)) {
        files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
      }
    }
  }

  private static Optional<Path> findBinaries() throws IOException {
    Path root = Path.of("/usr/lib/postgresql");
    if (!Files.isDirectory(root)) {
      return Optional.empty();
    }
    try (var versions = Files.list(root)) {
      return versions.map(version -> version.resolve("bin"))
          .filter(bin -> Files.isExecutable(bin.resolve("postgres"))
              && Files.isExecutable(bin.resolve("initdb")))
          .max(Comparator.comparing(Path::toString));
    }
  }

  /** PostgreSQL refuses to run as root: run its tools as the postgres user when we are root. */
  private void asPostgres(String... command) throws Exception {
    boolean root = "root".equals(System.getProperty("user.name"));
    List<String> line = new ArrayList<>();
    if (root) {
      line.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    line.addAll(Arrays.asList(command));
    run(line.toArray(String[]::new));
  }

  private void run(String... command) throws Exception {
    if (command[0].equals("chown") && !"root".equals(System.getProperty("user.name"))) {
      return;
    }
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    if (!process.waitFor(90, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IllegalStateException("Command failed: " + String.join(" ", command) + "\n"
          + output);
    }
  }
}
