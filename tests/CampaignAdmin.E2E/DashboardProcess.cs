using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text;

namespace CampaignAdmin.E2E;

/// <summary>
/// The real dashboard, started embedded as a child process on a free port with its own temporary SQLite database:
/// <c>dotnet CampaignAdmin.Web.dll --urls http://127.0.0.1:port</c>.
/// </summary>
public sealed class DashboardProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly string _dataDirectory;

    private DashboardProcess(Process process, string dataDirectory, Uri baseUrl)
    {
        _process = process;
        _dataDirectory = dataDirectory;
        BaseUrl = baseUrl;
    }

    public const string AdminEmail = "admin@e2e.test";
    public const string AdminPassword = "E2E-admin-password-1";

    public Uri BaseUrl { get; }

    public string Output { get { lock (_output) return _output.ToString(); } }

    public static async Task<DashboardProcess> StartAsync()
    {
        var dll = FindWebDll();
        var port = FreePort();
        var baseUrl = new Uri($"http://127.0.0.1:{port}/");
        var dataDirectory = Directory.CreateTempSubdirectory("campaignadmin-e2e-").FullName;
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { dll, "--urls", baseUrl.ToString().TrimEnd('/') },
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["ConnectionStrings__Campaigns"] = $"Data Source={Path.Combine(dataDirectory, "campaigns.db")}",
                ["ConnectionStrings__Dashboard"] = $"Data Source={Path.Combine(dataDirectory, "dashboard.db")}",
                // The first-run admin; the fixture creates the other roles' users through the Users page.
                ["Admin__Email"] = AdminEmail,
                ["Admin__Password"] = AdminPassword,
                ["Sandbox__DeliveredAfter"] = "00:00:03",
                ["Sandbox__ReadAfter"] = "00:00:06",
                ["Logging__LogLevel__Default"] = "Warning",
                ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
            },
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start 'dotnet'.");
        var app = new DashboardProcess(process, dataDirectory, baseUrl);
        process.OutputDataReceived += (_, e) => app.Append(e.Data);
        process.ErrorDataReceived += (_, e) => app.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await app.WaitUntilAnsweringAsync(TimeSpan.FromSeconds(90));
        return app;
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }

    private async Task WaitUntilAnsweringAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"The dashboard exited with code {_process.ExitCode}:\n{Output}");
            try
            {
                using var response = await http.GetAsync("account/sign-in");
                if (response.IsSuccessStatusCode && Output.Contains("CampaignAdmin dashboard: open", StringComparison.Ordinal)) return;
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
        throw new TimeoutException($"The dashboard did not answer at {BaseUrl} within {timeout.TotalSeconds:0} s:\n{Output}");
    }

    /// <summary>The dashboard's own build output (with its static web assets manifest), of this test build's configuration.</summary>
    private static string FindWebDll()
    {
        var overridden = Environment.GetEnvironmentVariable("CAMPAIGNADMIN_WEB_DLL");
        if (!string.IsNullOrWhiteSpace(overridden)) return overridden;
        var configuration = typeof(DashboardProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(Path.Combine(dir.FullName, "CampaignAdmin.sln"))) continue;
            var dll = Path.Combine(dir.FullName, "src", "CampaignAdmin.Web", "bin", configuration, "net10.0", "CampaignAdmin.Web.dll");
            return File.Exists(dll) ? dll : throw new FileNotFoundException($"Build the dashboard first: {dll} is missing.");
        }
        throw new DirectoryNotFoundException("Could not find the repository root (CampaignAdmin.sln) above " + AppContext.BaseDirectory);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        try { Directory.Delete(_dataDirectory, recursive: true); }
        catch (IOException) { /* a file still held open: the temp folder is cleaned by the OS */ }
    }
}
