using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Routing;

namespace CampaignAdmin.ServiceDefaults.Health;

/// <summary>
/// <c>/health/live</c>: the process answers (no check runs). <c>/health/ready</c>: every check tagged <see cref="ReadyTag"/>
/// passes. Anonymous, outside any rate limit, and answering only <c>Healthy</c> / <c>Unhealthy</c>: no detail. The API
/// and the dashboard register their own checks; a process maps these once, whoever of them it hosts.
/// </summary>
public static class HealthEndpoints
{
    public const string LivePath = "/health/live";
    public const string ReadyPath = "/health/ready";
    public const string ReadyTag = "ready";

    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous().DisableRateLimiting();
        endpoints.MapHealthChecks(ReadyPath, new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) }).AllowAnonymous().DisableRateLimiting();
        return endpoints;
    }

    /// <summary>A request to one of these endpoints.</summary>
    public static bool IsProbe(Microsoft.AspNetCore.Http.PathString path) => path.StartsWithSegments(LivePath) || path.StartsWithSegments(ReadyPath);
}
