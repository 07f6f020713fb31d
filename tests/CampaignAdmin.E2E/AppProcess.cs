using System.Diagnostics;
using System.Reflection;
using System.Text;

namespace CampaignAdmin.E2E;

/// <summary>
/// A real app as a child process on a free port with its own temporary SQLite databases: the dashboard
/// (<c>dotnet CampaignAdmin.Web.dll --urls http://127.0.0.1:port</c>, embedded unless told otherwise) or the standalone Campaign API.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly string _dataDirectory;

    private readonly string _name;

    private AppProcess(string name, Process process, string dataDirectory, Uri baseUrl)
    {
        _name = name;
        _process = process;
        _dataDirectory = dataDirectory;
        BaseUrl = baseUrl;
    }

    public const string AdminEmail = "admin@e2e.test";
    public const string AdminPassword = "E2E-admin-password-1";

    public Uri BaseUrl { get; }

    /// <summary>The app's process id (the benchmark reads its memory from /proc).</summary>
    public int ProcessId => _process.Id;

    /// <summary>The app's temporary folder: its SQLite files live here.</summary>
    public string DataDirectory => _dataDirectory;

    public string Output { get { lock (_output) return _output.ToString(); } }

    /// <summary>The dashboard; <paramref name="settings"/> (environment variables) are added to or replace the defaults.</summary>
    public static Task<AppProcess> StartAsync(IReadOnlyDictionary<string, string>? settings = null) =>
        StartAsync("dashboard", FindDll("CampaignAdmin.Web"), "account/sign-in", "CampaignAdmin dashboard: open", new Dictionary<string, string>
        {
            ["ConnectionStrings__Dashboard"] = "dashboard.db",
            // The first-run admin; the fixture creates the other roles' users through the Users page.
            ["Admin__Email"] = AdminEmail,
            ["Admin__Password"] = AdminPassword,
        }, settings);

    /// <summary>The standalone Campaign API in Development: the demo company, its templates and the development key.</summary>
    public static Task<AppProcess> StartApiAsync() =>
        StartAsync("Campaign API", FindDll("CampaignAdmin.Api"), "v2/whatsapp/templates", "Now listening on", new Dictionary<string, string>(), null);

    private static async Task<AppProcess> StartAsync(string name, string dll, string probe, string readyLine,
        Dictionary<string, string> defaults, IReadOnlyDictionary<string, string>? settings)
    {
        var port = FreePorts.Next();
        var baseUrl = new Uri($"http://127.0.0.1:{port}/");
        var dataDirectory = Directory.CreateTempSubdirectory("campaignadmin-e2e-").FullName;
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { dll, "--urls", baseUrl.ToString().TrimEnd('/') },
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["ConnectionStrings__Campaigns"] = "campaigns.db",
            ["Sandbox__DeliveredAfter"] = "00:00:03",
            ["Sandbox__ReadAfter"] = "00:00:06",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
            // CAMPAIGNADMIN_TEST_DATABASE=Postgres: the API's store and the dashboard's database on the run's own PostgreSQL server.
            ["Database__Provider"] = TestProvider.Name,
        };
        foreach (var (key, value) in defaults.Concat(settings ?? new Dictionary<string, string>())) environment[key] = value;
        var databases = new List<string>();
        foreach (var (key, value) in environment)
            // A bare file name is this app's own database: a SQLite file in its temporary folder, or a fresh PostgreSQL database.
            start.Environment[key] = key.StartsWith("ConnectionStrings__", StringComparison.Ordinal) && value.EndsWith(".db", StringComparison.Ordinal)
                ? OwnDatabase(value, dataDirectory, databases, environment["Database__Provider"])
                : value;
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start 'dotnet'.");
        var app = new AppProcess(name, process, dataDirectory, baseUrl) { _databases = databases };
        process.OutputDataReceived += (_, e) => app.Append(e.Data);
        process.ErrorDataReceived += (_, e) => app.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await app.WaitUntilAnsweringAsync(probe, readyLine, TimeSpan.FromSeconds(90));
        return app;
    }

    private List<string> _databases = [];

    private static string OwnDatabase(string file, string dataDirectory, List<string> databases, string provider)
    {
        if (!string.Equals(provider, "Postgres", StringComparison.OrdinalIgnoreCase)) return $"Data Source={Path.Combine(dataDirectory, file)}";
        var connectionString = PostgresServer.Shared.CreateDatabase();
        databases.Add(connectionString);
        return connectionString;
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }

    private async Task WaitUntilAnsweringAsync(string probe, string readyLine, TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"The {_name} exited with code {_process.ExitCode}:\n{Output}");
            try
            {
                // Any answer at all (the API says 401 without a key) once the app has logged that it is ready.
                using var response = await http.GetAsync(probe);
                if ((int)response.StatusCode < 500 && Output.Contains(readyLine, StringComparison.Ordinal)) return;
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (TaskCanceledException)
            {
                // not answering yet
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"The {_name} did not answer at {BaseUrl} within {timeout.TotalSeconds:0} s:\n{Output}");
    }

    /// <summary>A project's own build output (the dashboard's has its static web assets manifest), of this test build's configuration.</summary>
    private static string FindDll(string project)
    {
        var overridden = Environment.GetEnvironmentVariable(project == "CampaignAdmin.Web" ? "CAMPAIGNADMIN_WEB_DLL" : "CAMPAIGNADMIN_API_DLL");
        if (!string.IsNullOrWhiteSpace(overridden)) return overridden;
        var configuration = typeof(AppProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(Path.Combine(dir.FullName, "CampaignAdmin.sln"))) continue;
            var dll = Path.Combine(dir.FullName, "src", project, "bin", configuration, "net10.0", project + ".dll");
            return File.Exists(dll) ? dll : throw new FileNotFoundException($"Build the solution first: {dll} is missing.");
        }
        throw new DirectoryNotFoundException("Could not find the repository root (CampaignAdmin.sln) above " + AppContext.BaseDirectory);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        foreach (var database in _databases) PostgresServer.Shared.DropDatabase(database);
        try { Directory.Delete(_dataDirectory, recursive: true); }
        catch (IOException) { /* a file still held open: the temp folder is cleaned by the OS */ }
    }
}
