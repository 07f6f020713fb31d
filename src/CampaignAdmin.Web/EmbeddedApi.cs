using CampaignAdmin.Api.Hosting;
using CampaignAdmin.Api.Seeding;
using CampaignAdmin.Client;

namespace CampaignAdmin.Web;

/// <summary>
/// Embedded mode: the Campaign API hosted in the dashboard's process. The dashboard does not know it is there: its
/// Refit client calls this process's own address over HTTP with <see cref="ApiKey"/>, as it would call a remote API; only
/// live updates cross in-process (<see cref="LiveBridge"/>), as hints that make open pages re-read over HTTP.
/// </summary>
public static class EmbeddedApi
{
    public static WebApplicationBuilder AddEmbeddedCampaignApi(this WebApplicationBuilder builder)
    {
        builder.AddCampaignApi();
        var key = ApiKey(builder.Configuration, builder.Environment);
        builder.Services.PostConfigure<CampaignApiOptions>(o => o.ApiKey = string.IsNullOrEmpty(o.ApiKey) ? key : o.ApiKey);
        // After the API's database initializer: the API's status changes, for the dashboard's company, pushed to open pages.
        builder.Services.AddHostedService<LiveBridge>();
        return builder;
    }

    /// <summary><c>CampaignApi:ApiKey</c>, else the demo company's <c>Demo:ApiKey</c>, else (Development only) the documented demo key.</summary>
    public static string ApiKey(IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = configuration[$"{CampaignApiOptions.Section}:{nameof(CampaignApiOptions.ApiKey)}"];
        if (!string.IsNullOrEmpty(configured)) return configured;
        var demo = configuration[$"{DemoOptions.Section}:{nameof(DemoOptions.ApiKey)}"];
        if (!string.IsNullOrEmpty(demo)) return demo;
        return environment.IsDevelopment() ? DemoOptions.DevelopmentApiKey : "";
    }
}
