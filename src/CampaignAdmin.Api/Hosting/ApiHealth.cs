using CampaignAdmin.Api.Campaigns;
using CampaignAdmin.Api.Data;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CampaignAdmin.Api.Hosting;

/// <summary>
/// <c>/health/live</c>: the process answers. <c>/health/ready</c>: the database answers and the create path is warm
/// (<see cref="CreateWarmUp"/> done, stepped aside for a real create, or switched off), so a load balancer or an
/// orchestrator's readiness probe sends no traffic to a process whose first big create would pay for JIT. Both are
/// anonymous, outside <c>/v2</c>'s key and rate limit, and answer only <c>Healthy</c> / <c>Unhealthy</c>: no detail.
/// </summary>
public static class ApiHealth
{
    public const string LivePath = "/health/live";
    public const string ReadyPath = "/health/ready";
    private const string ReadyTag = "ready";

    public static IServiceCollection AddApiHealth(this IServiceCollection services)
    {
        services.AddSingleton<WarmUpState>();
        services.AddHealthChecks()
            .AddCheck<DatabaseCheck>("database", tags: [ReadyTag])
            .AddCheck<WarmUpCheck>("create warm-up", tags: [ReadyTag]);
        return services;
    }

    public static IEndpointRouteBuilder MapApiHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous().DisableRateLimiting();
        endpoints.MapHealthChecks(ReadyPath, new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) }).AllowAnonymous().DisableRateLimiting();
        return endpoints;
    }

    private sealed class DatabaseCheck(IDbContextFactory<CampaignDb> contexts) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            return await db.Database.CanConnectAsync(cancellationToken) ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("the database does not answer");
        }
    }

    private sealed class WarmUpCheck(WarmUpState state) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            Task.FromResult(state.IsWarm ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("warming up"));
    }
}
