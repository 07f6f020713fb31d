using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using CampaignAdmin.Client;
using CampaignAdmin.Api.Tests.Infrastructure;
using Refit;

namespace CampaignAdmin.Bench;

/// <summary>
/// The standalone API (<c>dotnet CampaignAdmin.Api.dll</c>, the Release build next to this benchmark) as a child process
/// on a fresh database (<see cref="ApiHost.Provider"/>), or on one it shares with others: its first create is a fresh
/// process's first, and its memory is its own (VmHWM).
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly TestDatabase? _ownDatabase;

    private ServerProcess(Process process, TestDatabase? ownDatabase, Uri baseAddress, string apiKey)
    {
        (_process, _ownDatabase) = (process, ownDatabase);
        var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(30), MaxConnectionsPerServer = 16 };
        Http = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(5) };
        Http.DefaultRequestHeaders.Add(CampaignAdmin.Contracts.Wire.WireHeaders.ApiKey, apiKey);
        Api = RestService.For<ICampaignApi>(Http, ServiceCollectionExtensions.StrictRefitSettings);
    }

    public HttpClient Http { get; }

    public ICampaignApi Api { get; }

    public int Id => _process.Id;

    /// <summary>Milliseconds from the process start until it answered its first request.</summary>
    public double ReadyMs { get; private set; }

    /// <summary>From the start until <c>/health/ready</c> says ready: the create path warmed (what a readiness probe waits for).</summary>
    public double WarmMs { get; private set; }

    /// <param name="shared">A database other processes use too (kept when this one ends), or null for one of its own.</param>
    /// <param name="apiKey">The demo company's key; the processes sharing a database share it.</param>
    /// <param name="settings">More settings (configuration keys), over the defaults.</param>
    public static async Task<ServerProcess> StartAsync(TestDatabase? shared = null, string? apiKey = null, IReadOnlyDictionary<string, string>? settings = null)
    {
        var database = shared ?? new TestDatabase(ApiHost.Provider);
        var directory = database.Directory;
        apiKey ??= NewApiKey();
        var address = new Uri($"http://127.0.0.1:{FreePorts.Next()}/");
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(Environment.GetEnvironmentVariable("BENCH_API_DIR") is { Length: > 0 } dir ? dir : AppContext.BaseDirectory, "CampaignAdmin.Api.dll"), "--urls", address.ToString().TrimEnd('/') },
            WorkingDirectory = directory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Dispatcher__MessagesPerSecond"] = "0",
            ["Demo__Seed"] = "true",
            ["Demo__ApiKey"] = apiKey,
            ["RateLimiting__Enabled"] = "false",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        foreach (var (key, value) in database.Settings.Concat(settings ?? new Dictionary<string, string>()))
            environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        foreach (var (key, value) in environment) start.Environment[key] = value;

        var clock = Stopwatch.StartNew();
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet");
        process.OutputDataReceived += (_, e) => { if (e.Data is { Length: > 0 } line) Report.Note("  api: " + line); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { Length: > 0 } line) Report.Note("  api: " + line); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new ServerProcess(process, shared is null ? database : null, address, apiKey);
        await server.WaitUntilAsync("v2/campaign/getAll?resultSize=1", TimeSpan.FromSeconds(60));
        server.ReadyMs = clock.Elapsed.TotalMilliseconds;
        await server.WaitUntilAsync("health/ready", TimeSpan.FromSeconds(60));
        server.WarmMs = clock.Elapsed.TotalMilliseconds;
        return server;
    }

    public static string NewApiKey() => "ca_bench_" + Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();

    /// <summary>The peak resident set (VmHWM) since the start or the last <see cref="ResetPeak"/>, in MiB.</summary>
    public double PeakRssMb() => StatusKb("VmHWM:") / 1024.0;

    public double RssMb() => StatusKb("VmRSS:") / 1024.0;

    /// <summary>CPU time the process used so far (user + system, /proc/&lt;pid&gt;/stat), in ms: less sensitive to a busy machine than wall time.</summary>
    public double CpuMs()
    {
        var stat = File.ReadAllText($"/proc/{_process.Id}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        // utime and stime are fields 14 and 15 of the whole line, in clock ticks (100 per second on Linux).
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) * 10.0;
    }

    /// <summary>Writing 5 to clear_refs resets the kernel's peak RSS of the process (Linux 4.0+).</summary>
    public void ResetPeak() => File.WriteAllText($"/proc/{_process.Id}/clear_refs", "5");

    private long StatusKb(string field)
    {
        var line = File.ReadLines($"/proc/{_process.Id}/status").First(l => l.StartsWith(field, StringComparison.Ordinal));
        return long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    }

    private async Task WaitUntilAsync(string path, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (_process.HasExited) throw new InvalidOperationException($"the API exited with code {_process.ExitCode}");
            try
            {
                using var response = await Http.GetAsync(new Uri(path, UriKind.Relative));
                if (response.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            await Task.Delay(20);
        }
        throw new TimeoutException($"the API did not answer {path} with a success");
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        _ownDatabase?.Dispose();
    }
}
