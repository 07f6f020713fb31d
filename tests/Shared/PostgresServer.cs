using System.Diagnostics;
using Npgsql;

namespace CampaignAdmin.Tests.Shared;

/// <summary>
/// The machine's PostgreSQL server, started for this test run: <c>initdb</c> and <c>pg_ctl</c> in a temporary directory,
/// listening only on a free loopback port, trusting its own user (nothing else can reach it). Started on first use, and
/// stopped (its directory removed) by a small watchdog once the test process has ended, however it ended: tests failed,
/// or the process was killed. Shared by the API, dashboard and end-to-end tests (linked from tests/Shared). PostgreSQL refuses to run as root, so as root it runs as the <c>postgres</c> OS user.
/// </summary>
public sealed class PostgresServer
{
    private const string DirectoryPrefix = "campaignadmin-pg-";
    private static readonly Lazy<PostgresServer> Started = new(Start);

    private readonly string _bin;
    private readonly string _directory;
    private readonly int _port;

    private PostgresServer(string bin, string directory, int port) => (_bin, _directory, _port) = (bin, directory, port);

    public static PostgresServer Shared => Started.Value;

    /// <summary>Where <c>initdb</c> and <c>pg_ctl</c> are: <c>CAMPAIGNADMIN_PG_BIN</c>, else the newest Debian install, else none.</summary>
    public static string? BinDirectory { get; } = FindBin();

    /// <summary>Why PostgreSQL tests cannot run here, or null when they can.</summary>
    public static string? Missing => BinDirectory is null
        ? "PostgreSQL is not installed (no initdb in CAMPAIGNADMIN_PG_BIN or /usr/lib/postgresql/*/bin); ./test.sh installs Debian's postgresql"
        : null;

    private string AdminConnectionString => Connection("postgres");

    /// <summary>A new, empty database on the server, with a connection string for it.</summary>
    public string CreateDatabase()
    {
        var name = "test_" + Guid.NewGuid().ToString("N");
        Execute($"CREATE DATABASE {name}");
        return Connection(name);
    }

    public void DropDatabase(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        NpgsqlConnection.ClearAllPools();
        Execute($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
    }

    /// <summary>A connection string for <paramref name="database"/>; the password is ignored (trust) and only shows it is never printed.</summary>
    public string Connection(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = _port,
        Username = "postgres",
        Password = "never-printed",
        Database = database,
        Pooling = true,
    }.ConnectionString;

    private void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(AdminConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    private static PostgresServer Start()
    {
        var bin = BinDirectory ?? throw new InvalidOperationException(Missing);
        if (OperatingSystem.IsWindows()) throw new PlatformNotSupportedException("The tests' PostgreSQL server runs on Linux and macOS.");
        var directory = Path.Combine(Path.GetTempPath(), DirectoryPrefix + Environment.ProcessId);
        if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
        // The server's own user writes here: the data directory (its own, 0700), the socket and the log (not the umask's 0755).
        Directory.CreateDirectory(directory);
        File.SetUnixFileMode(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute |
            UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute |
            UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute);
        var server = new PostgresServer(bin, directory, FreePorts.Next());
        server.StopAfter(Environment.ProcessId);
        server.Run("initdb", "-D", server.Data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync");
        // The tests' own user is trusted; any other role must give its password (a test checks what a wrong one says).
        File.WriteAllText(Path.Combine(server.Data, "pg_hba.conf"),
            "local all all trust\nhost all postgres 127.0.0.1/32 trust\nhost all all 127.0.0.1/32 scram-sha-256\n");
        // Durability is not what tests check: no fsync, so a database is created in milliseconds.
        server.Run("pg_ctl", "-D", server.Data, "-l", Path.Combine(directory, "server.log"), "-w", "-t", "60", "start",
            "-o", $"-h 127.0.0.1 -p {server._port} -k {directory} -F -c full_page_writes=off -c synchronous_commit=off -c max_connections=300");
        return server;
    }

    private string Data => Path.Combine(_directory, "data");

    /// <summary>
    /// A detached shell (its own session, its output nowhere, so no test runner waits for it) that stops the server and
    /// removes its directory once process <paramref name="pid"/> is gone.
    /// </summary>
    private void StopAfter(int pid)
    {
        var stop = string.Join(' ', Invocation("pg_ctl").Select(a => $"'{a}'")) + $" -D '{Data}' -m immediate -w stop";
        var script = $"exec >/dev/null 2>&1 </dev/null; while kill -0 {pid}; do sleep 0.5; done; {stop}; rm -rf '{_directory}'";
        using var watchdog = Process.Start(new ProcessStartInfo("setsid", ["sh", "-c", script]) { UseShellExecute = false })
            ?? throw new InvalidOperationException("could not start the PostgreSQL watchdog");
    }

    /// <summary>A server tool's command line: as the <c>postgres</c> user when this process is root.</summary>
    private string[] Invocation(string tool) =>
        Environment.UserName == "root" ? ["runuser", "-u", "postgres", "--", Path.Combine(_bin, tool)] : [Path.Combine(_bin, tool)];

    /// <summary>Runs a server tool and waits for it; a failure says what the tool said.</summary>
    private void Run(string tool, params string[] arguments)
    {
        var invocation = Invocation(tool);
        var start = new ProcessStartInfo(invocation[0])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in invocation[1..].Concat(arguments)) start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {tool}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{tool} failed ({process.ExitCode}): {error.Result}{output.Result}");
    }

    private static string? FindBin()
    {
        if (Environment.GetEnvironmentVariable("CAMPAIGNADMIN_PG_BIN") is { Length: > 0 } configured)
            return File.Exists(Path.Combine(configured, "initdb")) ? configured : null;
        if (!Directory.Exists("/usr/lib/postgresql")) return null;
        return Directory.GetDirectories("/usr/lib/postgresql")
            .Select(version => Path.Combine(version, "bin"))
            .Where(bin => File.Exists(Path.Combine(bin, "initdb")))
            .OrderByDescending(bin => int.TryParse(Path.GetFileName(Path.GetDirectoryName(bin)), out var major) ? major : 0)
            .FirstOrDefault();
    }
}
