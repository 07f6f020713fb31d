using CampaignAdmin.Client;
using CampaignAdmin.Dashboard.Components;
using CampaignAdmin.Dashboard.Identity;
using CampaignAdmin.Dashboard.Live.Webhooks;
using CampaignAdmin.Dashboard.Preflight;
using CampaignAdmin.Dashboard.Reports;
using CampaignAdmin.Dashboard.Security;
using CampaignAdmin.Dashboard.Text;
using CampaignAdmin.ServiceDefaults.Health;
using CampaignAdmin.ServiceDefaults.Logging;
using MudBlazor;
using MudBlazor.Services;

namespace CampaignAdmin.Dashboard.Hosting;

/// <summary>
/// The dashboard's services and pipeline. It drives a Campaign API only through the Refit client: a remote one
/// (<c>CampaignApi:BaseUrl</c>), or in embedded mode the one the composition root (CampaignAdmin.Web) hosts in this
/// same process, called over HTTP on this process's own address exactly as a remote one would be.
/// </summary>
public static class DashboardHosting
{
    public const long MaxCircuitMessageBytes = 4 * 1024 * 1024;

    /// <summary>Registers the dashboard; the answer says whether the composition root must host the API beside it.</summary>
    public static ApiConnection AddDashboard(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        // Reset links, return URLs and a mistyped key in a query string never reach the log.
        services.AddQueryStringRedaction();
        var options = builder.Configuration.GetSection(CampaignApiOptions.Section).Get<CampaignApiOptions>() ?? new();
        options.Validate();
        var connection = ApiConnection.From(options, builder.Configuration["Messaging:Provider"]);
        services.AddSingleton(connection);
        services.AddSingleton<SelfAddress>();
        if (connection.IsEmbedded)
            services.AddCampaignApiClient(builder.Configuration, provider => provider.GetRequiredService<SelfAddress>().Resolve());
        else
            services.AddCampaignApiClient(builder.Configuration);

        builder.AddDashboardIdentity();
        // Ready once its database answers, migrated; in embedded mode the API's checks join it behind the same /health/ready.
        services.AddHealthChecks().AddCheck<MigratedDatabaseCheck<DashboardDb>>("dashboard database", tags: [HealthEndpoints.ReadyTag]);
        services.AddDashboardServices();
        services.ConfigurePreflight(builder.Configuration);
        services.AddReverseProxy(builder.Configuration);
        services.AddMudServices(config =>
        {
            // Bottom left, over the navigation: bottom right covered the grids' Actions column (a second Resend click hit the snackbar).
            config.SnackbarConfiguration.PositionClass = Defaults.Classes.Position.BottomLeft;
            config.SnackbarConfiguration.VisibleStateDuration = 6000;
        });
        // Pastes and uploads stream over the circuit in chunks (a JS stream reference, the file input's stream) of up to this
        // size each, so no paste or file is bound by it; the largest single messages left are typed fields (the JSON under
        // Advanced). One message over it drops the circuit without a word; SignalR's default is 32 KB.
        services.AddRazorComponents().AddInteractiveServerComponents()
            .AddHubOptions(hub => hub.MaximumReceiveMessageSize = MaxCircuitMessageBytes);
        return connection;
    }

    /// <summary>
    /// The dashboard's pipeline. <paramref name="mapHostedApi"/> maps whatever else this process serves (the embedded
    /// Campaign API) right after the forwarded headers, before the dashboard's own error pages, headers and sign-in.
    /// </summary>
    public static WebApplication MapDashboard(this WebApplication app, Action<WebApplication>? mapHostedApi = null)
    {
        app.UseReverseProxy();
        mapHostedApi?.Invoke(app);
        // A hosted API maps the health endpoints itself (its readiness and the dashboard's, one answer).
        if (mapHostedApi is null) app.MapHealthEndpoints();

        if (!app.Environment.IsDevelopment()) app.UseExceptionHandler("/error", createScopeForErrors: true);
        app.UseDashboardSecurity();
        // The user's language (cookie) or the browser's, for this request and a circuit it opens.
        app.UseRequestLocalization();
        app.UseDashboardAssets();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapReports();
        app.MapCultureSwitch();
        app.MapStatusWebhook();
        // Every page and the circuit's hub (/_blazor) need a signed-in user; the sign-in pages opt out with [AllowAnonymous].
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode().RequireAuthorization();
        app.PrintUrlOnStart(app.Services.GetRequiredService<ApiConnection>());
        return app;
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
