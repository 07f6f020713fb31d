using CampaignAdmin.Api.Hosting;
using CampaignAdmin.Api.Seeding;
using CampaignAdmin.Client;
using CampaignAdmin.Web.Components;
using CampaignAdmin.Web.Components.Shared;
using CampaignAdmin.Web.Reports;
using CampaignAdmin.Web.Identity;
using CampaignAdmin.Web.Security;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MudBlazor;
using MudBlazor.Services;

namespace CampaignAdmin.Web.Hosting;

/// <summary>
/// The dashboard's services and pipeline. Without <c>CampaignApi:BaseUrl</c> it also hosts the Campaign API
/// (embedded mode) and its Refit client calls this very process over HTTP, exactly as it would call a remote one.
/// </summary>
public static class DashboardHosting
{
    public const long MaxCircuitMessageBytes = 4 * 1024 * 1024;

    public static WebApplicationBuilder AddDashboard(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var options = builder.Configuration.GetSection(CampaignApiOptions.Section).Get<CampaignApiOptions>() ?? new();
        var connection = ApiConnection.From(options);
        services.AddSingleton(connection);
        services.AddSingleton<SelfAddress>();

        if (connection.IsEmbedded)
        {
            builder.AddCampaignApi();
            var key = EmbeddedApiKey(builder.Configuration, builder.Environment);
            services.PostConfigure<CampaignApiOptions>(o => o.ApiKey = string.IsNullOrEmpty(o.ApiKey) ? key : o.ApiKey);
            services.AddCampaignApiClient(builder.Configuration, provider => provider.GetRequiredService<SelfAddress>().Resolve());
        }
        else
        {
            services.AddCampaignApiClient(builder.Configuration);
        }

        builder.AddDashboardIdentity();
        services.AddReverseProxy(builder.Configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<BrowserTimeZone>();
        services.AddReports();
        services.AddMudServices(config =>
        {
            config.SnackbarConfiguration.PositionClass = Defaults.Classes.Position.BottomRight;
            config.SnackbarConfiguration.VisibleStateDuration = 6000;
        });
        // A spreadsheet paste of 10,000 recipients is one ~0.5 MB message over the circuit; SignalR's default is 32 KB.
        services.AddRazorComponents().AddInteractiveServerComponents()
            .AddHubOptions(hub => hub.MaximumReceiveMessageSize = MaxCircuitMessageBytes);
        return builder;
    }

    public static WebApplication MapDashboard(this WebApplication app)
    {
        app.UseReverseProxy();
        var connection = app.Services.GetRequiredService<ApiConnection>();
        if (connection.IsEmbedded) app.MapCampaignApi();

        if (!app.Environment.IsDevelopment()) app.UseExceptionHandler("/error", createScopeForErrors: true);
        app.UseDashboardSecurity();
        app.UseDashboardAssets();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapReports();
        // Every page and the circuit's hub (/_blazor) need a signed-in user; the sign-in pages opt out with [AllowAnonymous].
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode().RequireAuthorization();
        app.PrintUrlOnStart(connection);
        return app;
    }

    /// <summary><c>CampaignApi:ApiKey</c>, else the demo company's <c>Demo:ApiKey</c>, else (Development only) the documented demo key.</summary>
    public static string EmbeddedApiKey(IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = configuration[$"{CampaignApiOptions.Section}:{nameof(CampaignApiOptions.ApiKey)}"];
        if (!string.IsNullOrEmpty(configured)) return configured;
        var demo = configuration[$"{DemoOptions.Section}:{nameof(DemoOptions.ApiKey)}"];
        if (!string.IsNullOrEmpty(demo)) return demo;
        return environment.IsDevelopment() ? DemoOptions.DevelopmentApiKey : "";
    }

    private static void PrintUrlOnStart(this WebApplication app, ApiConnection connection) =>
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var self = SelfAddress.Pick(app.Urls);
            Console.WriteLine();
            Console.WriteLine($"  CampaignAdmin dashboard: open {self}campaigns");
            Console.WriteLine($"  Campaign API: {(connection.IsEmbedded ? $"embedded sandbox at {self}v2" : connection.RemoteUrl)}");
            Console.WriteLine();
        });
}
