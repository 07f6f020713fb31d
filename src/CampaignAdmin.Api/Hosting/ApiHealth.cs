using CampaignAdmin.Api.Campaigns;
using CampaignAdmin.Api.Data;
using CampaignAdmin.Api.Sending;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace CampaignAdmin.Api.Hosting;

/// <summary>
/// <c>/health/live</c>: the process answers. <c>/health/ready</c>: the database answers with every migration applied,
/// the dispatcher (where enabled) is running, and the create path is warm (<see cref="CreateWarmUp"/> done, stepped
/// aside for a real create, or switched off), so a load balancer or an
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
        services.AddHealthChecks()
            .AddCheck<DatabaseCheck>("database", tags: [ReadyTag])
            .AddCheck<DispatcherCheck>("dispatcher", tags: [ReadyTag])
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
            if (!await db.Database.CanConnectAsync(cancellationToken)) return HealthCheckResult.Unhealthy("the database does not answer");
            return (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any()
                ? HealthCheckResult.Unhealthy("migrations are pending")
                : HealthCheckResult.Healthy();
        }
    }

    /// <summary>Unhealthy once the dispatcher's loop has ended while the host runs: nothing would be sent.</summary>
    private sealed class DispatcherCheck(IEnumerable<IHostedService> services, IOptions<DispatcherOptions> options, IHostApplicationLifetime lifetime) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            var dispatcher = services.OfType<Dispatcher>().SingleOrDefault();
            var stopped = options.Value.Enabled && dispatcher?.ExecuteTask is { IsCompleted: true } && !lifetime.ApplicationStopping.IsCancellationRequested;
            return Task.FromResult(stopped ? HealthCheckResult.Unhealthy("the dispatcher has stopped") : HealthCheckResult.Healthy());
        }
    }

    private sealed class WarmUpCheck(WarmUpState state) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            Task.FromResult(state.IsWarm ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("warming up"));
    }
}
