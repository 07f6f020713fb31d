using CampaignAdmin.Api.Auth;
using CampaignAdmin.Api.Campaigns;
using CampaignAdmin.Api.Data;
using CampaignAdmin.Api.Seeding;
using CampaignAdmin.Api.Sending;
using CampaignAdmin.Api.Sending.WhatsAppCloud.Templates;
using CampaignAdmin.Api.Sending.WhatsAppCloud.Webhooks;
using CampaignAdmin.Api.Templates;
using CampaignAdmin.Contracts.Validation;
using CampaignAdmin.Contracts.Wire;
using CampaignAdmin.ServiceDefaults.Health;
using CampaignAdmin.ServiceDefaults.Logging;
using Microsoft.AspNetCore.Diagnostics;

namespace CampaignAdmin.Api.Hosting;

/// <summary>Hosts the Campaign API in any ASP.NET Core app: standalone, or inside the dashboard (embedded mode).</summary>
public static class CampaignApiHosting
{
    public static WebApplicationBuilder AddCampaignApi(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        // A key sent in a query string is refused, but ASP.NET Core logs the URL: no log line may carry it.
        services.AddQueryStringRedaction();
        var database = CampaignDatabase.Read(builder.Configuration, builder.Environment.ContentRootPath);
        services.AddCampaignData(database);
        services.AddSingleton(ApiLimits.Read(builder.Configuration));
        services.Configure<CampaignRules>(builder.Configuration.GetSection(CampaignRules.Section));
        services.Configure<DemoOptions>(builder.Configuration.GetSection(DemoOptions.Section));

        services.AddApiKeyRateLimiting(builder.Configuration);
        services.AddCampaignEndpoints();
        services.AddScoped<CampaignCreator>();
        services.AddSingleton<CreateActivity>();
        services.AddApiHealth();
        services.AddApiTelemetry();

        // Order matters: the schema exists before anything sends.
        services.AddHostedService<DatabaseInitializer>();
        if (database.IsSqlite) services.AddHostedService<WalCheckpointer>();
        services.AddMessaging(builder.Configuration);
        var warmUp = builder.Configuration.GetValue(CreateWarmUp.Setting, defaultValue: true);
        services.AddSingleton(new WarmUpState(warm: !warmUp));
        if (warmUp) services.AddHostedService<CreateWarmUp>();

        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.Warning);
        return builder;
    }

    /// <summary>Maps <c>/v2</c>. Call it where routing has already run (the default for a <see cref="WebApplication"/>).</summary>
    public static WebApplication MapCampaignApi(this WebApplication app)
    {
        app.UseWhen(context => context.Request.Path.StartsWithSegments(ApiRoutes.Prefix), api =>
        {
            // On every answer, errors included: the exception handler clears headers, so it is added as the answer starts.
            api.Use((context, next) =>
            {
                context.Response.OnStarting(static state =>
                {
                    ((HttpResponse)state).Headers.XContentTypeOptions = "nosniff";
                    return Task.CompletedTask;
                }, context.Response);
                return next(context);
            });
            // The vendor's wire, even for failures: {"Error":"…"}, never a stack trace.
            api.UseExceptionHandler(new ExceptionHandlerOptions
            {
                ExceptionHandler = context => ApiResults.WriteErrorAsync(context, StatusCodes.Status500InternalServerError, "internal server error"),
            });
            api.UseStatusCodePages(context => context.HttpContext.Response.StatusCode switch
            {
                StatusCodes.Status404NotFound => ApiResults.WriteErrorAsync(context.HttpContext, 404, "not found"),
                StatusCodes.Status405MethodNotAllowed => ApiResults.WriteErrorAsync(context.HttpContext, 405, "method not allowed"),
                StatusCodes.Status413PayloadTooLarge => ApiResults.WriteErrorAsync(context.HttpContext, 413, ErrorTexts.BodyTooLarge),
                var code => ApiResults.WriteErrorAsync(context.HttpContext, code, "bad request"),
            });
            api.UseRateLimiter();
        });

        var v2 = app.MapGroup(ApiRoutes.Prefix)
            .RequireRateLimiting(ApiRateLimiting.Policy)
            .AddEndpointFilter<VendorJsonFilter>()
            .AddEndpointFilter<ApiKeyFilter>()
            .DisableAntiforgery();
        v2.MapCampaignsApi();
        v2.MapTemplatesApi();
        v2.MapTemplateSyncApi();
        v2.MapKeysApi();
        app.MapWhatsAppWebhooks();
        v2.MapSendingApi();
        app.MapHealthEndpoints();
        return app;
    }
}
