using System.Diagnostics;
using System.Text;
using Refit;

namespace CampaignAdmin.Api.Tests.Infrastructure;

/// <summary>
/// The standalone API (<c>dotnet CampaignAdmin.Api.dll</c> from this test's output) as a real child process on a free
/// port and a given database (<see cref="TestDatabase"/>), so a test can <c>kill -9</c> it mid-send and start it again on the same database.
/// </summary>
public sealed class ApiProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ApiProcess(Process process, Uri baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    public int ProcessId => _process.Id;

    /// <summary>The campaigns API of this process, with the demo company's key.</summary>
    public ICampaignApi Campaigns()
    {
        var http = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromMinutes(2) };
        http.DefaultRequestHeaders.Add(Contracts.Wire.WireHeaders.ApiKey, ApiFactory.DemoKey);
        return RestService.For<ICampaignApi>(http, ServiceCollectionExtensions.RefitSettings);
    }

    public string Output { get { lock (_output) return _output.ToString(); } }

    /// <summary>Starts the API on <paramref name="database"/>; <paramref name="settings"/> are environment variables.</summary>
    public static async Task<ApiProcess> StartAsync(TestDatabase database, IReadOnlyDictionary<string, string> settings, TimeSpan timeout)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "CampaignAdmin.Api.dll");
        var baseUrl = new Uri($"http://127.0.0.1:{FreePort()}/");
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { dll, "--urls", baseUrl.ToString().TrimEnd('/') },
            WorkingDirectory = database.Directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        foreach (var (key, value) in database.Settings) start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in settings) start.Environment[key] = value;

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start 'dotnet'.");
        var app = new ApiProcess(process, baseUrl);
        process.OutputDataReceived += (_, e) => app.Append(e.Data);
        process.ErrorDataReceived += (_, e) => app.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await app.WaitUntilAnsweringAsync(timeout);
        return app;
    }

    /// <summary>SIGKILL on Linux: no shutdown code runs, exactly like a crash or an OOM kill.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
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
            if (_process.HasExited) throw new InvalidOperationException($"The API exited with code {_process.ExitCode}:\n{Output}");
            try
            {
                // Any answer below 500 (401 without a key) means the host is up and the database migrated.
                using var response = await http.GetAsync(new Uri("v2/whatsapp/templates", UriKind.Relative));
                if ((int)response.StatusCode < 500) return;
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (TaskCanceledException)
            {
                // not answering yet
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"The API did not answer at {BaseUrl} within {timeout.TotalSeconds:0} s:\n{Output}");
    }

    /// <summary>A loopback port nothing listens on right now.</summary>
    internal static int FreePort() => FreePorts.Next();

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }
}
