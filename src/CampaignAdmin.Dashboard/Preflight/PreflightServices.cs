using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CampaignAdmin.Dashboard.Preflight;

public static class PreflightServices
{
    /// <summary>The check, its look through campaigns, and the media probe (one guarded handler per process, connections pooled).</summary>
    public static IServiceCollection AddPreflight(this IServiceCollection services)
    {
        services.AddOptions<PreflightOptions>();
        services.TryAddSingleton(new GuardedConnect());
        services.TryAddSingleton<IMediaProbe>(provider => new MediaProbe(
            provider.GetRequiredService<GuardedConnect>().Handler(), provider.GetRequiredService<IOptions<PreflightOptions>>().Value.MediaTimeout));
        services.AddScoped<RecipientHistory>();
        services.AddScoped<PreflightCheck>();
        // In place of the approvals' default (no check): whichever of the two registers first, this one is what is resolved.
        services.RemoveAll<Approvals.IApprovalPreflight>();
        services.AddScoped<Approvals.IApprovalPreflight, ApprovalPreflight>();
        return services;
    }

    /// <summary>Binds <c>Preflight:*</c>; a setting out of range stops the start naming it.</summary>
    public static IServiceCollection ConfigurePreflight(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<PreflightOptions>(configuration.GetSection(PreflightOptions.Section));
        services.AddOptions<PreflightOptions>().Validate(o => o.RecentHours is >= 0 and <= 24 * 90, "Preflight:RecentHours must be from 0 to 2160.")
            .Validate(o => o.MessagesPerSecond >= 0, "Preflight:MessagesPerSecond must not be negative.")
            .Validate(o => o.MaxMediaLinks is >= 0 and <= 100, "Preflight:MaxMediaLinks must be from 0 to 100.")
            .Validate(o => o.MediaTimeout > TimeSpan.Zero && o.MediaTimeout <= TimeSpan.FromSeconds(30), "Preflight:MediaTimeout must be more than 0 and at most 00:00:30.")
            .ValidateOnStart();
        return services;
    }
}
