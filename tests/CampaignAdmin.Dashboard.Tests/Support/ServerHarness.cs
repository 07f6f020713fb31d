using System.Security.Claims;
using CampaignAdmin.Client;
using CampaignAdmin.Dashboard.Hosting;
using CampaignAdmin.Dashboard.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CampaignAdmin.Dashboard.Tests.Support;

/// <summary>
/// The dashboard's real sign-in, authorization and audit services (<c>AddDashboardIdentity</c>) on a temporary SQLite file, with the
/// fake Campaign API, and a user of the test's choosing in place of the circuit's. No UI, no HTTP: the handlers alone.
/// </summary>
public sealed class ServerHarness : IAsyncDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("campaignadmin-server-").FullName;
    private readonly WebApplication _app;
    private readonly FixedUser _user = new();

    /// <param name="settings">Configuration on top of the harness's own.</param>
    /// <param name="services">Registrations after the real ones (options, a clock).</param>
    public ServerHarness(IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production, ContentRootPath = _directory });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Dashboard"] = $"Data Source={Path.Combine(_directory, "dashboard.db")};Pooling=false",
            ["Admin:Email"] = "admin@test",
            ["Admin:Password"] = "Admin-password-1",
        });
        if (settings is not null) builder.Configuration.AddInMemoryCollection(settings);
        builder.AddDashboardIdentity();
        builder.Services.AddDashboardServices();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ICampaignApi>(Api);
        builder.Services.AddSingleton<IApiKeysApi>(Keys);
        builder.Services.AddSingleton<ITemplatesApi>(Templates);
        builder.Services.AddSingleton<CampaignAdmin.Dashboard.Preflight.IMediaProbe>(new FakeMediaProbe());
        builder.Services.AddScoped<AuthenticationStateProvider>(_ => _user);
        services?.Invoke(builder.Services);
        _app = builder.Build();
    }

    public FakeCampaignApi Api { get; } = new();

    public FakeApiKeysApi Keys { get; } = new();

    public FakeTemplatesApi Templates { get; } = new();

    public IServiceProvider Services => _app.Services;

    /// <summary>Runs the start-up work: migrations, roles, the first admin.</summary>
    public async Task<ServerHarness> StartAsync()
    {
        foreach (var service in _app.Services.GetServices<IHostedService>().OfType<DashboardDatabase>()) await service.StartAsync(default);
        return this;
    }

    /// <summary>A fresh scope (a circuit) acting as a user with <paramref name="role"/>, from <paramref name="ip"/>.</summary>
    public AsyncServiceScope As(string role, string email = "", string ip = "10.0.0.7")
    {
        _user.Principal = new ClaimsPrincipal(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, $"id-{role}"),
            new Claim(ClaimTypes.Name, email.Length > 0 ? email : $"{role.ToLowerInvariant()}@test"),
            new Claim(ClaimTypes.Role, role),
        ], "test"));
        var scope = _app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Security.ClientOrigin>().IpAddress = ip;
        return scope;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        try { Directory.Delete(_directory, recursive: true); }
        catch (IOException) { /* still open somewhere: the OS cleans temp */ }
    }

    private sealed class FixedUser : AuthenticationStateProvider
    {
        public ClaimsPrincipal Principal { get; set; } = new();

        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(Principal));
    }
}
